import createDebug from 'debug';
import { int } from 'neo4j-driver';
import { cypher, listCypherNames } from './cypher.ts';
import { z } from 'zod';
import { fold } from '../extract/text/fold.ts';
import { fullName } from './full-names.ts';
import type { Gateway } from './gateway.ts';

const log = createDebug('hoptac:graph:migrate');

/** What `applySchema` ran, in order, and how many nodes each backfill changed. */
export type SchemaResult = { applied: string[]; backfilled: Record<string, number> };

/** Nodes a backfill changes per transaction unless told otherwise: bounded memory on a graph of any size. */
export const BACKFILL_BATCH = 10_000;

/**
 * Applies every `cypher/schema/*.cypher` in file-name order, each in its own transaction, waits
 * until the indexes are online, then runs every `cypher/backfill/*.cypher` (properties a graph
 * loaded by an earlier version lacks) in batches until it changes nothing. The files use
 * `IF NOT EXISTS` and the backfills only touch nodes that lack what they set, so running this
 * again changes nothing.
 */
export async function applySchema(gateway: Gateway, opts: { awaitIndexesSeconds?: number; backfillBatch?: number } = {}): Promise<SchemaResult> {
  const applied: string[] = [];
  for (const name of listCypherNames('schema')) {
    for (const statement of splitStatements(cypher(name))) {
      log('applying %s', name);
      await gateway.write((tx) => tx.run(statement));
    }
    applied.push(name);
  }
  await gateway.read((tx) => tx.run(cypher('platform/await-indexes'), { seconds: int(opts.awaitIndexesSeconds ?? 120) }));
  const backfilled: Record<string, number> = {};
  for (const name of listCypherNames('backfill')) backfilled[name] = await backfill(gateway, name, opts.backfillBatch ?? BACKFILL_BATCH);
  backfilled['names/full-names'] = await backfillFullNames(gateway, opts.backfillBatch ?? BACKFILL_BATCH);
  return { applied, backfilled };
}

const unnamedRow = z.object({
  key: z.string(),
  type: z.string(),
  name: z.string(),
  province: z.string().nullable(),
  date: z.string().nullable(),
  report: z.string().nullable(),
  aliases: z.array(z.string()),
});

/**
 * Gives nodes loaded by an earlier version their full name (`full-names.ts`, made in TypeScript,
 * so it is the one the ingest uses) and keeps the name they had as `shortName`, a batch at a time.
 */
async function backfillFullNames(gateway: Gateway, batch: number): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await gateway.read(async (tx) => {
      const result = await tx.run(cypher('names/unnamed'), { batch: int(batch) });
      return result.records.map((record) => unnamedRow.parse(record.toObject()));
    });
    if (rows.length === 0) return total;
    const named = rows.map((row) => {
      const name = row.type === 'Province' ? row.name : fullName({ type: row.type, name: row.name, province: row.province, date: row.date, report: row.report });
      const nameFolded = fold(name);
      const aliases = [...new Set([...row.aliases, fold(row.name)])].filter((a) => a !== nameFolded && a !== '');
      return { key: row.key, shortName: row.name, name, nameFolded, aliases };
    });
    await gateway.write((tx) => tx.run(cypher('names/set-full-names'), { rows: named }));
    total += rows.length;
    log('names/full-names: %d nodes', total);
    if (rows.length < batch) return total;
  }
}

/** Runs a backfill statement (`$batch` in, `changed` out) until a run changes fewer than a batch. */
async function backfill(gateway: Gateway, name: string, batch: number): Promise<number> {
  let total = 0;
  for (;;) {
    const changed = await gateway.write(async (tx) => {
      const result = await tx.run(cypher(name), { batch: int(batch) });
      return Number(result.records[0]?.get('changed') ?? 0);
    });
    total += changed;
    if (changed > 0) log('%s: %d nodes', name, total);
    if (changed < batch) return total;
  }
}

/** A schema file holds one statement, but tolerate several separated by `;` at line ends. */
function splitStatements(text: string): string[] {
  return text
    .split(/;[ \t]*(?:\r?\n|$)/)
    .map((part) => part.trim())
    .filter((part) => part.replace(/^\s*\/\/.*$/gm, '').trim() !== '');
}
