import { describe, expect, it } from 'vitest';
import { planSelection, restrictToWindow } from '../../src/export/selector.ts';
import { sampleSubgraph } from './sample-subgraph.ts';

describe('planSelection', () => {
  it('plans a neighbourhood with a date window applied afterwards', () => {
    expect(planSelection({ around: 'official:dinh cong su@hoa binh', depth: '2', from: '2024-01-01' })).toEqual({
      ok: true,
      plan: {
        selection: { around: 'official:dinh cong su@hoa binh', depth: 2 },
        window: { from: '2024-01-01' },
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
