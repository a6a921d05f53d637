import { colorOfType } from '../../export/palette.ts';
import type { SubgraphNode } from '../../graph/subgraph.ts';
import type { NetworkMetrics } from '../../metrics/compute-metrics.ts';
import { paletteForCommunities } from './community-palette.ts';

export type SizeMeasure = 'degree' | 'pagerank' | 'betweenness' | 'none';
export type ColourScheme = 'type' | 'community';

/** How a node is painted: its fill and its radius on screen (pixels, at the zoom that shows the whole network). */
export type Look = { color: string; size: number };

/**
 * The radii nodes range over: a few dozen nodes can be large; thousands must be small, or the
 * whole network would be a blot. The smallest node stays big enough to click.
 */
export function sizeRange(count: number): { smallest: number; largest: number } {
  if (count <= 100) return { smallest: 7, largest: 22 };
  if (count <= 1000) return { smallest: 4, largest: 16 };
  return { smallest: 2.5, largest: 12 };
}

/**
 * How each shown node is painted: coloured by type or by Louvain community (a palette that fits
 * the number of communities, the others grey), and sized by a measure relative to the largest
 * value among the shown nodes (area grows with the measure).
 */
export function lookNodes(nodes: readonly SubgraphNode[], metrics: NetworkMetrics, sizeBy: SizeMeasure, colourBy: ColourScheme): Map<string, Look> {
  const measureOf = (id: string) => {
    const measured = metrics.nodes.get(id);
    return !measured || sizeBy === 'none' ? 0 : measured[sizeBy];
  };
  let largest = 0;
  for (const node of nodes) largest = Math.max(largest, measureOf(node.id));
  const { smallest, largest: biggest } = sizeRange(nodes.length);
  const palette = paletteForCommunities(metrics.communityCount);
  return new Map(nodes.map((node) => {
    const measured = metrics.nodes.get(node.id);
    const color = colourBy === 'community' && measured ? palette.colourOf(measured.community) : colorOfType(node.type);
    const share = largest > 0 ? measureOf(node.id) / largest : 0;
    const size = sizeBy === 'none' ? (smallest + biggest) / 3 : smallest + (biggest - smallest) * Math.sqrt(share);
    return [node.id, { color, size }];
  }));
}
