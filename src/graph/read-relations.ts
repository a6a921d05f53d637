import { z } from 'zod';
import type { Gateway } from './gateway.ts';
import { parseAttributes, parseEvidenceList, parseNodeRow, readRows } from './read-rows.ts';
import type { EvidenceRow, NodeRow, NodeType, ReadOptions } from './read-rows.ts';

/**
 * Relationship reads for many nodes in one query: the per-request DataLoader of the API
 * batches every relationship field of a response level into one `relations` query.
 */

/** One relationship field of one node: which type, which way, which other ends, how many. */
export type RelationRequest = {
  key: string;
  type: string;
  direction: 'out' | 'in' | 'both';
  /** Only other ends of these types. */
  types?: NodeType[] | null;
  from?: string | null;
  to?: string | null;
  order?: 'date' | 'name';
  limit: number;
};

/** A relationship seen from the asking node: its type, direction, attributes, evidence and the other end. */
export type RelationRow = {
  type: string;
  outgoing: boolean;
  attributes: Record<string, unknown>;
  evidence: EvidenceRow[];
  reports: string[];
  node: NodeRow;
};

const rowsSchema = z.object({
  id: z.number().int(),
  rows: z.array(
    z.object({ type: z.string(), outgoing: z.boolean(), props: z.record(z.string(), z.unknown()), node: z.unknown() }),
  ),
});

/** Relationship rows per request, in the order of the requests (empty where a node has none). */
export async function readRelations(
  gateway: Gateway,
  requests: readonly RelationRequest[],
  options: ReadOptions = {},
): Promise<RelationRow[][]> {
  const params = requests.map((r, id) => ({
    id,
    key: r.key,
    type: r.type,
    direction: r.direction,
    types: r.types ?? null,
    from: r.from ?? null,
    to: r.to ?? null,
    order: r.order ?? 'name',
    limit: r.limit,
  }));
  const rows = await readRows(gateway, 'api/relations', { requests: params }, options);
  const byRequest: RelationRow[][] = requests.map(() => []);
  for (const raw of rows) {
    const { id, rows: relations } = rowsSchema.parse(raw);
    byRequest[id] = relations.map((rel) => toRelationRow(rel.type, rel.outgoing, rel.props, rel.node));
  }
  return byRequest;
}

/** Builds a relationship row from the stored properties: role/title and JSON attributes merged. */
export function toRelationRow(type: string, outgoing: boolean, props: Record<string, unknown>, node: unknown): RelationRow {
  const { evidence, reports, attributes, ...rest } = props;
  const plain = Object.fromEntries(Object.entries(rest).filter(([, v]) => typeof v !== 'object' || v === null));
  return {
    type,
    outgoing,
    attributes: { ...parseAttributes(attributes), ...plain },
    evidence: parseEvidenceList(evidence),
    reports: Array.isArray(reports) ? reports.filter((r): r is string => typeof r === 'string') : [],
    node: parseNodeRow(node),
  };
}
