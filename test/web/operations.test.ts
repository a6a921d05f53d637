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
const entityRef = readFileSync(join(PAGE_QUERIES, 'entity-ref.graphql'), 'utf8');

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? graphqlFiles(join(dir, entry.name)) : entry.name.endsWith('.graphql') ? [join(dir, entry.name)] : [],
  );
}

const pageOperations = graphqlFiles(PAGE_QUERIES).filter((file) => !file.endsWith('entity-ref.graphql'));
const benchOperations = graphqlFiles(join(ROOT, 'bench/queries')).filter((file) => file.endsWith('.hoptac.graphql'));

describe('the operations hoptac sends', () => {
  it('are found', () => {
    expect(pageOperations.length).toBeGreaterThan(10);
    expect(benchOperations.length).toBeGreaterThanOrEqual(5);
  });

  it.each([...pageOperations, ...benchOperations].map((file) => [relative(ROOT, file), file]))('%s parses and is valid against the schema', (_, file) => {
    const source = readFileSync(file, 'utf8');
    // the page adds the EntityRef fragment to the operations that spread it (`withEntityRef`)
    const document = gql(source.includes('...EntityRef') ? `${source}\n${entityRef}` : source);
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });
});
