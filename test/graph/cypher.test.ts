import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELATION_FIELDS } from '../../src/api/resolvers/relation-fields.ts';
import { CYPHER_DIR, cypher, listCypherNames } from '../../src/graph/cypher.ts';

describe('named Cypher statements', () => {
  it('have every __fragment:…__ replaced by its fragment, without the fragment’s comments', () => {
    const source = readFileSync(join(CYPHER_DIR, 'api/relations.cypher'), 'utf8');
    expect(source).toContain('__fragment:evidence-recent__');
    const statement = cypher('api/relations');
    expect(statement).not.toContain('__fragment:');
    const fragment = readFileSync(join(CYPHER_DIR, 'fragments/evidence-recent.cypher'), 'utf8');
    const body = fragment
      .split('\n')
      .filter((line) => !line.startsWith('//'))
      .join('\n')
      .trim();
    expect(statement).toContain(body);
    expect(statement).not.toContain('(undated reports count as oldest)');
  });

  it('leave no fragment unresolved in any folder', () => {
    for (const folder of ['api', 'ingest', 'bench', 'platform', 'schema']) {
      for (const name of listCypherNames(folder)) expect(cypher(name), name).not.toMatch(/__fragment:/);
    }
  });
});

describe('fragments/expand-request', () => {
  const fragment = readFileSync(join(CYPHER_DIR, 'fragments/expand-request.cypher'), 'utf8');
  const requested = Object.values(RELATION_FIELDS).flatMap((fields) => Object.values(fields).map((field) => [field.type, field.direction] as const));

  it.each(requested)('reads %s relationships in direction %s with a typed pattern', (type, direction) => {
    const ways = direction === 'both' ? ['out', 'in'] : [direction];
    for (const way of ways) {
      const pattern = way === 'out' ? `(n)-[r:${type}]->(m)` : `(n)<-[r:${type}]-(m)`;
      expect(fragment).toContain(`WITH n, req WHERE req.type = '${type}' AND req.direction IN ['${way}', 'both']\nMATCH ${pattern}\n`);
    }
  });
});
