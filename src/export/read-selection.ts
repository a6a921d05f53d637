import type { Gateway } from '../graph/gateway.ts';
import type { ReadOptions } from '../graph/read-rows.ts';
import { fetchSubgraph } from '../graph/subgraph.ts';
import type { Subgraph } from '../graph/subgraph.ts';
import { narrowSubgraph } from './selector.ts';
import type { PlannedSelection } from './selector.ts';

/** A planned selection read, or the centre it names that no entity has. */
export type ReadSelection = { ok: true; subgraph: Subgraph } | { ok: false; unknownCentre: string };

/**
 * Reads what a plan selects (`fetchSubgraph`, then its window and types). A neighbourhood always
 * holds its centre, so an empty one means no entity has that id: a value, not an empty file.
 */
export async function readSelection(gateway: Gateway, plan: PlannedSelection, options: ReadOptions = {}): Promise<ReadSelection> {
  const fetched = await fetchSubgraph(gateway, plan.selection, options);
  if ('around' in plan.selection && fetched.nodes.length === 0) return { ok: false, unknownCentre: plan.selection.around };
  return { ok: true, subgraph: narrowSubgraph(fetched, plan) };
}

/** The message for a centre no entity has (the API's `NOT_FOUND`, the command line's exit 2). */
export function describeUnknownCentre(id: string): string {
  return `no entity has the id ${JSON.stringify(id)}`;
}
