import type { CollectionReturnValue, Core, EdgeSingular, ElementDefinition, NodeSingular } from 'cytoscape';
import type { Subgraph, SubgraphEdge, SubgraphNode } from '../graph/subgraph.ts';
import type { Point } from './analysis-protocol.ts';
import type { SlicePacer } from './slice-pacer.ts';

/** How a node is painted: its fill and its diameter. */
export type Look = { color: string; size: number };

/** What the drawing should become: which nodes show, where they go, how they look; null leaves that as it is. */
export type DrawPlan = {
  visible: ReadonlySet<string>;
  positions: ReadonlyMap<string, Point> | null;
  looks: ReadonlyMap<string, Look> | null;
  /** Whether nodes carry their name (class `named`). */
  named: boolean | null;
  /** Whether edges are drawn as plain haystack lines (class `dense`). */
  dense: boolean;
  centre: string | null;
  /** Where a new node goes when `positions` has no place for it, and how it looks before `looks` has it. */
  placeNew(id: string): Point;
  lookNew(node: SubgraphNode): Look;
};

/**
 * Brings cytoscape in line with the loaded network and a plan: removes elements no longer
 * loaded (at once), adds new ones, shows, hides, moves and repaints the rest, paced by `pacer`. Touches
 * only what differs, since a cytoscape restyle is the costly part. Calls `beforeNodes` when the
 * nodes' turn comes. Returns false when a newer change took over part-way.
 */
export async function syncDrawing(cy: Core, network: Subgraph, plan: DrawPlan, pacer: SlicePacer, beforeNodes?: () => void): Promise<boolean> {
  const nodeIds = new Set(network.nodes.map((node) => node.id));
  const edgeIds = new Set(network.edges.map((edge) => edge.id));
  const stale = cy.elements().filter((element) => !(element.isNode() ? nodeIds : edgeIds).has(element.id()));
  pacer.expect(network.nodes.length + network.edges.length);
  // Removing is cheap (tens of ms for thousands); drawing what is left is the costly part.
  stale.remove();
  beforeNodes?.();
  if (!(await pacer.apply(network.nodes, (slice) => drawNodes(cy, slice, plan)))) return false;
  return pacer.apply(network.edges, (slice) => drawEdges(cy, slice, plan));
}

function drawNodes(cy: Core, slice: readonly SubgraphNode[], plan: DrawPlan): CollectionReturnValue {
  const added: ElementDefinition[] = [];
  const changed = cy.collection();
  for (const node of slice) {
    const hidden = !plan.visible.has(node.id);
    const position = plan.positions?.get(node.id);
    const look = plan.looks?.get(node.id);
    const centre = node.id === plan.centre;
    const element = cy.getElementById(node.id);
    if (element.empty()) {
      added.push({
        group: 'nodes',
        data: { id: node.id, name: node.name, type: node.type, ...(look ?? plan.lookNew(node)) },
        position: position ?? plan.placeNew(node.id),
        classes: [hidden && 'hidden', centre && 'centre', plan.named && 'named'].filter(Boolean).join(' '),
      });
      continue;
    }
    if (setClass(element, 'hidden', hidden)) changed.merge(element);
    if (setClass(element, 'centre', centre)) changed.merge(element);
    if (plan.named !== null && setClass(element, 'named', plan.named)) changed.merge(element);
    if (position) changed.merge(element.position(position));
    if (look && (element.data('color') !== look.color || element.data('size') !== look.size)) changed.merge(element.data(look));
  }
  return changed.merge(cy.add(added));
}

function drawEdges(cy: Core, slice: readonly SubgraphEdge[], plan: DrawPlan): CollectionReturnValue {
  const added: ElementDefinition[] = [];
  const changed = cy.collection();
  for (const edge of slice) {
    const hidden = !plan.visible.has(edge.source) || !plan.visible.has(edge.target);
    const element = cy.getElementById(edge.id);
    if (element.empty()) {
      const classes = [hidden && 'hidden', plan.dense && 'dense'].filter(Boolean).join(' ');
      added.push({ group: 'edges', data: { id: edge.id, source: edge.source, target: edge.target, type: edge.type }, classes });
      continue;
    }
    const hiddenChanged = setClass(element, 'hidden', hidden);
    if (setClass(element, 'dense', plan.dense) || hiddenChanged) changed.merge(element);
  }
  return changed.merge(cy.add(added));
}

/** Sets or clears a class only when it changes (cytoscape restyles whatever `toggleClass` touches); says whether it did. */
export function setClass(element: NodeSingular | EdgeSingular | CollectionReturnValue, name: string, on: boolean): boolean {
  if (element.hasClass(name) === on) return false;
  element.toggleClass(name, on);
  return true;
}
