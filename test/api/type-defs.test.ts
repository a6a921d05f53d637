import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildASTSchema, buildSchema, concatAST, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parseTypeDefs, readTypeDefs } from '../../src/api/type-defs.ts';

describe('the schema files', () => {
  it('are parsed by graphql-tag into the schema the SDL describes, a document per file', () => {
    const documents = parseTypeDefs();
    expect(documents.length).toBeGreaterThan(1);
    expect(printSchema(buildASTSchema(concatAST(documents)))).toBe(printSchema(buildSchema(readTypeDefs())));
  });

  it('name the file of a syntax error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoptac-schema-'));
    writeFileSync(join(dir, '00-good.graphql'), 'type Query { ok: Boolean }');
    writeFileSync(join(dir, '10-broken.graphql'), 'type Meeting { name: String');
    expect(() => parseTypeDefs(dir)).toThrow(/^schema\/10-broken\.graphql: Syntax Error/);
  });
});
