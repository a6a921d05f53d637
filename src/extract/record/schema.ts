import { z } from 'zod';

/**
 * The extraction record: what the extractor makes of one report, in the format of
 * the project's evaluation (entity and relation types, canonical names, evidence).
 * Every stage after extraction (loading, the API, exports) reads records through
 * this schema, so it is the contract between `src/extract` and `src/graph`.
 */

/** A span of the normalised report text: offsets are UTF-16 code units, end exclusive. */
export const spanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Span = z.infer<typeof spanSchema>;

export const ENTITY_TYPES = ['Province', 'Alliance', 'Official', 'Meeting', 'Agency', 'Award', 'Cooperative'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const RELATION_TYPES = [
  'ORGANIZED',
  'ATTENDED',
  'HOLDS_POSITION',
  'AWARDED_BY',
  'PRESENTED_AT',
  'RECEIVED',
  'COOPERATES_WITH',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const ROLES = ['chaired', 'directed', 'spoke', 'attended'] as const;
export type Role = (typeof ROLES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const documentSchema = z.object({
  /** Stable id: the SHA-256 of the normalised text (hex). */
  id: z.string().min(1),
  /** Base name of the input file, or `<jsonl name>#<line>`, or the line's own `file`. */
  file: z.string().min(1),
  title: z.string(),
  /** True when the report had no title line and none was given: `title` is its first sentence, cut at a word. */
  titleDerived: z.boolean().optional(),
  publishedAt: isoDate.optional(),
  source: z.string().optional(),
  author: z.string().optional(),
  url: z.string().optional(),
  /** The normalised (NFC, cleaned) text all offsets refer to. */
  text: z.string(),
});
export type DocumentMeta = z.infer<typeof documentSchema>;

export const entitySchema = z.object({
  id: z.string().min(1),
  type: z.enum(ENTITY_TYPES),
  name: z.string().min(1),
  province: z.string().nullable().optional(),
  date: isoDate.optional(),
  kind: z.string().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  mentions: z.array(spanSchema),
});
export type Entity = z.infer<typeof entitySchema>;

export const relationSchema = z.object({
  type: z.enum(RELATION_TYPES),
  source: z.string().min(1),
  target: z.string().min(1),
  attributes: z.record(z.string(), z.unknown()).optional(),
  evidence: spanSchema,
});
export type Relation = z.infer<typeof relationSchema>;

export const METRICS = [
  'cooperatives_total',
  'cooperatives_new',
  'cooperatives_agriculture',
  'cooperative_groups_total',
  'cooperative_groups_new',
  'collective_organizations_total',
  'members_total',
  'workers_total',
  'people_credit_funds_total',
  'transport_cooperatives_total',
  'charter_capital_billion_vnd',
  'total_assets_billion_vnd',
  'avg_income_million_vnd_month',
] as const;
export type Metric = (typeof METRICS)[number];

export const statisticSchema = z.object({
  metric: z.enum(METRICS),
  value: z.number(),
  unit: z.string(),
  province: z.string().nullable(),
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the time the figure describes, when known. */
  period: z.string().optional(),
  qualifier: z.enum(['exact', 'over', 'about']),
  evidence: spanSchema,
});
export type Statistic = z.infer<typeof statisticSchema>;

export const extractionRecordSchema = z.object({
  document: documentSchema,
  /** The report's province (canonical name), or null when the report never says. */
  province: z.string().nullable(),
  entities: z.array(entitySchema),
  relations: z.array(relationSchema),
  statistics: z.array(statisticSchema),
  /** What the extractor could not settle, for people to read; never affects the graph. */
  warnings: z.array(z.string()),
});
export type ExtractionRecord = z.infer<typeof extractionRecordSchema>;

/** One report as it enters the extractor: a `.txt` file or a `.jsonl` line. */
export const reportInputSchema = z.object({
  text: z.string(),
  file: z.string().min(1),
  url: z.string().optional(),
  title: z.string().optional(),
  publishedAt: z.string().optional(),
  source: z.string().optional(),
});
export type ReportInput = z.infer<typeof reportInputSchema>;
