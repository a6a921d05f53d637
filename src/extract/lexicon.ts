import { z } from 'zod';
import abbreviationsData from './data/abbreviations.json' with { type: 'json' };
import agenciesData from './data/agencies.json' with { type: 'json' };
import awardsData from './data/awards.json' with { type: 'json' };
import cooperativesData from './data/cooperatives.json' with { type: 'json' };
import cuesData from './data/cues.json' with { type: 'json' };
import metricsData from './data/metrics.json' with { type: 'json' };
import noiseData from './data/noise.json' with { type: 'json' };
import titlesData from './data/titles.json' with { type: 'json' };
import { METRICS } from './record/schema.ts';

/**
 * The extractor's language knowledge, read from `data/*.json` and checked once
 * here so that a mistake in a data file fails loudly at start-up, not mid-run.
 */

const named = z.object({ name: z.string().min(1), forms: z.array(z.string().min(1)).min(1) });
const words = z.array(z.string().min(1));

const abbreviationsSchema = z.object({ description: z.string(), expansions: z.record(z.string(), z.string()) });
const titlesSchema = z.object({
  description: z.string(),
  titles: z.array(z.object({ title: z.string().min(1), forms: words.min(1), implies: z.string().optional() })),
  honorifics: words,
  surnames: words,
});
const agenciesSchema = z.object({
  description: z.string(),
  provincial: z.array(named.extend({ levelBuiltIn: z.boolean().optional(), levelOptional: z.boolean().optional() })),
  partyCommittees: z.array(named.extend({ cityName: z.string(), cityForms: words })),
  partyBoards: z.array(named),
  departments: z.array(named),
  national: z.array(named),
  open: z.array(
    z.object({
      head: z.string(),
      forms: words.min(1),
      extent: z.enum(['untilLevel', 'capitalised', 'words']),
      scope: z.enum(['province', 'national']),
    }),
  ),
  stopWords: words,
  genericPlurals: words,
  genericAfter: words,
  districtUnits: words,
  districtCommittees: z.array(named),
});
const cuesSchema = z.object({
  description: z.string(),
  roles: z.array(z.object({ role: z.enum(['chaired', 'directed', 'spoke', 'attended']), patterns: words })),
  attendancePrefixes: words,
  attendanceList: z.string(),
  delegatePrefixes: words,
  organise: words,
  attendVerbs: words,
  meetingNouns: words,
  ownedEvents: words,
  documentDateCues: words,
  meetingKinds: z.array(z.object({ kind: z.string(), patterns: words })),
  cooperation: z.object({ signing: words, coordinate: words }),
  awardVerbs: words,
  targetCues: words,
  breakdownCues: words,
});
const awardsSchema = z.object({
  description: z.string(),
  kinds: z.array(z.object({ kind: z.string().min(1), forms: words.min(1), qualified: z.boolean().optional() })),
  countNouns: z.object({ collectives: words, individuals: words }),
  genericNouns: words,
  receiveCues: words,
  verbExceptions: words,
  qualifierStops: words,
});
const cooperativesSchema = z.object({
  description: z.string(),
  heads: z.array(named),
  kindWords: words,
  abbreviations: z.record(z.string(), z.string()),
  placeWords: words,
  stopWords: words,
  notNames: words,
});
const noiseSchema = z.object({
  description: z.string(),
  dropLines: words,
  welcome: z.string(),
  outletHeads: words,
  bylinePrefixes: words,
  datelineWords: words,
  archiveMarker: z.string(),
});
const metricsSchema = z.object({
  description: z.string(),
  haveCues: words,
  blockersBefore: words,
  newCues: z.string(),
  stockCues: words,
  qualifiers: z.object({ over: words, about: words }),
  beyondProvinceCues: words,
  selectionCues: words,
  averageCues: words,
  moneyBlockers: words,
  unitFirstWords: words,
  subsetCues: words,
  sectorCues: z.partialRecord(z.enum(METRICS), words),
  multipliers: z.record(z.string(), z.number().positive()),
  rules: z.array(
    z.object({
      metric: z.enum(METRICS),
      unit: z.string(),
      before: z.string().optional(),
      after: z.string(),
      needsHave: z.boolean().optional(),
      typed: z.boolean().optional(),
      money: z.enum(['billion', 'million']).optional(),
    }),
  ),
});

function parseData<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new Error(`src/extract/data/${file} is invalid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const abbreviations = parseData(abbreviationsSchema, abbreviationsData, 'abbreviations.json');
export const titles = parseData(titlesSchema, titlesData, 'titles.json');
export const agencies = parseData(agenciesSchema, agenciesData, 'agencies.json');
export const cues = parseData(cuesSchema, cuesData, 'cues.json');
export const awards = parseData(awardsSchema, awardsData, 'awards.json');
export const cooperatives = parseData(cooperativesSchema, cooperativesData, 'cooperatives.json');
export const noise = parseData(noiseSchema, noiseData, 'noise.json');
export const metrics = parseData(metricsSchema, metricsData, 'metrics.json');

export type MetricRule = (typeof metrics.rules)[number];
export type OpenHead = (typeof agencies.open)[number];
