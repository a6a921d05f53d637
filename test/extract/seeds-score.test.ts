import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { extractAll, ratio, repoRoot, scoreRecords } from './score-support.ts';

describe('extraction quality on the five seed reports', () => {
  it('reaches the issue thresholds with the shared scorer', async () => {
    const records = await extractAll([join(repoRoot, 'seeds')]);
    expect(records).toHaveLength(5);
    const score = scoreRecords(records);
    const summary = {
      entities: score.entities.f1,
      relations: score.relations.f1,
      statistics: score.statistics.f1,
      title: ratio(score.attributes.title),
      role: ratio(score.attributes.role),
    };
    expect(summary, score.misses.join('\n')).toEqual({
      entities: expect.toSatisfy((v: number) => v >= 0.95),
      relations: expect.toSatisfy((v: number) => v >= 0.9),
      statistics: expect.toSatisfy((v: number) => v >= 0.85),
      title: expect.toSatisfy((v: number) => v >= 0.9),
      role: expect.toSatisfy((v: number) => v >= 0.9),
    });
  });
});
