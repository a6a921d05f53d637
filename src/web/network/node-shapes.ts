/**
 * The shape of each entity type, so that types are told apart in print and by colour-blind
 * readers too. One definition, as SVG path data in a 100 × 100 box centred on (50, 50), serves
 * the network (drawn as a mask coloured by the node's colour), the legend and the SVG download.
 */

/** A regular polygon of `radius` around (50, 50 + `lower`), its first corner at `rotation`. */
function polygon(corners: number, radius: number, rotation: number, lower = 0): string {
  const points = Array.from({ length: corners }, (_, i) => {
    const angle = rotation + (2 * Math.PI * i) / corners;
    return `${(50 + radius * Math.cos(angle)).toFixed(2)},${(50 + lower + radius * Math.sin(angle)).toFixed(2)}`;
  });
  return `M${points.join('L')}Z`;
}

function star(points: number, outer: number, inner: number): string {
  const corners = Array.from({ length: 2 * points }, (_, i) => {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (Math.PI * i) / points;
    return `${(50 + radius * Math.cos(angle)).toFixed(2)},${(50 + radius * Math.sin(angle)).toFixed(2)}`;
  });
  return `M${corners.join('L')}Z`;
}

const circle = 'M2,50A48,48 0 1,0 98,50A48,48 0 1,0 2,50Z';
const roundedSquare = 'M18,8H82A10,10 0 0 1 92,18V82A10,10 0 0 1 82,92H18A10,10 0 0 1 8,82V18A10,10 0 0 1 18,8Z';

/** Path data of each type's shape; other types are circles. */
const shapes: Readonly<Record<string, string>> = {
  Official: circle,
  Meeting: roundedSquare,
  Award: star(5, 50, 21),
  Province: polygon(6, 48, 0),
  Alliance: polygon(4, 50, -Math.PI / 2),
  // A triangle's centre is a third of the way up: lowered so that it fills its box evenly.
  Agency: polygon(3, 56, -Math.PI / 2, 12),
  Cooperative: polygon(5, 50, -Math.PI / 2),
};

/** The types drawn with a shape of their own (any other type is a circle). */
export const SHAPED_TYPES: readonly string[] = Object.keys(shapes);

/** The SVG path data (100 × 100 box) of a type's shape. */
export function shapePath(type: string): string {
  return shapes[type] ?? circle;
}

/** A small SVG picture of a type's shape filled with `colour`, for legends and lists. */
export function shapeIcon(type: string, colour: string, size = 14): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 100 100');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('shape');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', shapePath(type));
  path.setAttribute('fill', colour);
  path.setAttribute('stroke', '#ffffff');
  path.setAttribute('stroke-width', '4');
  svg.append(path);
  return svg;
}

/** The shape as an SVG document (white on transparent) for the network's renderer, which colours it per node. */
export function shapeImageUrl(type: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100"><path d="${shapePath(type)}" fill="#ffffff"/></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
