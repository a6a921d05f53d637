import { describe, expect, it } from 'vitest';
import { narrowSubgraph, planSelection, restrictToWindow } from '../../src/export/selector.ts';
import { sampleSubgraph } from './sample-subgraph.ts';

describe('planSelection', () => {
  it('plans a neighbourhood with a date window applied afterwards', () => {
    expect(planSelection({ around: 'official:dinh cong su@hoa binh', depth: '2', from: '2024-01-01' })).toEqual({
      ok: true,
      plan: {
        selection: { around: 'official:dinh cong su@hoa binh', depth: 2 },
        window: { from: '2024-01-01' },
        types: null,
        description: 'around official:dinh cong su@hoa binh, depth 2 from 2024-01-01 to …',
      },
    });
  });

  it('passes a province and its dates to the graph', () => {
    expect(planSelection({ province: 'Hòa Bình', from: '2024-01-01', to: '2024-12-31' })).toMatchObject({
      ok: true,
      plan: { selection: { province: 'Hòa Bình', from: '2024-01-01', to: '2024-12-31' }, window: null },
    });
    expect(planSelection({ to: '2023-12-31' })).toMatchObject({ ok: true, plan: { selection: { to: '2023-12-31' } } });
    expect(planSelection({ all: true })).toMatchObject({ ok: true, plan: { selection: { all: true } } });
  });

  it('names the field of a bad selector', () => {
    expect(planSelection({ around: 'x', depth: 7 })).toMatchObject({ ok: false, reason: expect.stringMatching(/^depth: /) });
    expect(planSelection({ from: '4/1/2024' })).toEqual({ ok: false, reason: 'from: a day as YYYY-MM-DD' });
    expect(planSelection({ to: '2024-02-30' })).toEqual({ ok: false, reason: 'to: a day as YYYY-MM-DD' });
    expect(planSelection({ from: '2024-02-01', to: '2024-01-01' })).toEqual({ ok: false, reason: 'selection: from must not come after to' });
    expect(planSelection({ around: 'x', province: 'Hòa Bình' })).toMatchObject({ ok: false });
    expect(planSelection({})).toEqual({ ok: false, reason: 'selection: give around, province, from/to, or all' });
  });

  it('refuses a type the graph does not have, naming it', () => {
    expect(planSelection({ all: true, types: ['Official', 'Officil'] })).toEqual({
      ok: false,
      reason: 'types.1: unknown type "Officil"; expected Province, Alliance, Official, Meeting, Agency, Award, Cooperative',
    });
    expect(planSelection({ around: 'x', types: ['Report'] })).toMatchObject({ ok: false, reason: expect.stringMatching(/^types\.0: unknown type "Report"/) });
  });

  it('keeps types for every selection: the walk narrows a neighbourhood, the others are narrowed after reading', () => {
    expect(planSelection({ around: 'x', types: ['Official'] })).toMatchObject({ ok: true, plan: { selection: { around: 'x', types: ['Official'] }, types: null } });
    for (const selector of [{ all: true }, { province: 'Hòa Bình' }, { from: '2024-01-01' }]) {
      expect(planSelection({ ...selector, types: ['Official', 'Agency'] })).toMatchObject({ ok: true, plan: { types: ['Official', 'Agency'] } });
    }
  });
});

describe('narrowSubgraph', () => {
  it('keeps only the nodes of the types asked for and the relationships among them', () => {
    const planned = planSelection({ all: true, types: ['Official', 'Alliance'] });
    if (!planned.ok) throw new Error(planned.reason);
    const narrowed = narrowSubgraph(sampleSubgraph, planned.plan);
    expect(narrowed.nodes.map((node) => node.id)).toEqual([
      'alliance:hoa binh',
      'official:dinh cong su@hoa binh',
      'official:tran an dinh@hoa binh',
      'official:le tuan an@national',
    ]);
    expect(narrowed.edges.map((edge) => edge.id)).toEqual(['e5']);
  });
});

describe('restrictToWindow', () => {
  it('drops a meeting outside the window and the officials tied only to it', () => {
    const restricted = restrictToWindow(sampleSubgraph, { from: '2024-02-01' });
    expect(restricted.nodes.map((node) => node.id).sort()).toEqual([
      'agency:so ke hoach & dau tu@hoa binh',
      'alliance:hoa binh',
      'official:tran an dinh@hoa binh',
      'province:hoa binh',
    ]);
    expect(restricted.edges.map((edge) => edge.id).sort()).toEqual(['e5', 'e6', 'e8']);
  });

  it('leaves the subgraph whole when the meeting is inside the window', () => {
    expect(restrictToWindow(sampleSubgraph, { from: '2024-01-04', to: '2024-01-04' })).toEqual(sampleSubgraph);
  });
});
