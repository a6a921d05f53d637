import type { GraphQLResolveInfo } from 'graphql';
import { parseAttributes, parseEvidenceList } from '../../graph/read-rows.ts';
import type { NodeRow } from '../../graph/read-rows.ts';
import type { RelationRow } from '../../graph/read-relations.ts';
import { parseArgs, rangeArgsSchema } from '../args.ts';
import type { ApiContext } from '../context.ts';
import { loadRelated, loadRelatedNode, loadRelatedNodes } from './related.ts';

/**
 * Field resolvers of the entity types. Every parent is a `NodeRow`; relationship fields turn
 * relationship rows into the edge objects of the schema (Attendance, Position, ...), whose
 * fields the default resolvers read.
 */

type Resolver<A = Record<string, unknown>> = (node: NodeRow, args: A, context: ApiContext, info: GraphQLResolveInfo) => unknown;
type FirstArgs = { first?: number | null };

const ROLES = new Set(['chaired', 'directed', 'spoke', 'attended']);

function roleOf(row: RelationRow): string {
  const role = row.attributes.role;
  return typeof role === 'string' && ROLES.has(role) ? role : 'attended';
}

function titleOf(row: RelationRow): string | null {
  return typeof row.attributes.title === 'string' ? row.attributes.title : null;
}

const common: Record<string, Resolver<FirstArgs>> = {
  id: (n) => n.key,
  name: (n) => n.name,
  type: (n) => n.type,
  reports: (n, { first }, ctx) => loadRelatedNodes(ctx, n, 'MENTIONS', 'in', { types: ['Report'], order: 'date', first: first ?? 20 }),
};

const located: Record<string, Resolver> = {
  province: (n, _a, ctx) => loadRelatedNode(ctx, n, 'LOCATED_IN', 'out', { types: ['Province'] }),
  attributes: (n) => parseAttributes(n.attributes),
};

const organisation: Record<string, Resolver> = {
  ...common,
  ...located,
  officials: async (n, _a, ctx) =>
    (await loadRelated(ctx, n, 'HOLDS_POSITION', 'in')).map((r) => ({ official: r.node, organisation: n, title: titleOf(r), evidence: r.evidence })),
  partners: async (n, _a, ctx) =>
    (await loadRelated(ctx, n, 'COOPERATES_WITH', 'both')).map((r) => ({ partner: r.node, evidence: r.evidence })),
  organised: async (n, _a, ctx) =>
    (await loadRelated(ctx, n, 'ORGANIZED', 'out', { order: 'date' })).map((r) => ({ organiser: n, meeting: r.node, evidence: r.evidence })),
  meetings: async (n, _a, ctx) => attendancesOf(n, await loadRelated(ctx, n, 'ATTENDED', 'out', { order: 'date' })),
  awardsIssued: async (n, _a, ctx) =>
    (await loadRelated(ctx, n, 'AWARDED_BY', 'in', { order: 'date' })).map((r) => ({ award: r.node, issuer: n, evidence: r.evidence })),
  awardsReceived: async (n, _a, ctx) => receiptsOf(n, await loadRelated(ctx, n, 'RECEIVED', 'out', { order: 'date' })),
};

function attendancesOf(attendee: NodeRow, rows: RelationRow[]) {
  return rows.map((r) => ({ attendee, meeting: r.node, role: roleOf(r), evidence: r.evidence }));
}

function receiptsOf(recipient: NodeRow, rows: RelationRow[]) {
  return rows.map((r) => ({ award: r.node, recipient, evidence: r.evidence }));
}

type RangeArgs = { from?: string | null; to?: string | null; first?: number | null };

function locatedHere(type: 'Alliance' | 'Agency' | 'Official' | 'Cooperative' | 'Meeting' | 'Award'): Resolver<RangeArgs> {
  const dated = type === 'Meeting' || type === 'Award';
  return (n, args, ctx) => {
    const range = parseArgs(rangeArgsSchema, args);
    return loadRelatedNodes(ctx, n, 'LOCATED_IN', 'in', { types: [type], order: dated ? 'date' : 'name', ...range });
  };
}

