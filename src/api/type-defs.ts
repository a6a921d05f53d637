import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { DocumentNode } from 'graphql';
import { gql } from 'graphql-tag';

/** Where the SDL lives: `schema/*.graphql`, read in file-name order. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));

const schemaFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();

/** The schema's SDL, every `schema/*.graphql` file joined (served at `/schema.graphql`). */
export function readTypeDefs(): string {
  return schemaFiles(SCHEMA_DIR)
    .map((f) => readFileSync(join(SCHEMA_DIR, f), 'utf8'))
    .join('\n');
}

/** The schema's documents for the server, each `schema/*.graphql` file parsed by graphql-tag; a syntax error names its file. */
export function parseTypeDefs(dir = SCHEMA_DIR): DocumentNode[] {
  return schemaFiles(dir).map((f) => {
    try {
      return gql(readFileSync(join(dir, f), 'utf8'));
    } catch (error) {
      throw new Error(`schema/${f}: ${(error as Error).message}`);
    }
  });
}

/** The example document of the GraphQL IDE, the index page and the README. */
export function readExampleDocument(): string {
  return readFileSync(fileURLToPath(new URL('./examples.graphql', import.meta.url)), 'utf8');
}
