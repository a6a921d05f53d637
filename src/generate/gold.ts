import type { ExtractionRecord } from '../extract/record/schema.ts';

/** The expected answer for one report in the shape of `../shared/eval/gold/*.json`, so `score.mjs` reads it. */
export type GoldRecord = {
  file: string;
  document: { publishedAt?: string; source?: string; author?: string };
  entities: Array<{ id: string; type: string; name: string; province?: string | null; date?: string; kind?: string; attributes?: Record<string, unknown> }>;
  relations: Array<{ type: string; source: string; target: string; attributes?: Record<string, unknown> }>;
  statistics: Array<{ metric: string; value: number; province: string | null; qualifier: string }>;
};

/** Drops what the scorer does not read (text, offsets, evidence) from an expected record. */
export function toGoldRecord(record: ExtractionRecord): GoldRecord {
  const { publishedAt, source, author } = record.document;
  return {
    file: record.document.file,
    document: { ...(publishedAt ? { publishedAt } : {}), ...(source ? { source } : {}), ...(author ? { author } : {}) },
    entities: record.entities.map(({ mentions: _mentions, ...entity }) => entity),
    relations: record.relations.map(({ evidence: _evidence, ...relation }) => relation),
    statistics: record.statistics.map(({ metric, value, province, qualifier }) => ({ metric, value, province, qualifier })),
  };
}
