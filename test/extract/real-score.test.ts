import { describe, expect, it } from 'vitest';
import { expectScoreAtLeast, f1Of, scoreReal } from './score-support.ts';

/**
 * Extraction on real reports: 56 pages written by journalists (`../shared/eval/real`), split once
 * by report number into half A (odd, developed on) and half B (even). Half B was scored once before
 * its misses were read — entities 0.897, relations 0.763, statistics 0.756, with half A then at
 * 0.970, 0.922, 1.000 — the estimate for pages nobody here has seen; only then was the whole set
 * used. Thresholds sit just under the figures measured now, so a change that loses ground on real
 * text fails here.
 */
describe('extraction quality on real reports', () => {
  it('the whole set keeps its measured score, every relation type included', async () => {
    const { records, score } = await scoreReal('all');
    expect(records).toHaveLength(56);
    expectScoreAtLeast(score, { entities: 0.99, relations: 0.98, statistics: 0.99, title: 0.95, role: 0.95 });
    const relationF1 = Object.fromEntries(Object.entries(score.relations.byType).map(([type, tally]) => [type, f1Of(tally)]));
    const floors = { ORGANIZED: 0.97, ATTENDED: 0.97, HOLDS_POSITION: 0.97, AWARDED_BY: 0.95, PRESENTED_AT: 0.95, RECEIVED: 0.95, COOPERATES_WITH: 0.9 };
    expect(relationF1).toEqual(Object.fromEntries(Object.entries(floors).map(([type, floor]) => [type, expect.toSatisfy((v: number) => v >= floor)])));
  });

  it('half A (odd report numbers) keeps its measured score', async () => {
    const { records, score } = await scoreReal('A');
    expect(records).toHaveLength(28);
    expectScoreAtLeast(score, { entities: 0.98, relations: 0.98, statistics: 0.99, title: 0.9, role: 0.9 });
  });

  it('half B (even report numbers) keeps its measured score', async () => {
    const { records, score } = await scoreReal('B');
    expect(records).toHaveLength(28);
    expectScoreAtLeast(score, { entities: 0.99, relations: 0.98, statistics: 0.99, title: 0.9, role: 0.9 });
  });
});
