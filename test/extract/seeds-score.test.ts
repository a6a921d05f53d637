import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { expectScoreAtLeast, extractAll, repoRoot, scoreRecords } from './score-support.ts';

describe('extraction quality on the five seed reports', () => {
  it('reaches the issue thresholds with the shared scorer', async () => {
    const records = await extractAll([join(repoRoot, 'seeds')]);
    expect(records).toHaveLength(5);
    const score = scoreRecords(records);
    expectScoreAtLeast(score, {
      entities: 0.95,
      relations: 0.9,
      statistics: 0.85,
      title: 0.9,
      role: 0.9,
    });
  });
});
