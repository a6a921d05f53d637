import type { Point } from './analysis-protocol.ts';

const goldenAngle = Math.PI * (3 - Math.sqrt(5));

/** Where the `index`-th (from 1) new node starts: a sunflower spiral around `origin`, `spacing` apart. */
export function placeOnSpiral(index: number, origin: Point, spacing: number): Point {
  const radius = spacing * Math.sqrt(index);
  const angle = index * goldenAngle;
  return { x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) };
}

/** ForceAtlas2 coordinates have no unit: scales them so that nodes keep about `room` model units around them. */
export function scaleToRoom(positions: Record<string, Point>, room: number): Map<string, Point> {
  const points = Object.values(positions);
  const box = boundsOf(points);
  const diagonal = Math.hypot(box.x2 - box.x1, box.y2 - box.y1) || 1;
  const scale = (Math.sqrt(points.length) * room) / diagonal;
  return new Map(Object.entries(positions).map(([id, point]) => [id, { x: point.x * scale, y: point.y * scale }]));
}

/**
 * The viewport (zoom and pan) that shows every point with `padding` pixels to spare, zoomed in no
 * further than `maxZoom`: what `cy.fit()` does, without asking cytoscape for the bounding boxes of
 * elements it has not drawn yet.
 */
export function fitPoints(
  points: Iterable<Point>,
  screen: { width: number; height: number },
  options: { padding: number; margin: number; minZoom: number; maxZoom: number },
): { zoom: number; pan: Point } {
  const box = boundsOf(points);
  const width = box.x2 - box.x1 + 2 * options.margin;
  const height = box.y2 - box.y1 + 2 * options.margin;
  const fitted = Math.min((screen.width - 2 * options.padding) / width, (screen.height - 2 * options.padding) / height);
  const zoom = Math.min(options.maxZoom, Math.max(options.minZoom, Number.isFinite(fitted) && fitted > 0 ? fitted : 1));
  return { zoom, pan: { x: screen.width / 2 - (zoom * (box.x1 + box.x2)) / 2, y: screen.height / 2 - (zoom * (box.y1 + box.y2)) / 2 } };
}

function boundsOf(points: Iterable<Point>): { x1: number; y1: number; x2: number; y2: number } {
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const point of points) {
    box.x1 = Math.min(box.x1, point.x);
    box.y1 = Math.min(box.y1, point.y);
    box.x2 = Math.max(box.x2, point.x);
    box.y2 = Math.max(box.y2, point.y);
  }
  return Number.isFinite(box.x1) ? box : { x1: 0, y1: 0, x2: 0, y2: 0 };
}
