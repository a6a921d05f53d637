import { describeUnknownCentre, readSelection } from '../../export/read-selection.ts';
import { planSelection, type PlannedSelection } from '../../export/selector.ts';
import type { Gateway } from '../../graph/gateway.ts';
import type { ReadOptions } from '../../graph/read-rows.ts';
import type { Subgraph } from '../../graph/subgraph.ts';

/** A fetched selection, or why it was refused: a bad selector, or a centre no entity has. */
export type SelectedSubgraph =
  | { ok: true; subgraph: Subgraph; plan: PlannedSelection }
  | { ok: false; reason: string; unknown: boolean };

/**
 * Fetches the subgraph a selector asks for (GraphQL input, download query, command line):
 * parses it once, reads it with `readSelection` (window and types applied). Nulls from GraphQL
 * count as absent.
 */
export async function selectSubgraph(gateway: Gateway, raw: Record<string, unknown>, options: ReadOptions = {}): Promise<SelectedSubgraph> {
  const present = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null && value !== undefined && value !== ''));
  const planned = planSelection(present);
  if (!planned.ok) return { ...planned, unknown: false };
  const read = await readSelection(gateway, planned.plan, options);
  if (!read.ok) return { ok: false, reason: describeUnknownCentre(read.unknownCentre), unknown: true };
  return { ok: true, subgraph: read.subgraph, plan: planned.plan };
}
