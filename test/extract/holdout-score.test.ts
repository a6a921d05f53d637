import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { expectScoreAtLeast, extractAll, repoRoot, scoreRecords } from './score-support.ts';

/**
 * The held-out reports were written blind and scored once the extractor was frozen
 * (entities 0.965, relations 0.901, statistics 0.938). Thresholds sit just under those
 * figures so that a regression on unseen wording fails.
 */
describe('extraction quality on the held-out reports', () => {
  it('keeps the blind score', async () => {
    const records = await extractAll([join(repoRoot, 'test/fixtures/holdout/reports')]);
    expect(records).toHaveLength(10);
    const score = scoreRecords(records, join(repoRoot, 'test/fixtures/holdout/expected'));
    expectScoreAtLeast(score, {
      entities: 0.95,
      relations: 0.89,
      statistics: 0.92,
      title: 0.95,
      role: 0.9,
    });
  });
});
