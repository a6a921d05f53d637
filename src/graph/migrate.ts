import createDebug from 'debug';
import { int } from 'neo4j-driver';
import { cypher, listCypherNames } from './cypher.ts';
import type { Gateway } from './gateway.ts';

const log = createDebug('hoptac:graph:migrate');

/** What `applySchema` ran, in order. */
export type SchemaResult = { applied: string[] };

/**
 * Applies every `cypher/schema/*.cypher` in file-name order, each in its own transaction, then waits
 * until the indexes are online. The files use `IF NOT EXISTS`, so running this again changes nothing.
 */
export async function applySchema(gateway: Gateway, opts: { awaitIndexesSeconds?: number } = {}): Promise<SchemaResult> {
  const applied: string[] = [];
  for (const name of listCypherNames('schema')) {
    for (const statement of splitStatements(cypher(name))) {
      log('applying %s', name);
      await gateway.write((tx) => tx.run(statement));
    }
    applied.push(name);
  }
  await gateway.read((tx) => tx.run(cypher('platform/await-indexes'), { seconds: int(opts.awaitIndexesSeconds ?? 120) }));
  return { applied };
}

/** A schema file holds one statement, but tolerate several separated by `;` at line ends. */
function splitStatements(text: string): string[] {
  return text
    .split(/;[ \t]*(?:\r?\n|$)/)
    .map((part) => part.trim())
    .filter((part) => part.replace(/^\s*\/\/.*$/gm, '').trim() !== '');
}
