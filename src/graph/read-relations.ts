import { z } from 'zod';
import type { Gateway } from './gateway.ts';
import { parseAttributes, parseEvidenceList, parseNodeRow, readRows, rowMapSchema } from './read-rows.ts';
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
  /** Read the relationships' evidence and its count (else they come empty and 0). */
  evidence: boolean;
};

/**
 * Most evidence sentences a relationship read returns: those of the reports published last. A
 * relationship that thousands of reports state again (a national leader's position) would
 * otherwise send all of its sentences with every answer; `evidenceCount` says how many there are.
 */
export const EVIDENCE_LIMIT = 20;

/** A relationship seen from the asking node: its type, direction, attributes, evidence (of the `EVIDENCE_LIMIT` reports published last) and the other end. */
export type RelationRow = {
  type: string;
  outgoing: boolean;
  attributes: Record<string, unknown>;
  evidence: EvidenceRow[];
  /** How many sentences state it in all. */
  evidenceCount: number;
  node: NodeRow;
};

/** One relationship row as the relationship reads return it (`relations`, `node-with-relations`). */
export const relationRowSchema = z.object({ type: z.string(), outgoing: z.boolean(), props: rowMapSchema, node: z.unknown() });

const rowsSchema = z.object({ id: z.number().int(), rows: z.array(relationRowSchema) });

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
    evidence: r.evidence,
  }));
  const rows = await readRows(gateway, 'api/relations', { batch: { requests: params }, evidenceLimit: EVIDENCE_LIMIT }, options);
  const byRequest: RelationRow[][] = requests.map(() => []);
  for (const raw of rows) {
    const { id, rows: relations } = rowsSchema.parse(raw);
    byRequest[id] = relations.map((rel) => toRelationRow(rel.type, rel.outgoing, rel.props, rel.node));
  }
  return byRequest;
}

/**
 * Builds a relationship row from the properties a read returns: role/title and JSON attributes
 * merged; `evidenceCount` as the read counted it (else the sentences given).
 */
export function toRelationRow(type: string, outgoing: boolean, props: Record<string, unknown>, node: unknown): RelationRow {
  const { evidence, evidenceCount, fact: _fact, attributes, ...rest } = props;
  const plain = Object.fromEntries(Object.entries(rest).filter(([, v]) => typeof v !== 'object' || v === null));
  const sentences = parseEvidenceList(evidence);
  return {
    type,
    outgoing,
    attributes: { ...parseAttributes(attributes), ...plain },
    evidence: sentences,
    evidenceCount: typeof evidenceCount === 'number' ? evidenceCount : sentences.length,
    node: parseNodeRow(node),
  };
}
