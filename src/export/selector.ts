import { z } from 'zod';
import type { Subgraph, SubgraphSelection } from '../graph/subgraph.ts';
import { isCalendarDay } from '../io/calendar-day.ts';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
  .refine(isCalendarDay, 'a day as YYYY-MM-DD');

/** The types a selection may keep: the actors and events of the graph (GraphQL's `EntityType`). */
export const SELECTABLE_TYPES = ['Province', 'Alliance', 'Official', 'Meeting', 'Agency', 'Award', 'Cooperative'] as const;

const selectableType = z.string().refine((type) => (SELECTABLE_TYPES as readonly string[]).includes(type), {
  error: (issue) => `unknown type ${JSON.stringify(issue.input)}; expected ${SELECTABLE_TYPES.join(', ')}`,
});

/**
 * What part of the graph to export or measure, as the GraphQL input, the download
 * query string and the command line give it: a neighbourhood (`around` + `depth`), a
 * province, a date range, or everything; the date range and `types` narrow any of them.
 */
export const subgraphSelectorSchema = z
  .object({
    around: z.string().min(1).optional(),
    depth: z.coerce.number().int().min(1).max(3).default(1),
    types: z.array(selectableType).min(1, 'give at least one type').optional(),
    province: z.string().min(1).optional(),
    from: day.optional(),
    to: day.optional(),
    all: z.boolean().optional(),
  })
  .refine((s) => !(s.around && s.province), { message: 'choose either around or province, not both' })
  .refine((s) => !(s.from && s.to) || s.from <= s.to, { message: 'from must not come after to' });

export type SubgraphSelector = z.input<typeof subgraphSelectorSchema>;

/**
 * A selection `fetchSubgraph` understands, plus what `narrowSubgraph` still applies to what it
 * reads: the date window of a neighbourhood, the types of any other selection.
 */
export type PlannedSelection = { selection: SubgraphSelection; window: DateWindow | null; types: string[] | null; description: string };
export type DateWindow = { from?: string; to?: string };

/**
 * Parses a selector from outside (GraphQL args, query string, flags) into a plan;
 * a bad selector is a value with the reason, naming the field.
 */
export function planSelection(raw: unknown): { ok: true; plan: PlannedSelection } | { ok: false; reason: string } {
  const parsed = subgraphSelectorSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'selection';
    return { ok: false, reason: `${field}: ${issue?.message ?? 'invalid'}` };
  }
  const { around, depth, types, province, from, to, all } = parsed.data;
  const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const dated = from !== undefined || to !== undefined;
  const span = dated ? ` from ${from ?? '…'} to ${to ?? '…'}` : '';
  const typed = types ? `, types ${types.join(',')}` : '';
  if (around) {
    // The walk itself keeps neighbours of these types (the centre stays whatever its type).
    const selection: SubgraphSelection = { around, depth, ...(types ? { types } : {}) };
    return { ok: true, plan: { selection, window: dated ? range : null, types: null, description: `around ${around}, depth ${depth}${span}${typed}` } };
  }
  const kept = types ?? null;
  if (province) return { ok: true, plan: { selection: { province, ...range }, window: null, types: kept, description: `province ${province}${span}${typed}` } };
  if (dated) return { ok: true, plan: { selection: range, window: null, types: kept, description: `dates${span}${typed}` } };
  if (all) return { ok: true, plan: { selection: { all: true }, window: null, types: kept, description: `whole graph${typed}` } };
  return { ok: false, reason: 'selection: give around, province, from/to, or all' };
}

/** What a plan still asks of the subgraph `fetchSubgraph` read: its date window, then its types. */
export function narrowSubgraph(subgraph: Subgraph, plan: PlannedSelection): Subgraph {
  return restrictToTypes(restrictToWindow(subgraph, plan.window), plan.types);
}

/** Keeps the nodes of the given types and the relationships among them; null keeps everything. */
export function restrictToTypes(subgraph: Subgraph, types: string[] | null): Subgraph {
  if (types === null) return subgraph;
  const nodes = subgraph.nodes.filter((node) => types.includes(node.type));
  const kept = new Set(nodes.map((node) => node.id));
  return { nodes, edges: subgraph.edges.filter((edge) => kept.has(edge.source) && kept.has(edge.target)) };
}

/**
 * Keeps the part of a subgraph inside a date window: dated nodes (meetings, awards)
 * outside it go, with their relationships, and so do the undated actors that were tied
 * only to them. A window that removes nothing leaves the subgraph as it was.
 */
export function restrictToWindow(subgraph: Subgraph, window: DateWindow | null): Subgraph {
  if (!window) return subgraph;
  const inside = (date: string | null) =>
    date === null || ((!window.from || date >= window.from) && (!window.to || date <= window.to));
  const kept = new Set(subgraph.nodes.filter((node) => inside(node.date)).map((node) => node.id));
  const edges = subgraph.edges.filter((edge) => kept.has(edge.source) && kept.has(edge.target));
  const linked = new Set(edges.flatMap((edge) => [edge.source, edge.target]));
  const removedDated = subgraph.nodes.some((node) => !kept.has(node.id));
  const nodes = subgraph.nodes.filter((node) => kept.has(node.id) && (!removedDated || linked.has(node.id) || node.date !== null));
  return { nodes, edges };
}
