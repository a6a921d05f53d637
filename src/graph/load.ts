import createDebug from 'debug';
import type { ManagedTransaction } from 'neo4j-driver';
import type { ExtractionRecord } from '../extract/record/schema.ts';
import { cypher } from './cypher.ts';
import type { Gateway, WorkOptions } from './gateway.ts';
import { buildLoadPlan, groupLoad } from './load-plan.ts';
import type { LoadPlan } from './load-plan.ts';
import { countWrites } from './writes.ts';

const log = createDebug('hoptac:graph:load');

export type LoadStatus = 'loaded' | 'unchanged' | 'replaced';

/** What loading one record did: `writes` sums the result counters of its statements. */
export type LoadOutcome = { status: LoadStatus; reportKey: string; writes: number };

/** What loading a group of records did: each report's status, and the writes of the whole group. */
export type GroupOutcome = { reports: { status: LoadStatus; reportKey: string }[]; writes: number };

/** The part of the gateway loading needs: managed write transactions. */
export type GraphWriter = Pick<Gateway, 'write'>;

/**
 * Loads one extraction record in ONE write transaction, so a failure leaves nothing of the
 * report behind. A report already loaded with the same content hash is `unchanged` and
 * nothing is written; one loaded with another hash has its old facts retracted first
 * (`replaced`), leaving what other reports state untouched.
 */
export async function loadRecord(gateway: GraphWriter, record: ExtractionRecord, opts?: WorkOptions): Promise<LoadOutcome> {
  const outcome = await loadRecordGroup(gateway, [record], opts);
  const [report] = outcome.reports;
  if (!report) throw new Error('loading one record returned no outcome');
  return { ...report, writes: outcome.writes };
}

/**
 * Loads a group of records in ONE write transaction with one round trip per statement, each
 * report whole or not at all: the group commits together or nothing of it is written. Each
 * report is `loaded`, `unchanged` (same content hash: nothing written) or `replaced` (its old
 * facts retracted first), exactly as `loadRecord` would do it. The reports of a group must have
 * different keys (`assertDistinctReports`). Grouping saves the per-transaction cost of Neo4j
 * (commit, statement set-up, round trips), which dominates the loading of small reports.
 */
export async function loadRecordGroup(gateway: GraphWriter, records: ExtractionRecord[], opts?: WorkOptions): Promise<GroupOutcome> {
  const plans = records.map(buildLoadPlan);
  assertDistinctReports(plans);
  const loadedAt = new Date().toISOString();
  return gateway.write(async (tx) => {
    const upsert = await tx.run(cypher('ingest/upsert-reports'), {
      load: {
        reports: plans.map(({ report: { key, provinceKey: _province, ...properties } }) => ({ key, properties: { ...properties, loadedAt } })),
      },
    });
    let writes = countWrites(upsert.summary);
    const previous = new Map(upsert.records.map((row) => [row.get('key') as string, row.get('previous') as unknown]));
    const reports: GroupOutcome['reports'] = [];
    const changed: LoadPlan[] = [];
    const replaced: LoadPlan[] = [];
    for (const plan of plans) {
      const before = previous.get(plan.report.key);
      if (before === plan.report.contentHash) {
        reports.push({ status: 'unchanged', reportKey: plan.report.key });
        continue;
      }
      const replacing = typeof before === 'string';
      if (replacing) replaced.push(plan);
      reports.push({ status: replacing ? 'replaced' : 'loaded', reportKey: plan.report.key });
      changed.push(plan);
    }
    if (replaced.length > 0) writes += await retractReports(tx, replaced.map((plan) => plan.report.key));
    if (changed.length > 0) {
      const facts = await tx.run(cypher('ingest/load-facts'), { load: groupLoad(changed) });
      writes += countWrites(facts.summary);
    }
    log('group of %d: %d changed, %d writes', plans.length, changed.length, writes);
    return { reports, writes };
  }, opts);
}

/** Throws when two records of one group would load the same report (their loads would collide). */
export function assertDistinctReports(plans: Pick<LoadPlan, 'report'>[]): void {
  const seen = new Set<string>();
  for (const { report } of plans) {
    if (seen.has(report.key)) throw new Error(`report ${report.key} appears twice in one load group`);
    seen.add(report.key);
  }
}

/**
 * Deletes a report and every fact only it supports, in one write transaction. Returns
 * false when no such report was loaded.
 */
export async function deleteReport(gateway: GraphWriter, reportKey: string): Promise<boolean> {
  return gateway.write(async (tx) => {
    await retractReports(tx, [reportKey]);
    const result = await tx.run(cypher('ingest/delete-report'), { report: reportKey });
    return result.summary.counters.updates().nodesDeleted > 0;
  });
}

/**
 * Removes reports' facts from the graph inside the caller's transaction, all of them in one
 * statement per kind of fact; returns the writes.
 */
async function retractReports(tx: ManagedTransaction, reports: string[]): Promise<number> {
  const load = { reports };
  let writes = 0;
  for (const name of ['ingest/retract-relationships', 'ingest/retract-statistics', 'ingest/retract-mentions']) {
    const result = await tx.run(cypher(name), { load });
    writes += countWrites(result.summary);
  }
  return writes;
}
