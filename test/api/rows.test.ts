import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { countsOf } from '../../src/api/resolvers/entities.ts';
import { parseEvidenceList, toCypherParams, toPlain } from '../../src/graph/read-rows.ts';
import { toEdge } from '../../src/graph/subgraph.ts';

describe('rows from Neo4j', () => {
  it('turn a stored relationship into a network edge with a stable id, its role and parsed evidence', () => {
    const evidence = JSON.stringify({ report: 'report:a.txt', start: 10, end: 20, text: 'Đồng chí A dự.' });
    const edge = toEdge({
      source: 'official:a@hoa binh',
      target: 'meeting:2024-01-04@hoa binh@alliance:hoa binh',
      type: 'ATTENDED',
      props: { role: 'spoke', reports: ['report:a.txt'], evidence: [evidence, 'not json'], attributes: '{"note":"x"}' },
    });
    expect(edge).toEqual({
      id: 'ATTENDED|official:a@hoa binh|meeting:2024-01-04@hoa binh@alliance:hoa binh|spoke',
      type: 'ATTENDED',
      source: 'official:a@hoa binh',
      target: 'meeting:2024-01-04@hoa binh@alliance:hoa binh',
      attributes: { note: 'x', role: 'spoke' },
      evidence: [{ report: 'report:a.txt', start: 10, end: 20, text: 'Đồng chí A dự.' }],
    });
  });

  it('convert driver integers both ways and drop unreadable evidence', () => {
    expect(toPlain({ count: neo4j.int(3), list: [neo4j.int(1)] })).toEqual({ count: 3, list: [1] });
    const node = new neo4j.types.Node(neo4j.int(7), ['Official'], { key: 'official:a@hoa binh', rank: neo4j.int(2) }, 'e7');
    expect(toPlain({ rows: [{ node, end: null, name: 'Hòa Bình', ok: true }], none: [] })).toEqual({
      rows: [{ node: { key: 'official:a@hoa binh', rank: 2 }, end: null, name: 'Hòa Bình', ok: true }],
      none: [],
    });
    expect(neo4j.isInt(toCypherParams({ limit: 5 }).limit)).toBe(true);
    expect(toCypherParams({ value: 4.5 }).value).toBe(4.5);
    expect(parseEvidenceList(null)).toEqual([]);
  });

  it('read award recipient counts from the attributes', () => {
    expect(countsOf({ collectives: 2, individuals: 2 })).toEqual({ collectives: 2, individuals: 2, total: 4 });
    expect(countsOf({ collectives: 3 })).toEqual({ collectives: 3, individuals: null, total: 3 });
    expect(countsOf({})).toEqual({ collectives: null, individuals: null, total: null });
  });
});
