import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository's `cypher/` folder: one named, parameterised statement per `.cypher` file. */
export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

const NAME = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_.-]*)*$/i;
const cache = new Map<string, string>();

/** `__fragment:<name>__` in a statement stands for the expression in `cypher/fragments/<name>.cypher`. */
const FRAGMENT = /__fragment:([a-z0-9-]+)__/g;

/**
 * The text of `cypher/<name>.cypher` (e.g. `cypher('ingest/merge-entities')`), read once and cached,
 * as it is sent to Neo4j: every `__fragment:<name>__` replaced by that fragment, so an expression
 * several statements share, such as which evidence of a relationship a read returns, is written
 * once; then comment lines, blank lines, indentation and one trailing `;` left out. The comments
 * are for readers of the file: the driver sends the whole text with every query, and Neo4j keys
 * its plan cache on it, so a read of a dozen lines with a page of comments paid for both on every
 * request. A missing file is a programming error and throws.
 */
export function cypher(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  if (!NAME.test(name)) throw new Error(`invalid Cypher file name: ${JSON.stringify(name)}`);
  const file = join(CYPHER_DIR, `${name}.cypher`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`no Cypher statement named ${JSON.stringify(name)} (expected cypher/${name}.cypher)`, { cause: error });
  }
  const statement = compactStatement(text.replace(FRAGMENT, (_, fragment: string) => cypher(`fragments/${fragment}`))).replace(/;$/, '');
  if (statement === '') throw new Error(`cypher/${name}.cypher is empty`);
  cache.set(name, statement);
  return statement;
}

/**
 * The statement without its comment lines, blank lines, indentation and trailing spaces, one line
 * per line of code. Statements keep `//` comments on lines of their own and string literals on one
 * line (the tests check every file), so no literal is cut.
 */
export function compactStatement(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('//'))
    .join('\n');
}

/** The statement names in one folder of `cypher/` (e.g. `schema`), sorted by file name. */
export function listCypherNames(folder: string): string[] {
  if (!NAME.test(folder)) throw new Error(`invalid Cypher folder name: ${JSON.stringify(folder)}`);
  return readdirSync(join(CYPHER_DIR, folder))
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .map((file) => `${folder}/${file.slice(0, -'.cypher'.length)}`);
}
