import { planSelection, restrictToWindow, type PlannedSelection } from '../../export/selector.ts';
import type { Gateway } from '../../graph/gateway.ts';
import type { ReadOptions } from '../../graph/read-rows.ts';
import { fetchSubgraph, type Subgraph } from '../../graph/subgraph.ts';

/** A fetched selection, or why the selector was refused. */
export type SelectedSubgraph = { ok: true; subgraph: Subgraph; plan: PlannedSelection } | { ok: false; reason: string };

/**
 * Fetches the subgraph a selector asks for (GraphQL input, download query, command line):
 * parses it once, reads through `fetchSubgraph`, then narrows a neighbourhood to its date
 * window. Nulls from GraphQL count as absent.
 */
export async function selectSubgraph(gateway: Gateway, raw: Record<string, unknown>, options: ReadOptions = {}): Promise<SelectedSubgraph> {
  const present = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null && value !== undefined && value !== ''));
  const planned = planSelection(present);
  if (!planned.ok) return planned;
  const subgraph = await fetchSubgraph(gateway, planned.plan.selection, options);
  return { ok: true, subgraph: restrictToWindow(subgraph, planned.plan.window), plan: planned.plan };
}
