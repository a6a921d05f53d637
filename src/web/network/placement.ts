import type { Point } from './analysis-protocol.ts';

const goldenAngle = Math.PI * (3 - Math.sqrt(5));

/** Where the `index`-th (from 1) new node starts: a sunflower spiral around `origin`, `spacing` apart. */
export function placeOnSpiral(index: number, origin: Point, spacing: number): Point {
  const radius = spacing * Math.sqrt(index);
  const angle = index * goldenAngle;
  return { x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) };
}
