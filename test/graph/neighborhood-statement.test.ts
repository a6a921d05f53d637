import { describe, expect, it } from 'vitest';
import { cypher } from '../../src/graph/cypher.ts';
import { ENTITY_RELATION_TYPES, PROVINCE_RELATION_TYPES } from '../../src/graph/subgraph.ts';

describe('the neighbourhood statement', () => {
  it('reads edges between hubs for every relationship type it walks, each in one direction only', () => {
    // The typed expansions from a hub, `(h)-[r:A|B]->(other)` and `(h)<-[r:C]-(other)`: a type in
    // neither would lose the edges between two hubs, a type in both would read them twice.
    const lists = [...cypher('api/neighborhood').matchAll(/\(h\)(?:-|<-)\[r:([A-Z_|]+)\]/g)].map((m) => (m[1] ?? '').split('|'));
    expect(lists).toHaveLength(2);
    const typed = lists.flat();
    expect(new Set(typed).size).toBe(typed.length);
    expect([...typed].sort()).toEqual([...ENTITY_RELATION_TYPES, ...PROVINCE_RELATION_TYPES].sort());
  });
});
