import { fold } from '../extract/text/fold.ts';
import { listProvinces, MERGER_DATE } from '../extract/places/provinces.ts';
import { cypher } from './cypher.ts';
import type { Gateway } from './gateway.ts';
import { provinceKey } from './keys.ts';

/** The law behind `MERGED_INTO`, stored on each such relationship as its provenance. */
const MERGER_SOURCE = 'Nghị quyết 202/2025/QH15 của Quốc hội';

/**
 * Creates every province of the gazetteer (63 before, 34 after the 2025 merger) and the
 * `MERGED_INTO` links old → new, in one idempotent statement; run it after `applySchema`.
 * Returns how many provinces and merger links the gazetteer holds.
 */
export async function ensureProvinces(gateway: Pick<Gateway, 'write'>): Promise<{ provinces: number; mergers: number }> {
  const units = listProvinces('all').concat(listProvinces('post-merger'));
  const seen = new Set<string>();
  const provinces = units
    .filter((p) => !seen.has(p.name) && seen.add(p.name))
    .map((p) => ({
      key: provinceKey(p.name),
      name: p.name,
      nameFolded: fold(p.name),
      aliases: [...new Set(p.aliases.map(fold))].filter((a) => a !== fold(p.name)),
      unitType: p.type,
      era: p.era,
    }));
  const mergers = units
    .filter((p) => p.mergedInto !== null && p.mergedInto !== p.name)
    .map((p) => ({ from: provinceKey(p.name), to: provinceKey(p.mergedInto ?? p.name) }))
    .filter((m, i, all) => all.findIndex((o) => o.from === m.from) === i);
  await gateway.write((tx) =>
    tx.run(cypher('ingest/ensure-provinces'), { provinces, mergers, mergedOn: MERGER_DATE, source: MERGER_SOURCE }),
  );
  return { provinces: provinces.length, mergers: mergers.length };
}
