import neo4j from 'neo4j-driver';
import createDebug from 'debug';
import { z } from 'zod';
import { cypher } from './cypher.ts';
import type { Gateway } from './gateway.ts';

const debug = createDebug('hoptac:read');

/**
 * The boundary between Neo4j rows and the read side: driver values (Integers, nodes) become
 * plain JSON values, and the shapes the API relies on pass a zod schema once here.
 */

/** Converts driver values (Integer, Node, Relationship, arrays, maps) to plain JSON values. */
export function toPlain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (neo4j.isInt(value)) return value.toNumber();
  if (Array.isArray(value)) {
    const list = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) list[i] = toPlain(value[i]);
    return list;
  }
  if ('properties' in value && 'labels' in value) return toPlain((value as { properties: unknown }).properties);
  // Rows are read for every API request: a loop, not Object.entries/fromEntries and their arrays.
  const map: Record<string, unknown> = {};
  for (const key of Object.keys(value)) map[key] = toPlain((value as Record<string, unknown>)[key]);
  return map;
}

/** The node types the API serves; Neo4j labels outside this list are never spliced into Cypher. */
export const NODE_TYPES = [
  'Province',
  'Alliance',
  'Official',
  'Meeting',
  'Agency',
  'Award',
  'Cooperative',
  'Report',
  'Statistic',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/**
 * A map in a row read from Neo4j (a fresh plain object from `toPlain`): checked, not copied, as
 * `z.record` would copy every key of every row; that was a tenth of what an API request allocated.
 */
export const rowMapSchema = z.custom<Record<string, unknown>>(
  (value) => value !== null && typeof value === 'object' && !Array.isArray(value),
  'expected a map',
);

/** The string properties a node may lack: a row gives them as null. */
const NULLABLE_FIELDS = [
  'shortName',
  'title',
  'province',
  'date',
  'kind',
  'attributes',
  'url',
  'file',
  'publishedAt',
  'source',
  'author',
  'contentHash',
  'metric',
  'unit',
  'qualifier',
  'period',
  'evidence',
] as const;
type NullableField = (typeof NULLABLE_FIELDS)[number];

const optionalString = z.string().nullish();
const nodeRowInput = z.object({
  key: z.string(),
  type: z.enum(NODE_TYPES),
  name: optionalString,
  value: z.number().nullish(),
  titleDerived: z.boolean().nullish(),
  ...(Object.fromEntries(NULLABLE_FIELDS.map((field) => [field, optionalString])) as Record<NullableField, typeof optionalString>),
});
type NodeRowInput = z.infer<typeof nodeRowInput>;

/**
 * An entity, report or statistic as the read side sees it (a report's text is fetched apart).
 * Missing strings become null in one pass over the parsed row: a transform per field made every
 * node of an answer run sixteen more parsers, the API's largest source of garbage per request.
 */
export const nodeRowSchema = nodeRowInput.transform((row) => {
  const nulled = row as Omit<NodeRowInput, NullableField> & Record<NullableField, string | null | undefined>;
  for (const field of NULLABLE_FIELDS) nulled[field] ??= null;
  return Object.assign(nulled as Omit<NodeRowInput, NullableField | 'name'> & Record<NullableField, string | null>, {
    name: displayName(row),
  });
});

/** What a node is called: its name, else its title, its metric (a statistic), its key. */
export function displayName(node: { key: string; name?: string | null; title?: string | null; metric?: string | null }): string {
  return node.name ?? node.title ?? node.metric ?? node.key;
}
export type NodeRow = z.infer<typeof nodeRowSchema>;

/** One sentence stating a relationship or a statistic. */
export const evidenceSchema = z.object({
  report: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
});
export type EvidenceRow = z.infer<typeof evidenceSchema>;

/** Parses evidence: a relationship's `Evidence` maps or a statistic's JSON string; unreadable items are dropped, not fatal. */
export function parseEvidenceList(value: unknown): EvidenceRow[] {
  const list = Array.isArray(value) ? value : value == null ? [] : [value];
  return list.flatMap((item) => {
    const parsed = evidenceSchema.safeParse(typeof item === 'string' ? safeJson(item) : toPlain(item));
    return parsed.success ? [parsed.data] : [];
  });
}

/** Parses a JSON attributes string into an object; anything else gives `{}`. */
export function parseAttributes(value: unknown): Record<string, unknown> {
  const parsed = typeof value === 'string' ? safeJson(value) : value;
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Parses one node map (`n {.*, type: …}`) returned by a read query. */
export function parseNodeRow(value: unknown): NodeRow {
  return nodeRowSchema.parse(toPlain(value));
}

/** Whole numbers as Neo4j integers (LIMIT and list slices refuse floats, which is what JS numbers become). */
export function toCypherParams(value: Record<string, unknown>): Record<string, unknown> {
  const convert = (v: unknown): unknown => {
    if (typeof v === 'number' && Number.isSafeInteger(v)) return neo4j.int(v);
    if (Array.isArray(v)) return v.map(convert);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, convert(x)]));
    return v;
  };
  return convert(value) as Record<string, unknown>;
}

/** Options every read takes: the per-query transaction timeout. */
export type ReadOptions = { timeoutMs?: number };

/** Runs one named read query (`cypher/<name>.cypher`) in a read transaction and returns its rows as plain objects. */
export async function readRows(
  gateway: Gateway,
  name: string,
  params: Record<string, unknown>,
  options: ReadOptions = {},
): Promise<Record<string, unknown>[]> {
  const text = cypher(name);
  debug('read %s', name);
  const result = await gateway.readOne(text, toCypherParams(params), options);
  return result.records.map((record) => toPlain(record.toObject()) as Record<string, unknown>);
}
