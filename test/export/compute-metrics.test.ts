import { describe, expect, it } from 'vitest';
import type { Subgraph } from '../../src/graph/subgraph.ts';
import { computeMetrics } from '../../src/metrics/compute-metrics.ts';

function linkAll(pairs: [string, string][]): Subgraph {
  const ids = [...new Set(pairs.flat())].sort();
  return {
    nodes: ids.map((id) => ({ id, type: 'Official', name: id, province: null, date: null })),
    edges: pairs.map(([source, target], index) => ({
      id: `r${index}`, type: 'COOPERATES_WITH', source, target, attributes: {}, evidence: [],
    })),
  };
}

describe('computeMetrics', () => {
  it('gives the middle of a path all the betweenness and the most PageRank', () => {
    const metrics = computeMetrics(linkAll([['a', 'b'], ['b', 'c']]));
    const b = metrics.nodes.get('b');
    const a = metrics.nodes.get('a');
    expect(b?.degree).toBe(2);
    expect(b?.betweenness).toBeCloseTo(1, 6);
    expect(a?.betweenness).toBe(0);
    expect(a?.degree).toBe(1);
    expect(b!.pagerank).toBeGreaterThan(a!.pagerank);
    const total = [...metrics.nodes.values()].reduce((sum, m) => sum + m.pagerank, 0);
    expect(total).toBeCloseTo(1, 6);
  });

  it('splits two triangles joined by one bridge into two communities, largest first', () => {
    const metrics = computeMetrics(linkAll([
      ['a', 'b'], ['b', 'c'], ['a', 'c'],
      ['x', 'y'], ['y', 'z'], ['x', 'z'],
      ['c', 'x'],
    ]));
    const community = (id: string) => metrics.nodes.get(id)?.community;
    expect(metrics.communityCount).toBe(2);
    expect(new Set(['a', 'b', 'c'].map(community)).size).toBe(1);
    expect(new Set(['x', 'y', 'z'].map(community)).size).toBe(1);
    expect(community('a')).not.toBe(community('x'));
    expect(new Set([community('a'), community('x')])).toEqual(new Set([0, 1]));
    expect(metrics.modularity).toBeGreaterThan(0.3);
    // the bridge ends carry every path between the triangles
    expect(metrics.nodes.get('c')!.betweenness).toBeGreaterThan(metrics.nodes.get('a')!.betweenness);
  });

  it('counts parallel relationships in degree but not twice in the projection', () => {
    const subgraph = linkAll([['a', 'b'], ['a', 'b'], ['b', 'a'], ['b', 'c']]);
    const metrics = computeMetrics(subgraph);
    expect(metrics.nodes.get('a')?.degree).toBe(3);
    expect(metrics.nodes.get('b')?.degree).toBe(4);
    expect(metrics.nodes.get('b')?.betweenness).toBeCloseTo(1, 6);
  });

  it('gives the same communities on every run', () => {
    const pairs: [string, string][] = [];
    for (let i = 0; i < 30; i += 1) pairs.push([`n${i}`, `n${(i * 7 + 3) % 30}`], [`n${i}`, `n${(i + 1) % 30}`]);
    const first = computeMetrics(linkAll(pairs));
    const second = computeMetrics(linkAll(pairs));
    expect([...second.nodes.entries()]).toEqual([...first.nodes.entries()]);
  });

  it('measures an empty subgraph as empty', () => {
    expect(computeMetrics({ nodes: [], edges: [] })).toEqual({ nodes: new Map(), communityCount: 0, modularity: 0 });
  });

  it('handles nodes without any relationship', () => {
    const metrics = computeMetrics({
      nodes: [
        { id: 'lonely', type: 'Agency', name: 'lonely', province: null, date: null },
        { id: 'alone', type: 'Agency', name: 'alone', province: null, date: null },
      ],
      edges: [],
    });
    expect(metrics.nodes.get('lonely')).toMatchObject({ degree: 0, pagerank: 0.5, betweenness: 0 });
    expect(metrics.communityCount).toBe(2);
  });

  it('measures actor relationships by default; LOCATED_IN, MERGED_INTO and MENTIONS only when asked', () => {
    // Three officials attend one meeting; every node is also in one province, which merged into another.
    const nodes = ['o1', 'o2', 'o3', 'm', 'p', 'q'].map((id) => ({
      id, type: id.startsWith('o') ? 'Official' : id === 'm' ? 'Meeting' : 'Province', name: id, province: null, date: null,
    }));
    const edge = (type: string, source: string, target: string) => ({ id: `${type}|${source}|${target}`, type, source, target, attributes: {}, evidence: [] });
    const subgraph: Subgraph = {
      nodes,
      edges: [
        ...['o1', 'o2', 'o3'].map((o) => edge('ATTENDED', o, 'm')),
        ...['o1', 'o2', 'o3', 'm'].map((n) => edge('LOCATED_IN', n, 'p')),
        edge('MERGED_INTO', 'p', 'q'),
        edge('MENTIONS', 'q', 'm'),
      ],
    };
    const actors = computeMetrics(subgraph);
    expect(actors.nodes.get('p')).toMatchObject({ degree: 0, betweenness: 0 });
    expect(actors.nodes.get('m')!.degree).toBe(3);
    const ranked = [...actors.nodes.entries()].sort((a, b) => b[1].pagerank - a[1].pagerank).map(([id]) => id);
    expect(ranked[0]).toBe('m');
    expect(ranked.slice(0, 4).sort()).toEqual(['m', 'o1', 'o2', 'o3']);

    const everything = computeMetrics(subgraph, { includeStructural: true });
    expect(everything.nodes.get('p')!.degree).toBe(5);
    expect(everything.nodes.get('m')!.degree).toBe(5);
    expect(everything.nodes.get('q')!.degree).toBe(2);
    const top = [...everything.nodes.entries()].sort((a, b) => b[1].pagerank - a[1].pagerank).map(([id]) => id);
    expect(top.slice(0, 2).sort()).toEqual(['m', 'p']);
    expect(everything.nodes.get('p')!.pagerank).toBeGreaterThan(3 * actors.nodes.get('p')!.pagerank);
  });
});
