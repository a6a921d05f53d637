import type { ExtractionRecord } from '../src/extract/record/schema.ts';
import { ENTITY_TYPES, RELATION_TYPES } from '../src/extract/record/schema.ts';
import { cypher } from '../src/graph/cypher.ts';
import type { GraphWriter } from '../src/graph/load.ts';
import { buildLoadPlan } from '../src/graph/load-plan.ts';
import type { RelationshipRow } from '../src/graph/load-plan.ts';
import { countWrites } from '../src/graph/writes.ts';

/**
 * The baseline the ingest benchmark compares hoptac's loader with: the loader a user writes
 * first, one `MERGE` statement per node and per relationship, each in its own transaction,
 * over the same load plan (same keys, same rows) as `loadRecord`, so both build the same graph
 * and only the way of writing differs.
 */

/** What the naive loader did for one record: statements (= transactions) run and graph writes. */
export type NaiveOutcome = { transactions: number; writes: number };

type Params = Record<string, unknown>;

/** Loads one record with one auto-retried write transaction per statement. */
export async function loadRecordNaively(gateway: GraphWriter, record: ExtractionRecord): Promise<NaiveOutcome> {
  const plan = buildLoadPlan(record);
  const outcome: NaiveOutcome = { transactions: 0, writes: 0 };
  const run = async (statement: string, params: Params): Promise<void> => {
    const summary = await gateway.write(async (tx) => (await tx.run(statement, params)).summary);
    outcome.transactions++;
    outcome.writes += countWrites(summary);
  };
  const report = plan.report.key;

  const { key, provinceKey, ...properties } = plan.report;
  await run(cypher('bench/naive-report'), { key, properties: { ...properties, loadedAt: new Date().toISOString() } });
  for (const p of plan.provinces) await run(cypher('bench/naive-province'), { ...p });
  if (provinceKey !== null) await run(cypher('bench/naive-about'), { report, province: provinceKey });

  for (const e of plan.entities) {
    await run(entityStatement(e.type), {
      key: e.key,
      type: e.type,
      name: e.name,
      shortName: e.shortName,
      nameFolded: e.nameFolded,
      province: e.province,
      date: e.date,
      kind: e.kind,
      attributes: e.attributes,
      aliases: e.aliases,
    });
    await run(cypher('bench/naive-mention'), { report, key: e.key, spans: e.spans });
    if (e.provinceKey !== null) await run(cypher('bench/naive-located-in'), { key: e.key, province: e.provinceKey });
  }
  for (const rel of plan.relationships) {
    await run(relationshipStatement(rel), {
      source: rel.source,
      target: rel.target,
      role: rel.role,
      titleKey: rel.titleKey,
      properties: rel.type === 'HOLDS_POSITION' ? { title: rel.title } : {},
      fact: rel.fact,
    });
    await run(cypher('bench/naive-evidence'), {
      fact: rel.fact,
      report,
      properties: { publishedAt: plan.report.publishedAt, source: rel.source, target: rel.target, ...rel.evidence },
    });
  }
  for (const { key: statistic, provinceKey: statisticProvince, ...values } of plan.statistics) {
    await run(cypher('bench/naive-statistic'), { key: statistic, properties: { ...values, report } });
    await run(cypher('bench/naive-states'), { report, key: statistic });
    if (statisticProvince !== null) await run(cypher('bench/naive-statistic-about'), { key: statistic, province: statisticProvince });
  }
  return outcome;
}

/** The entity statement for one type label, taken only from the record contract's fixed list. */
function entityStatement(type: string): string {
  const label = ENTITY_TYPES.find((t) => t === type);
  if (label === undefined) throw new Error(`not an entity type: ${type}`);
  return cypher('bench/naive-entity').replaceAll('__LABEL__', label);
}

/** The relationship statement for one type (fixed list) with its identity property, as the README defines it. */
function relationshipStatement(rel: RelationshipRow): string {
  const type = RELATION_TYPES.find((t) => t === rel.type);
  if (type === undefined) throw new Error(`not a relation type: ${rel.type}`);
  const identity = type === 'ATTENDED' ? '{role: $role}' : type === 'HOLDS_POSITION' ? '{titleKey: $titleKey}' : '';
  return cypher('bench/naive-relationship').replaceAll('__TYPE__', type).replaceAll('__IDENTITY__', identity);
}

/** What a naive load of many records did, and how long it took. */
export type NaiveSummary = { reports: number; transactions: number; writes: number; failed: number; seconds: number; reasons: string[] };

/**
 * Loads records naively with `concurrency` reports in flight (the same as hoptac's ingest, so
 * the comparison is about transactions and statements, not parallelism).
 */
export async function loadRecordsNaively(
  gateway: GraphWriter,
  records: Iterable<ExtractionRecord>,
  opts: { concurrency: number },
): Promise<NaiveSummary> {
  const started = performance.now();
  const summary: NaiveSummary = { reports: 0, transactions: 0, writes: 0, failed: 0, seconds: 0, reasons: [] };
  const inFlight = new Set<Promise<void>>();
  for (const record of records) {
    const task = loadWithRetries(gateway, record)
      .then((outcome) => {
        summary.reports++;
        summary.transactions += outcome.transactions;
        summary.writes += outcome.writes;
      })
      .catch((error: unknown) => {
        summary.failed++;
        const reason = `${record.document.file}: ${(error as Error).message.split('\n')[0]}`;
        if (summary.reasons.length < 5) summary.reasons.push(reason);
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= opts.concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/**
 * Two concurrent MERGEs of one new node with two constrained labels can both miss and one then
 * fails its constraint; the statements are idempotent, so the naive loader simply runs the
 * record again (as its user would), up to three times.
 */
async function loadWithRetries(gateway: GraphWriter, record: ExtractionRecord): Promise<NaiveOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await loadRecordNaively(gateway, record);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= 3 || code !== 'Neo.ClientError.Schema.ConstraintValidationFailed') throw error;
    }
  }
}
