import { z } from 'zod';
import { entityRefSchema, evidenceSchema, mapResult, operation, requestGraphql, type ApiResult, type EntityRef, type Evidence } from './graphql-client.ts';
import awardQuery from './queries/details/award.graphql?raw';
import cooperativeQuery from './queries/details/cooperative.graphql?raw';
import meetingQuery from './queries/details/meeting.graphql?raw';
import officialQuery from './queries/details/official.graphql?raw';
import organisationQuery from './queries/details/organisation.graphql?raw';
import provinceQuery from './queries/details/province.graphql?raw';

/** The query of each type's node panel: only the relationships that type has. */
const queries: Readonly<Record<string, string>> = {
  Official: officialQuery,
  Alliance: organisationQuery,
  Agency: organisationQuery,
  Meeting: meetingQuery,
  Award: awardQuery,
  Cooperative: cooperativeQuery,
  Province: provinceQuery,
};

/** The relationship fields a panel lists, in the order shown; each names a group of the panel. */
export const RELATION_GROUPS = [
  'positions', 'officials', 'organisers', 'attendees', 'organised', 'meetings', 'partners', 'issuers', 'presentations',
  'awards', 'recipients', 'awardsIssued', 'awardsReceived', 'mergedInto', 'mergedFrom', 'alliances', 'agencies',
  'cooperatives',
] as const;
export type RelationGroup = (typeof RELATION_GROUPS)[number];

/** One relationship of the node: the entity at its other end, its title or role, and the sentences stating it. */
export type RelationItem = { other: EntityRef; note: string | null; evidence: Evidence[]; evidenceCount: number };

/** A report that names the node. */
export type ReportRef = { id: string; title: string; titleDerived: boolean; source: string | null; publishedAt: string | null; url: string | null };

/** What the node panel shows: the entity's facts, its relationships grouped by field, its reports. */
export type NodeDetails = {
  entity: EntityRef;
  kind: string | null;
  attributes: Record<string, unknown>;
  counts: { collectives: number | null; individuals: number | null } | null;
  groups: { group: RelationGroup; items: RelationItem[] }[];
  reports: ReportRef[];
};

const relationSchema = z.object({
  title: z.string().nullish(),
  role: z.string().nullish(),
  other: entityRefSchema,
  evidence: z.array(evidenceSchema),
  evidenceCount: z.number(),
});
/** A group is a list of relationships, or (a province's) a list of entities, or one entity. */
const groupSchema = z.union([z.array(relationSchema), z.array(entityRefSchema), entityRefSchema]).nullish();

const detailsSchema = z
  .object({
    kind: z.string().nullish(),
    attributes: z.record(z.string(), z.unknown()).nullish(),
    counts: z.object({ collectives: z.number().nullable(), individuals: z.number().nullable() }).nullish(),
    reports: z.array(z.object({ id: z.string(), title: z.string(), titleDerived: z.boolean(), source: z.string().nullable(), publishedAt: z.string().nullable(), url: z.string().nullable() })),
  })
  .and(entityRefSchema)
  .and(z.object(Object.fromEntries(RELATION_GROUPS.map((group) => [group, groupSchema])) as Record<RelationGroup, typeof groupSchema>));

/** Whether the node panel has a query for this type. */
export function hasDetails(type: string): boolean {
  return type in queries;
}

/** The node panel's data for an entity of `type`; null when the node is gone. */
export async function fetchNodeDetails(id: string, type: string): Promise<ApiResult<NodeDetails | null>> {
  const query = queries[type];
  if (!query) return { ok: false, message: `no details for ${type}`, code: 'BAD_USER_INPUT' };
  const result = await requestGraphql(operation(query), { id }, z.object({ node: detailsSchema.nullable() }));
  return mapResult(result, ({ node }) => {
    if (!node) return null;
    const groups = RELATION_GROUPS.flatMap((group) => {
      const value = node[group];
      if (value === null || value === undefined) return [];
      const list = Array.isArray(value) ? value : [value];
      const items = list.map((item): RelationItem =>
        'other' in item
          ? { other: item.other, note: item.title ?? item.role ?? null, evidence: item.evidence, evidenceCount: item.evidenceCount }
          : { other: item, note: null, evidence: [], evidenceCount: 0 },
      );
      return items.length > 0 ? [{ group, items }] : [];
    });
    return {
      entity: { id: node.id, name: node.name, type: node.type, date: node.date, province: node.province },
      kind: node.kind ?? null,
      attributes: node.attributes ?? {},
      counts: node.counts ?? null,
      groups,
      reports: node.reports,
    };
  });
}
