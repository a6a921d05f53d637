import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { extractAll, ratio, repoRoot, scoreRecords } from './score-support.ts';

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
    const summary = {
      entities: score.entities.f1,
      relations: score.relations.f1,
      statistics: score.statistics.f1,
      title: ratio(score.attributes.title),
      role: ratio(score.attributes.role),
    };
    expect(summary, score.misses.join('\n')).toEqual({
      entities: expect.toSatisfy((v: number) => v >= 0.95),
      relations: expect.toSatisfy((v: number) => v >= 0.89),
      statistics: expect.toSatisfy((v: number) => v >= 0.92),
      title: expect.toSatisfy((v: number) => v >= 0.95),
      role: expect.toSatisfy((v: number) => v >= 0.9),
    });
  });
});
