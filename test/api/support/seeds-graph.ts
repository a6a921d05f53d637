import type { Gateway } from '../../../src/graph/gateway.ts';
import { ensureProvinces } from '../../../src/graph/ensure-provinces.ts';
import { loadRecord } from '../../../src/graph/load.ts';
import { applySchema } from '../../../src/graph/migrate.ts';
import { readGoldRecords } from './gold-records.ts';

/**
 * The seeds graph the API tests query: schema, the province map and the five seed reports,
 * loaded through the real loader from records built from the gold answers (so API tests
 * measure the API, not the extractor's recall). Expects an empty graph.
 */
export async function loadSeedsGraph(gateway: Gateway): Promise<void> {
  await applySchema(gateway, { awaitIndexesSeconds: 60 });
  await ensureProvinces(gateway);
  for (const record of readGoldRecords()) await loadRecord(gateway, record);
}
