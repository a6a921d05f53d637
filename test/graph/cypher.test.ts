import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
