import type { Gateway } from '../graph/gateway.ts';
import { provinceKey } from '../graph/keys.ts';
import { readNodesByKey } from '../graph/read-nodes.ts';
import type { ReadOptions } from '../graph/read-rows.ts';
import { fetchSubgraph } from '../graph/subgraph.ts';
import type { Subgraph } from '../graph/subgraph.ts';
import { narrowSubgraph } from './selector.ts';
import type { PlannedSelection } from './selector.ts';

/** What a selection names that the graph does not have: a centre's id or a province's name. */
export type UnknownSelection = { field: 'around' | 'province'; value: string };

/** A planned selection read, or what it names that the graph does not have. */
export type ReadSelection = { ok: true; subgraph: Subgraph } | { ok: false; unknown: UnknownSelection };

/**
 * Reads what a plan selects (`fetchSubgraph`, then its window and types). A centre or a province
 * the graph does not have is a value, not an empty file: a neighbourhood always holds its centre,
 * so an empty one means no entity has that id; a province is looked up by its key.
 */
export async function readSelection(gateway: Gateway, plan: PlannedSelection, options: ReadOptions = {}): Promise<ReadSelection> {
  const { selection } = plan;
  if ('province' in selection) {
    const [province] = await readNodesByKey(gateway, [provinceKey(selection.province)], options);
    if (!province) return { ok: false, unknown: { field: 'province', value: selection.province } };
  }
  const fetched = await fetchSubgraph(gateway, selection, options);
  if ('around' in selection && fetched.nodes.length === 0) return { ok: false, unknown: { field: 'around', value: selection.around } };
  return { ok: true, subgraph: narrowSubgraph(fetched, plan) };
}

/** `no entity has the id "alliance:nowhere"`: what the command line says (exit 2) of an unknown selection. */
export function describeUnknownSelection({ field, value }: UnknownSelection): string {
  return field === 'around' ? `no entity has the id ${JSON.stringify(value)}` : `no province is named ${JSON.stringify(value)}`;
}
