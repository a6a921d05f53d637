import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { extractAll, ratio, repoRoot, scoreRecords } from './score-support.ts';

/**
 * The hand-written fixture reports (other provinces, a congress, awards with named
 * cooperatives, a signing, no province, a .jsonl feed with URLs) were written
 * without looking at the extractor. Thresholds sit just under the measured figures
 * so that a regression fails; they are not the targets for the seeds.
 */
describe('extraction quality on the fixture reports', () => {
  it('scores at the measured level against the expected records', async () => {
    const records = await extractAll([join(repoRoot, 'test/fixtures/reports')]);
    expect(records.length).toBeGreaterThanOrEqual(13);
    const score = scoreRecords(records, join(repoRoot, 'test/fixtures/expected'));
    const summary = {
      entities: score.entities.f1,
      relations: score.relations.f1,
      statistics: score.statistics.f1,
      title: ratio(score.attributes.title),
      role: ratio(score.attributes.role),
    };
    expect(summary, score.misses.join('\n')).toEqual({
      entities: expect.toSatisfy((v: number) => v >= 0.97),
      relations: expect.toSatisfy((v: number) => v >= 0.96),
      statistics: expect.toSatisfy((v: number) => v >= 0.97),
      title: expect.toSatisfy((v: number) => v >= 0.95),
      role: expect.toSatisfy((v: number) => v >= 0.95),
    });
  });
});
