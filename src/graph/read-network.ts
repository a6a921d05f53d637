import { z } from 'zod';
import type { Gateway } from './gateway.ts';
import { provinceKey } from './keys.ts';
import { EVIDENCE_LIMIT, toRelationRow } from './read-relations.ts';
import type { RelationRow } from './read-relations.ts';
import { parseNodeRow, readRows, rowMapSchema } from './read-rows.ts';
import type { NodeRow, ReadOptions } from './read-rows.ts';
import { readNodesByKey } from './read-nodes.ts';
import { toEdge, toSubgraphNode } from './subgraph.ts';
import type { Subgraph } from './subgraph.ts';

/** Relationship questions about who works with whom: co-attendance, cooperation, timelines. */

export type CoAttendeeRow = { node: NodeRow; count: number; meetings: string[] };

const coAttendanceSchema = z.object({ node: z.unknown(), count: z.number().int(), meetings: z.array(z.string()) });

/** Who took part in the same meetings as an entity, with how many and which (newest first). */
export async function readCoAttendance(gateway: Gateway, key: string, limit: number, options: ReadOptions = {}): Promise<CoAttendeeRow[]> {
  const rows = await readRows(gateway, 'api/co-attendance', { key, limit }, options);
  return rows.map((row) => {
    const parsed = coAttendanceSchema.parse(row);
    return { node: parseNodeRow(parsed.node), count: parsed.count, meetings: parsed.meetings };
  });
}

/** The cooperation network, optionally touching a province and stated in a publication date range. */
export async function readCooperationNetwork(
  gateway: Gateway,
  filter: { province?: string | null; from?: string | null; to?: string | null },
  options: ReadOptions = {},
): Promise<Subgraph> {
  const rows = await readRows(
    gateway,
    'api/cooperation-network',
    { provinceKey: filter.province ? provinceKey(filter.province) : null, from: filter.from ?? null, to: filter.to ?? null },
    options,
  );
  const edges = rows.map(toEdge);
  const keys = [...new Set(edges.flatMap((e) => [e.source, e.target]))].sort();
  const nodes = (await readNodesByKey(gateway, keys, options)).filter((n): n is NodeRow => n !== null);
  return { nodes: nodes.map(toSubgraphNode), edges: edges.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}

export type TimelineRow = { event: NodeRow; relation: string; link: RelationRow | null };

const timelineSchema = z.object({ node: z.unknown(), relation: z.string(), props: rowMapSchema });

/**
 * The dated meetings and awards involving an entity, oldest first; `link` (with the evidence of the
 * `EVIDENCE_LIMIT` reports published last) is null for LOCATED_IN and SELF.
 */
export async function readTimeline(gateway: Gateway, key: string, limit: number, options: ReadOptions = {}): Promise<TimelineRow[]> {
  const rows = await readRows(gateway, 'api/timeline', { key, limit, evidenceLimit: EVIDENCE_LIMIT }, options);
  return rows.map((row) => {
    const { node, relation, props } = timelineSchema.parse(row);
    const link = relation === 'LOCATED_IN' || relation === 'SELF' ? null : toRelationRow(relation, true, props, node);
    return { event: parseNodeRow(node), relation, link };
  });
}
