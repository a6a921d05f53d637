import type { ExtractionRecord, ReportInput } from '../extract/record/schema.ts';
import data from './data/corpus.json' with { type: 'json' };
import { createRandom } from './random.ts';
import { fillUnit, personName } from './names.ts';
import { ReportBuilder } from './report-builder.ts';
import { writeFacts } from './report-facts.ts';
import type { Setting } from './report-facts.ts';
import { readProvinceEras } from './province-eras.ts';
import type { ProvinceEras } from './province-eras.ts';

/** One synthetic report: what the extractor reads, and the record it should produce. */
export type GeneratedReport = { input: ReportInput; expected: ExtractionRecord };

export type CorpusOptions = {
  reports: number;
  seed: number;
  /** Report numbers start here (to write a corpus in several runs, or to add to one). */
  first?: number;
  /** Provinces before and after the 2025 merger; defaults to the gazetteer's. */
  eras?: ProvinceEras;
};

/**
 * Generates reports in the genre (a provincial cooperative alliance's conference) lazily, so
 * 100k reports never sit in memory. Deterministic: report N depends only on the seed and N.
 * Officials hold an office for a five-year term, so the same person recurs across years in
 * a province, and national officials recur across provinces; people's names come from a
 * small pool, so namesakes in different provinces occur, as in real data.
 */
export function* generateCorpus(options: CorpusOptions): Generator<GeneratedReport> {
  const eras = options.eras ?? readProvinceEras();
  const first = options.first ?? 0;
  for (let index = first; index < first + options.reports; index++) yield generateReport(index, options.seed, eras);
}

/** Generates report number `index` of the corpus of `seed`. */
export function generateReport(index: number, seed: number, eras: ProvinceEras): GeneratedReport {
  const random = createRandom(seed, index);
  const meeting = random.pick(data.meetings);
  const year = random.int(2019, 2025);
  const date = `${year}-${pad(random.pick(meeting.months))}-${pad(random.int(1, 28))}`;
  const province = random.pick(date < eras.mergedOn ? eras.before : eras.after);
  const setting: Setting = { random, seed, province, named: random.chance(0.95), date, year, term: termOf(year, date, eras) };

  const builder = new ReportBuilder();
  const title = writeFacts(builder, setting, meeting.name);
  const file = `synthetic-${seed}-${String(index).padStart(7, '0')}.txt`;
  const publishedAt = random.chance(0.7) ? addDays(date, random.int(0, 3)) : undefined;
  const source = setting.named && random.chance(0.5) ? fillUnit(random.pick(data.sources), province) : undefined;
  const author = random.chance(0.5) ? personName(seed, `author|${random.int(0, 400)}`) : undefined;
  if (author) {
    builder.breakParagraph();
    builder.write('{author}', { author });
  }
  const expected = builder.finish(
    { file, title, ...(publishedAt ? { publishedAt } : {}), ...(source ? { source } : {}), ...(author ? { author } : {}) },
    setting.named ? province.name : null,
  );
  const input: ReportInput = { text: expected.document.text, file, title, ...(publishedAt ? { publishedAt } : {}), ...(source ? { source } : {}) };
  return { input, expected };
}

function termOf(year: number, date: string, eras: ProvinceEras): number {
  if (date >= eras.mergedOn) return 2025;
  return year >= 2020 ? 2020 : 2015;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
