import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildASTSchema, concatAST, validate } from 'graphql';
import { gql } from 'graphql-tag';
import { describe, expect, it } from 'vitest';
import { parseTypeDefs } from '../../src/api/type-defs.ts';

/**
 * The GraphQL documents hoptac sends itself — the page's operations and the benchmark's — parsed
 * by graphql-tag as the page and the benchmark parse them, and valid against the server's schema:
 * a field renamed in the schema fails here, not in an analyst's browser.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGE_QUERIES = join(ROOT, 'src/web/api/queries');
const schema = buildASTSchema(concatAST(parseTypeDefs()));
/** The shared fragments, by name: the page adds those an operation spreads (`operation` in graphql-client.ts). */
const fragments = new Map(
  readdirSync(join(PAGE_QUERIES, 'fragments')).map((file) => {
    const source = readFileSync(join(PAGE_QUERIES, 'fragments', file), 'utf8');
    return [/fragment (\w+)/.exec(source)![1]!, source] as const;
  }),
);

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? graphqlFiles(join(dir, entry.name)) : entry.name.endsWith('.graphql') ? [join(dir, entry.name)] : [],
  );
}

const pageOperations = graphqlFiles(PAGE_QUERIES).filter((file) => !file.includes('/fragments/'));
const benchOperations = graphqlFiles(join(ROOT, 'bench/queries')).filter((file) => file.endsWith('.hoptac.graphql'));

describe('the operations hoptac sends', () => {
  it('are found', () => {
    expect(pageOperations.length).toBeGreaterThan(10);
    expect([...fragments.keys()].sort()).toEqual(['EntityRef', 'ReportRef']);
    expect(benchOperations.length).toBeGreaterThanOrEqual(5);
  });

  it.each([...pageOperations, ...benchOperations].map((file) => [relative(ROOT, file), file]))('%s parses and is valid against the schema', (_, file) => {
    const source = readFileSync(file, 'utf8');
    const spread = [...fragments].filter(([name]) => source.includes(`...${name}`)).map(([, fragment]) => fragment);
    const document = gql([source, ...spread].join('\n'));
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });
});
