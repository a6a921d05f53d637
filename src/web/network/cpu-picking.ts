import type Sigma from 'sigma';
import type { ScreenPlaces } from './screen-places.ts';

type Picking = {
  getNodeAtPosition(position: { x: number; y: number }): string | null;
  getEdgeAtPoint(x: number, y: number): string | null;
};

/** How far (pixels) from an edge's line the mouse still points at the edge. */
const EDGE_TOLERANCE = 4;

/**
 * Finds the node or edge under the mouse on the CPU, from where the last frame drew the nodes.
 * Sigma finds it by reading a pixel of an off-screen picture back from the GPU on every mouse
 * move, click and wheel turn, which makes the page wait until the GPU has drawn every frame still
 * queued: while a network of thousands of nodes is dragged or zoomed on a machine that draws
 * WebGL in software, that froze the page for seconds at each move. Measuring a few thousand
 * distances takes well under a millisecond instead. Sigma 3 has no setting for it, so its two
 * (private) picking methods are replaced; the node's shape is taken as its circle.
 */
export function pickOnCpu(renderer: Sigma, places: ScreenPlaces): void {
  const picking = renderer as unknown as Picking;
  picking.getNodeAtPosition = ({ x, y }) => {
    const drawn = places.all();
    // The last drawn is on top: search from the end.
    for (let i = drawn.length - 1; i >= 0; i--) {
      const place = drawn[i]!;
      const reach = place.radius + 1;
      const dx = x - place.x;
      const dy = y - place.y;
      if (dx * dx + dy * dy <= reach * reach) return place.id;
    }
    return null;
  };
  picking.getEdgeAtPoint = (x, y) => {
    let best: string | null = null;
    let bestDistance = EDGE_TOLERANCE;
    renderer.getGraph().forEachEdge((edge, _attributes, source, target) => {
      const from = places.get(source);
      const to = places.get(target);
      if (!from || !to) return;
      const distance = distanceToSegment(x, y, from.x, from.y, to.x, to.y);
      if (distance <= bestDistance) {
        best = edge;
        bestDistance = distance;
      }
    });
    return best;
  };
}

/** Distance from (px, py) to the segment from (ax, ay) to (bx, by). */
export function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const along = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  return Math.hypot(px - (ax + along * dx), py - (ay + along * dy));
}
