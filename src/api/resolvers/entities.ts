import type { GraphQLResolveInfo } from 'graphql';
import { parseAttributes, parseEvidenceList } from '../../graph/read-rows.ts';
import type { NodeRow } from '../../graph/read-rows.ts';
import type { RelationRow } from '../../graph/read-relations.ts';
import type { ApiContext } from '../context.ts';
import { RELATION_FIELDS } from './relation-fields.ts';
import type { RelationField } from './relation-fields.ts';
import { loadRelated, loadRelatedNode, loadRelatedNodes } from './related.ts';

/**
 * Field resolvers of the entity types. Every parent is a `NodeRow`; relationship fields turn
 * relationship rows into the edge objects of the schema (Attendance, Position, ...), whose
 * fields the default resolvers read.
 */

type Resolver = (node: NodeRow, args: Record<string, unknown>, context: ApiContext, info: GraphQLResolveInfo) => unknown;

const ROLES = new Set(['chaired', 'directed', 'spoke', 'attended']);

function roleOf(row: RelationRow): string {
  const role = row.attributes.role;
  return typeof role === 'string' && ROLES.has(role) ? role : 'attended';
}

function titleOf(row: RelationRow): string | null {
  return typeof row.attributes.title === 'string' ? row.attributes.title : null;
}

const F = RELATION_FIELDS;

/** Types a resolver map, so its resolvers need no annotations. */
const resolvers = (map: Record<string, Resolver>) => map;

const identity = resolvers({
  id: (n) => n.key,
  name: (n) => n.name,
  type: (n) => n.type,
});

/** The short form of an actor's or event's name (a graph loaded by an earlier version has only `name`). */
const shortName = resolvers({ shortName: (n) => n.shortName ?? n.name });

const common = (fields: { reports: RelationField }) =>
  resolvers({
    ...identity,
    reports: (n, args, ctx) => loadRelatedNodes(ctx, n, fields.reports, args),
  });

const located = (fields: { reports: RelationField; province: RelationField }) =>
  resolvers({
    ...common(fields),
    ...shortName,
    province: (n, args, ctx) => loadRelatedNode(ctx, n, fields.province, args),
    attributes: (n) => parseAttributes(n.attributes),
  });

function organisation(fields: typeof F.Alliance) {
  return resolvers({
    ...located(fields),
    officials: async (n, args, ctx, info) =>
      (await loadRelated(ctx, n, fields.officials, args, info)).map((r) => ({ official: r.node, organisation: n, title: titleOf(r), ...provenanceOf(r) })),
    partners: async (n, args, ctx, info) => (await loadRelated(ctx, n, fields.partners, args, info)).map((r) => ({ partner: r.node, ...provenanceOf(r) })),
    organised: async (n, args, ctx, info) =>
      (await loadRelated(ctx, n, fields.organised, args, info)).map((r) => ({ organiser: n, meeting: r.node, ...provenanceOf(r) })),
    meetings: async (n, args, ctx, info) => attendancesOf(n, await loadRelated(ctx, n, fields.meetings, args, info)),
    awardsIssued: async (n, args, ctx, info) =>
      (await loadRelated(ctx, n, fields.awardsIssued, args, info)).map((r) => ({ award: r.node, issuer: n, ...provenanceOf(r) })),
    awardsReceived: async (n, args, ctx, info) => receiptsOf(n, await loadRelated(ctx, n, fields.awardsReceived, args, info)),
  });
}

/** The evidence fields of an edge object: the sentences of the reports published last, and how many there are in all. */
function provenanceOf(row: RelationRow) {
  return { evidence: row.evidence, evidenceCount: row.evidenceCount };
}

function attendancesOf(attendee: NodeRow, rows: RelationRow[]) {
  return rows.map((r) => ({ attendee, meeting: r.node, role: roleOf(r), ...provenanceOf(r) }));
}

function receiptsOf(recipient: NodeRow, rows: RelationRow[]) {
  return rows.map((r) => ({ award: r.node, recipient, ...provenanceOf(r) }));
}

