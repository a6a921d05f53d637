import createDebug from 'debug';
import type { ManagedTransaction } from 'neo4j-driver';
import type { ExtractionRecord } from '../extract/record.ts';
import { cypher } from './cypher.ts';
import type { Gateway } from './gateway.ts';
import { evidencePrefixOf } from './keys.ts';
import { buildLoadPlan } from './load-plan.ts';
import { countWrites } from './writes.ts';

const log = createDebug('hoptac:graph:load');

/** What loading one record did: `writes` sums the result counters of its statements. */
export type LoadOutcome = { status: 'loaded' | 'unchanged' | 'replaced'; reportKey: string; writes: number };

/** The part of the gateway loading needs: one managed write transaction per report. */
export type GraphWriter = Pick<Gateway, 'write'>;

/**
 * Loads one extraction record in ONE write transaction, so a failure leaves nothing of the
 * report behind. A report already loaded with the same content hash is `unchanged` and
 * nothing is written; one loaded with another hash has its old facts retracted first
 * (`replaced`), leaving what other reports state untouched.
 */
export async function loadRecord(gateway: GraphWriter, record: ExtractionRecord): Promise<LoadOutcome> {
  const plan = buildLoadPlan(record);
  const reportKey = plan.report.key;
  const { key, provinceKey, ...properties } = plan.report;
  return gateway.write(async (tx) => {
    const upsert = await tx.run(cypher('ingest/upsert-report'), {
      load: { key, properties: { ...properties, loadedAt: new Date().toISOString() } },
    });
    const previous: unknown = upsert.records[0]?.get('previous');
    if (previous === plan.report.contentHash) return { status: 'unchanged', reportKey, writes: 0 } satisfies LoadOutcome;
    let writes = countWrites(upsert.summary);
    const replacing = typeof previous === 'string';
    if (replacing) writes += await retractReport(tx, reportKey, plan.evidencePrefix);
    const facts = await tx.run(cypher('ingest/load-facts'), {
      load: {
        report: reportKey,
        evidencePrefix: plan.evidencePrefix,
        reportProvinceKey: provinceKey,
        provinces: plan.provinces,
        entities: plan.entities,
        relationships: plan.relationships,
        statistics: plan.statistics,
      },
    });
    writes += countWrites(facts.summary);
    log('%s %s: %d writes', replacing ? 'replaced' : 'loaded', reportKey, writes);
    return { status: replacing ? 'replaced' : 'loaded', reportKey, writes } satisfies LoadOutcome;
  });
}

/**
 * Deletes a report and every fact only it supports, in one write transaction. Returns
 * false when no such report was loaded.
 */
export async function deleteReport(gateway: GraphWriter, reportKey: string): Promise<boolean> {
  return gateway.write(async (tx) => {
    await retractReport(tx, reportKey, evidencePrefixOf(reportKey));
    const result = await tx.run(cypher('ingest/delete-report'), { report: reportKey });
    return result.summary.counters.updates().nodesDeleted > 0;
  });
}

/** Removes a report's facts from the graph inside the caller's transaction; returns the writes. */
async function retractReport(tx: ManagedTransaction, report: string, evidencePrefix: string): Promise<number> {
  let writes = 0;
  for (const name of ['ingest/retract-relationships', 'ingest/retract-statistics', 'ingest/retract-mentions']) {
    const result = await tx.run(cypher(name), { report, evidencePrefix });
    writes += countWrites(result.summary);
  }
  return writes;
}
