import { colorOfType } from '../export/palette.ts';
import type { SubgraphNode } from '../graph/subgraph.ts';
import type { NetworkMetrics } from '../metrics/compute-metrics.ts';
import type { Look } from './sync-drawing.ts';

export type SizeMeasure = 'degree' | 'pagerank' | 'betweenness' | 'none';
export type ColourScheme = 'type' | 'community';

/** A node's diameter when nothing sizes it. */
export const defaultSize = 22;
const communityColors = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#1f78b4', '#b2df8a', '#fb9a99', '#cab2d6', '#ff7f00'];

/**
 * How each shown node is painted: coloured by type or Louvain community, and sized by a measure
 * relative to the largest value among the shown nodes (area grows with the measure).
 */
export function lookNodes(nodes: readonly SubgraphNode[], metrics: NetworkMetrics, sizeBy: SizeMeasure, colourBy: ColourScheme): Map<string, Look> {
  const measureOf = (id: string) => {
    const measured = metrics.nodes.get(id);
    return !measured || sizeBy === 'none' ? 0 : measured[sizeBy];
  };
  const largest = Math.max(0, ...nodes.map((node) => measureOf(node.id)));
  return new Map(nodes.map((node) => {
    const measured = metrics.nodes.get(node.id);
    const color = colourBy === 'community' && measured
      ? communityColors[measured.community % communityColors.length] ?? '#555555'
      : colorOfType(node.type);
    const share = largest > 0 ? measureOf(node.id) / largest : 0;
    return [node.id, { color, size: sizeBy === 'none' ? defaultSize : 16 + 34 * Math.sqrt(share) }];
  }));
}
