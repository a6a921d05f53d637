import { describe, expect, it } from 'vitest';
import { extractionRecordSchema, reportInputSchema } from '../../src/extract/record/schema.ts';
import { generateCorpus, generateReport } from '../../src/generate/corpus.ts';
import { toGoldRecord } from '../../src/generate/gold.ts';
import { readProvinceEras } from '../../src/generate/province-eras.ts';

const eras = readProvinceEras();
const corpus = [...generateCorpus({ reports: 400, seed: 5 })];

describe('generateCorpus', { timeout: 60_000 }, () => {
  it('is deterministic: the same seed gives the same reports, another seed other reports', () => {
    const again = [...generateCorpus({ reports: 400, seed: 5 })];
    expect(again).toEqual(corpus);
    const other = [...generateCorpus({ reports: 5, seed: 6 })];
    expect(other.map((g) => g.input.text)).not.toEqual(corpus.slice(0, 5).map((g) => g.input.text));
    expect(generateReport(123, 5, eras)).toEqual(corpus[123]);
  });

  it('is lazy: the first reports of a huge corpus come at once', () => {
    const iterator = generateCorpus({ reports: 1_000_000_000, seed: 5 });
    const first = iterator.next();
    expect(first.done).toBe(false);
    expect(first.value).toEqual(corpus[0]);
  });

  it('writes inputs and expected records that pass the schemas, with the same text and file', () => {
    for (const { input, expected } of corpus) {
      expect(reportInputSchema.safeParse(input).success).toBe(true);
      expect(extractionRecordSchema.safeParse(expected).success).toBe(true);
      expect(expected.document.text).toBe(input.text);
      expect(expected.document.file).toBe(input.file);
    }
    expect(new Set(corpus.map((g) => g.input.file)).size).toBe(corpus.length);
  });

  it('puts every mention and evidence span exactly where its text is', () => {
    for (const { expected } of corpus) {
      const text = expected.document.text;
      const spans = [
        ...expected.entities.flatMap((e) => e.mentions),
        ...expected.relations.map((r) => r.evidence),
        ...expected.statistics.map((s) => s.evidence),
      ];
      for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
      const ids = new Set(expected.entities.map((e) => e.id));
      for (const r of expected.relations) expect([ids.has(r.source), ids.has(r.target)]).toEqual([true, true]);
    }
  });

  it('covers many provinces, the merger, reports without a province, and every relation type', () => {
    const provinces = new Set(corpus.map((g) => g.expected.province));
    expect(provinces.size).toBeGreaterThan(50);
    expect(provinces.has(null)).toBe(true);
    const afterMerger = corpus.filter((g) => (g.expected.entities.find((e) => e.type === 'Meeting')?.date ?? '') >= eras.mergedOn);
    expect(afterMerger.length).toBeGreaterThan(0);
    const current = new Set(eras.after.map((p) => p.name));
    for (const g of afterMerger) if (g.expected.province) expect(current.has(g.expected.province)).toBe(true);
    const types = new Set(corpus.flatMap((g) => g.expected.relations.map((r) => r.type)));
    expect([...types].sort()).toEqual(['ATTENDED', 'AWARDED_BY', 'COOPERATES_WITH', 'HOLDS_POSITION', 'ORGANIZED', 'PRESENTED_AT', 'RECEIVED']);
    const metrics = new Set(corpus.flatMap((g) => g.expected.statistics.map((s) => s.metric)));
    expect(metrics.size).toBeGreaterThanOrEqual(5);
  });

  it('makes officials recur: a province’s alliance chair across its reports of one term, national officials across provinces', () => {
    const chairs = new Map<string, Set<string>>();
    const nationals = new Map<string, Set<string | null>>();
    for (const { expected } of corpus) {
      for (const r of expected.relations) {
        if (r.type !== 'HOLDS_POSITION') continue;
        const official = expected.entities.find((e) => e.id === r.source)?.name ?? '';
        const body = expected.entities.find((e) => e.id === r.target);
        if (body?.name === 'Liên minh Hợp tác xã Việt Nam') {
          nationals.set(official, (nationals.get(official) ?? new Set()).add(expected.province));
        }
        if (body?.id === 'a' && r.attributes?.title === 'Chủ tịch' && expected.province) {
          const date = expected.entities.find((e) => e.type === 'Meeting')?.date ?? '';
          const term = date < '2020' ? 2015 : date < eras.mergedOn ? 2020 : 2025;
          const key = `${expected.province}|${term}`;
          chairs.set(key, (chairs.get(key) ?? new Set()).add(official));
        }
      }
    }
    for (const names of chairs.values()) expect(names.size).toBe(1);
    expect(Math.max(...[...nationals.values()].map((p) => p.size))).toBeGreaterThan(3);
  });

  it('gives gold files the scorer reads: no text, no offsets', () => {
    const gold = toGoldRecord(corpus[0]!.expected);
    expect(gold.file).toBe(corpus[0]!.input.file);
    expect(JSON.stringify(gold)).not.toContain('"mentions"');
    expect(JSON.stringify(gold)).not.toContain('"evidence"');
    expect(gold.entities.length).toBe(corpus[0]!.expected.entities.length);
  });
});