/** Resolvers of Province, Alliance, Agency, Official, Meeting, Award, Cooperative, Report and Statistic. */
export const entityResolvers = {
  Province: resolvers({
    ...common(F.Province),
    ...shortName,
    alliances: (n, args, ctx) => loadRelatedNodes(ctx, n, F.Province.alliances, args),
    agencies: (n, args, ctx) => loadRelatedNodes(ctx, n, F.Province.agencies, args),
    officials: (n, args, ctx) => loadRelatedNodes(ctx, n, F.Province.officials, args),
    cooperatives: (n, args, ctx) => loadRelatedNodes(ctx, n, F.Province.cooperatives, args),
    meetings: (n, args, ctx) => loadRelatedNodes(ctx, n, F.Province.meetings, args),
    awards: (n, args, ctx) => loadRelatedNodes(ctx, n, F.Province.awards, args),
    statistics: async (n, args, ctx) => {
      const metric = typeof args.metric === 'string' ? args.metric : null;
      return (await loadRelatedNodes(ctx, n, F.Province.statistics, args)).filter((s) => !metric || s.metric === metric);
    },
    mergedInto: (n, args, ctx) => loadRelatedNode(ctx, n, F.Province.mergedInto, args),
    mergedFrom: (n, args, ctx) => loadRelatedNodes(ctx, n, F.Province.mergedFrom, args),
  }),
  Alliance: organisation(F.Alliance),
  Agency: organisation(F.Agency),
  Official: resolvers({
    ...located(F.Official),
    positions: async (n, args, ctx, info) =>
      (await loadRelated(ctx, n, F.Official.positions, args, info)).map((r) => ({ official: n, organisation: r.node, title: titleOf(r), ...provenanceOf(r) })),
    meetings: async (n, args, ctx, info) => attendancesOf(n, await loadRelated(ctx, n, F.Official.meetings, args, info)),
    awardsReceived: async (n, args, ctx, info) => receiptsOf(n, await loadRelated(ctx, n, F.Official.awardsReceived, args, info)),
  }),
  Meeting: resolvers({
    ...located(F.Meeting),
    organisers: async (n, args, ctx, info) =>
      (await loadRelated(ctx, n, F.Meeting.organisers, args, info)).map((r) => ({ organiser: r.node, meeting: n, ...provenanceOf(r) })),
    attendees: async (n, args, ctx, info) =>
      (await loadRelated(ctx, n, F.Meeting.attendees, args, info))
        .map((r) => ({ attendee: r.node, meeting: n, role: roleOf(r), ...provenanceOf(r) }))
        .filter((a) => !args.role || a.role === args.role),
    awards: async (n, args, ctx, info) =>
      (await loadRelated(ctx, n, F.Meeting.awards, args, info)).map((r) => ({ award: r.node, meeting: n, ...provenanceOf(r) })),
  }),
  Award: resolvers({
    ...located(F.Award),
    issuers: async (n, args, ctx, info) =>
      (await loadRelated(ctx, n, F.Award.issuers, args, info)).map((r) => ({ award: n, issuer: r.node, ...provenanceOf(r) })),
    issuer: (n, args, ctx) => loadRelatedNode(ctx, n, F.Award.issuer, args),
    presentations: async (n, args, ctx, info) =>
      (await loadRelated(ctx, n, F.Award.presentations, args, info)).map((r) => ({ award: n, meeting: r.node, ...provenanceOf(r) })),
    meeting: (n, args, ctx) => loadRelatedNode(ctx, n, F.Award.meeting, args),
    recipients: async (n, args, ctx, info) =>
      (await loadRelated(ctx, n, F.Award.recipients, args, info)).map((r) => ({ award: n, recipient: r.node, ...provenanceOf(r) })),
    counts: (n) => countsOf(parseAttributes(n.attributes)),
  }),
  Cooperative: resolvers({
    ...located(F.Cooperative),
    awardsReceived: async (n, args, ctx, info) => receiptsOf(n, await loadRelated(ctx, n, F.Cooperative.awardsReceived, args, info)),
  }),
  Report: resolvers({
    ...identity,
    name: (n) => n.title ?? n.name,
    title: (n) => n.title ?? n.name,
    titleDerived: (n) => n.titleDerived === true,
    reports: (n) => [n],
    province: (n, args, ctx) => loadRelatedNode(ctx, n, F.Report.province, args),
    text: async (n, _a, ctx) => (await ctx.loaders.texts.load(n.key)) ?? '',
    entities: (n, args, ctx) => loadRelatedNodes(ctx, n, F.Report.entities, args),
    statistics: (n, args, ctx) => loadRelatedNodes(ctx, n, F.Report.statistics, args),
  }),
  Statistic: resolvers({
    ...common(F.Statistic),
    metric: (n) => n.metric,
    value: (n) => n.value ?? 0,
    unit: (n) => n.unit ?? '',
    qualifier: (n) => n.qualifier ?? 'exact',
    province: (n, args, ctx) => loadRelatedNode(ctx, n, F.Statistic.province, args),
    evidence: (n) => parseEvidenceList(n.evidence)[0] ?? null,
  }),
};

/** Recipient counts of an award from its attributes (`collectives`, `individuals`). */
export function countsOf(attributes: Record<string, unknown>): { collectives: number | null; individuals: number | null; total: number | null } {
  const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : null);
  const collectives = count(attributes.collectives);
  const individuals = count(attributes.individuals);
  const total = collectives === null && individuals === null ? null : (collectives ?? 0) + (individuals ?? 0);
  return { collectives, individuals, total };
}
