import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Where the SDL lives: `schema/*.graphql`, read in file-name order. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));

/** The schema's SDL, every `schema/*.graphql` file joined; read once at start-up. */
export function readTypeDefs(): string {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(SCHEMA_DIR, f), 'utf8'))
    .join('\n');
}

/** The example document of the GraphQL IDE, the index page and the README. */
export function readExampleDocument(): string {
  return readFileSync(fileURLToPath(new URL('./examples.graphql', import.meta.url)), 'utf8');
}
