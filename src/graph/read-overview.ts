import { z } from 'zod';
import type { Gateway } from './gateway.ts';
import { NODE_TYPES, parseNodeRow, readRows } from './read-rows.ts';
import type { NodeRow, NodeType, ReadOptions } from './read-rows.ts';

/** What the graph holds, for a first view: how many of each type, and the days its events and reports span. */
export type GraphOverview = {
  counts: { type: NodeType; count: number }[];
  firstEventDate: string | null;
  lastEventDate: string | null;
  firstReportDate: string | null;
  lastReportDate: string | null;
};

const overviewSchema = z.object({
  counts: z.array(z.object({ type: z.enum(NODE_TYPES), count: z.number().int() })),
  firstEvent: z.string().nullable(),
  lastEvent: z.string().nullable(),
  firstReport: z.string().nullable(),
  lastReport: z.string().nullable(),
});

/** Counts per node type (in `NODE_TYPES` order) and the date spans, in one statement. */
export async function readOverview(gateway: Gateway, options: ReadOptions = {}): Promise<GraphOverview> {
  const [row] = await readRows(gateway, 'api/overview', {}, options);
  const parsed = overviewSchema.parse(row);
  return {
    counts: parsed.counts,
    firstEventDate: parsed.firstEvent,
    lastEventDate: parsed.lastEvent,
    firstReportDate: parsed.firstReport,
    lastReportDate: parsed.lastReport,
  };
}

/** An entity and the number of relationships reports state about it. */
export type ConnectedRow = { node: NodeRow; degree: number };

const connectedSchema = z.object({ node: z.unknown(), degree: z.number().int() });

/** The `limit` entities of `types` with the most stated relationships, most first (ties by key). */
export async function readMostConnected(
  gateway: Gateway,
  types: readonly NodeType[],
  limit: number,
  options: ReadOptions = {},
): Promise<ConnectedRow[]> {
  const rows = await readRows(gateway, 'api/most-connected', { types, limit }, options);
  return rows.map((row) => {
    const { node, degree } = connectedSchema.parse(row);
    return { node: parseNodeRow(node), degree };
  });
}