/** Resolvers of Province, Alliance, Agency, Official, Meeting, Award, Cooperative, Report and Statistic. */
export const entityResolvers = {
  Province: {
    ...common,
    alliances: locatedHere('Alliance'),
    agencies: locatedHere('Agency'),
    officials: locatedHere('Official'),
    cooperatives: locatedHere('Cooperative'),
    meetings: locatedHere('Meeting'),
    awards: locatedHere('Award'),
    statistics: async (n: NodeRow, { metric }: { metric?: string | null }, ctx: ApiContext) =>
      (await loadRelatedNodes(ctx, n, 'ABOUT', 'in', { types: ['Statistic'], order: 'date' })).filter((s) => !metric || s.metric === metric),
    mergedInto: (n: NodeRow, _a: unknown, ctx: ApiContext) => loadRelatedNode(ctx, n, 'MERGED_INTO', 'out'),
    mergedFrom: (n: NodeRow, _a: unknown, ctx: ApiContext) => loadRelatedNodes(ctx, n, 'MERGED_INTO', 'in'),
  },
  Alliance: organisation,
  Agency: organisation,
  Official: {
    ...common,
    ...located,
    positions: async (n: NodeRow, _a: unknown, ctx: ApiContext) =>
      (await loadRelated(ctx, n, 'HOLDS_POSITION', 'out')).map((r) => ({ official: n, organisation: r.node, title: titleOf(r), evidence: r.evidence })),
    meetings: async (n: NodeRow, _a: unknown, ctx: ApiContext) => attendancesOf(n, await loadRelated(ctx, n, 'ATTENDED', 'out', { order: 'date' })),
    awardsReceived: async (n: NodeRow, _a: unknown, ctx: ApiContext) => receiptsOf(n, await loadRelated(ctx, n, 'RECEIVED', 'out', { order: 'date' })),
  },
  Meeting: {
    ...common,
    ...located,
    organisers: async (n: NodeRow, _a: unknown, ctx: ApiContext) =>
      (await loadRelated(ctx, n, 'ORGANIZED', 'in')).map((r) => ({ organiser: r.node, meeting: n, evidence: r.evidence })),
    attendees: async (n: NodeRow, { role }: { role?: string | null }, ctx: ApiContext) =>
      (await loadRelated(ctx, n, 'ATTENDED', 'in'))
        .map((r) => ({ attendee: r.node, meeting: n, role: roleOf(r), evidence: r.evidence }))
        .filter((a) => !role || a.role === role),
    awards: async (n: NodeRow, _a: unknown, ctx: ApiContext) =>
      (await loadRelated(ctx, n, 'PRESENTED_AT', 'in')).map((r) => ({ award: r.node, meeting: n, evidence: r.evidence })),
  },
  Award: {
    ...common,
    ...located,
    issuers: async (n: NodeRow, _a: unknown, ctx: ApiContext) =>
      (await loadRelated(ctx, n, 'AWARDED_BY', 'out')).map((r) => ({ award: n, issuer: r.node, evidence: r.evidence })),
    issuer: (n: NodeRow, _a: unknown, ctx: ApiContext) => loadRelatedNode(ctx, n, 'AWARDED_BY', 'out'),
    presentations: async (n: NodeRow, _a: unknown, ctx: ApiContext) =>
      (await loadRelated(ctx, n, 'PRESENTED_AT', 'out')).map((r) => ({ award: n, meeting: r.node, evidence: r.evidence })),
    meeting: (n: NodeRow, _a: unknown, ctx: ApiContext) => loadRelatedNode(ctx, n, 'PRESENTED_AT', 'out'),
    recipients: async (n: NodeRow, _a: unknown, ctx: ApiContext) =>
      (await loadRelated(ctx, n, 'RECEIVED', 'in')).map((r) => ({ award: n, recipient: r.node, evidence: r.evidence })),
    counts: (n: NodeRow) => countsOf(parseAttributes(n.attributes)),
  },
  Cooperative: {
    ...common,
    ...located,
    awardsReceived: async (n: NodeRow, _a: unknown, ctx: ApiContext) => receiptsOf(n, await loadRelated(ctx, n, 'RECEIVED', 'out', { order: 'date' })),
  },
  Report: {
    ...common,
    name: (n: NodeRow) => n.title ?? n.name,
    title: (n: NodeRow) => n.title ?? n.name,
    reports: (n: NodeRow) => [n],
    province: (n: NodeRow, _a: unknown, ctx: ApiContext) => loadRelatedNode(ctx, n, 'ABOUT', 'out', { types: ['Province'] }),
    text: async (n: NodeRow, _a: unknown, ctx: ApiContext) => (await ctx.loaders.texts.load(n.key)) ?? '',
    entities: (n: NodeRow, { types, first }: { types?: NodeRow['type'][] | null; first?: number | null }, ctx: ApiContext) =>
      loadRelatedNodes(ctx, n, 'MENTIONS', 'out', { types: types ?? undefined, first: first ?? 100 }),
    statistics: (n: NodeRow, _a: unknown, ctx: ApiContext) => loadRelatedNodes(ctx, n, 'STATES', 'out', { types: ['Statistic'] }),
  },
  Statistic: {
    ...common,
    reports: (n: NodeRow, _a: unknown, ctx: ApiContext) => loadRelatedNodes(ctx, n, 'STATES', 'in', { types: ['Report'] }),
    metric: (n: NodeRow) => n.metric,
    value: (n: NodeRow) => n.value ?? 0,
    unit: (n: NodeRow) => n.unit ?? '',
    qualifier: (n: NodeRow) => n.qualifier ?? 'exact',
    province: (n: NodeRow, _a: unknown, ctx: ApiContext) => loadRelatedNode(ctx, n, 'ABOUT', 'out', { types: ['Province'] }),
    evidence: (n: NodeRow) => parseEvidenceList(n.evidence)[0] ?? null,
  },
};

/** Recipient counts of an award from its attributes (`collectives`, `individuals`). */
export function countsOf(attributes: Record<string, unknown>): { collectives: number | null; individuals: number | null; total: number | null } {
  const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : null);
  const collectives = count(attributes.collectives);
  const individuals = count(attributes.individuals);
  const total = collectives === null && individuals === null ? null : (collectives ?? 0) + (individuals ?? 0);
  return { collectives, individuals, total };
}
