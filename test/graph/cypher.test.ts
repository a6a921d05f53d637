import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELATION_FIELDS } from '../../src/api/resolvers/relation-fields.ts';
import { CYPHER_DIR, compactStatement, cypher, listCypherNames } from '../../src/graph/cypher.ts';

describe('named Cypher statements', () => {
  it('have every __fragment:…__ replaced by its fragment, without the fragment’s comments or indentation', () => {
    const source = readFileSync(join(CYPHER_DIR, 'api/relations.cypher'), 'utf8');
    expect(source).toContain('__fragment:evidence-recent__');
    const statement = cypher('api/relations');
    expect(statement).not.toContain('__fragment:');
    const fragment = readFileSync(join(CYPHER_DIR, 'fragments/evidence-recent.cypher'), 'utf8');
    expect(fragment).toMatch(/^\/\/ /);
    expect(fragment).toMatch(/\n {2}MATCH \(ev:Evidence/);
    expect(statement).toContain(compactStatement(fragment));
    expect(statement).toContain('reverse(COLLECT {\nMATCH (ev:Evidence)\nUSING INDEX ev:Evidence(fact, rank)\n');
    expect(statement).not.toContain('(undated reports count as oldest)');
  });

  it('name the index of every Evidence lookup they read, so that stale index samples after a bulk load cannot turn it into a scan', () => {
    let lookups = 0;
    for (const folder of ['api', 'ingest', 'fragments']) {
      for (const name of listCypherNames(folder)) {
        // Each `MATCH (x:Evidence…` and the clause after it, as sent.
        for (const match of cypher(name).matchAll(/MATCH \((\w*):Evidence\b[^\n]*\n?([^\n]*)/g)) {
          lookups += 1;
          expect(`${match[0]}`, name).toMatch(new RegExp(`USING INDEX ${match[1]}:Evidence\\(`));
        }
      }
    }
    expect(lookups).toBeGreaterThanOrEqual(6);
  });

  it('leave no fragment unresolved in any folder', () => {
    for (const folder of FOLDERS) {
      for (const name of listCypherNames(folder)) expect(cypher(name), name).not.toMatch(/__fragment:/);
    }
  });

  it('are sent without comment lines, blank lines or indentation, keeping every line of code', () => {
    const source = readFileSync(join(CYPHER_DIR, 'api/paths.cypher'), 'utf8');
    expect(source).toMatch(/^\/\/ Shortest paths/);
    const statement = cypher('api/paths');
    expect(statement.startsWith('MATCH (a:Entity {key: $from})\nMATCH (b:Entity {key: $to})\nMATCH p = allShortestPaths(')).toBe(true);
    for (const folder of FOLDERS) {
      for (const name of listCypherNames(folder)) {
        const lines = cypher(name).split('\n');
        expect(lines.filter((line) => line === '' || line.startsWith('//') || line !== line.trim()), name).toEqual([]);
        expect(cypher(name), name).not.toMatch(/;$/);
      }
    }
  });

  it('keep comments on lines of their own and string literals on one line, so leaving comment lines out cuts no code', () => {
    for (const folder of [...FOLDERS, 'fragments']) {
      for (const name of listCypherNames(folder)) {
        const code = readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8')
          .split('\n')
          .filter((line) => !line.trimStart().startsWith('//'));
        for (const line of code) {
          const outsideStrings = line.replace(/'[^']*'|"[^"]*"|`[^`]*`/g, '');
          expect(outsideStrings, `${name}: ${line}`).not.toMatch(/['"`]|\/\//);
        }
      }
    }
  });
});

describe('compactStatement', () => {
  it('leaves out comment and blank lines and indentation, and keeps code lines whole and in order', () => {
    const text = '// a comment\nMATCH (n)\n\n   // indented comment\n  WHERE n.url = \'http://x\'  \n\tRETURN n;\n';
    expect(compactStatement(text)).toBe("MATCH (n)\nWHERE n.url = 'http://x'\nRETURN n;");
  });
});

const FOLDERS = ['api', 'ingest', 'bench', 'platform', 'schema', 'backfill'];

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
