/** A node that could carry a label: where it is on screen, its radius, and the size of its label text (pixels). */
export type LabelCandidate = { id: string; x: number; y: number; radius: number; width: number; height: number };

/** Where a label goes: beside its node (to its right, or to its left where the right has no room), centred on it. */
export type LabelBox = { id: string; left: number; top: number; right: number; bottom: number };

/** Room kept free around every label, in pixels. */
const GAP = 2;
/** Side of the cells the screen is divided into to find the labels near a new one. */
const CELL = 48;

/**
 * The density rule of the network's labels: walks the candidates in the order given (the most
 * important first: the selected node, then the largest) and keeps each label that lies wholly on
 * screen and overlaps none kept before it, beside its node on the right or else on the left, until
 * `most` are kept. Whatever the zoom, the screen carries as many readable labels as fit, and no two
 * overlap. Cost grows with the candidates, not with
 * the labels kept (each box is compared only with boxes in the cells it touches).
 */
export function pickLabels(candidates: Iterable<LabelCandidate>, screen: { width: number; height: number }, most: number): LabelBox[] {
  const kept: LabelBox[] = [];
  const cells = new Map<number, LabelBox[]>();
  const columns = Math.ceil(screen.width / CELL) + 2;
  for (const candidate of candidates) {
    if (kept.length >= most) break;
    // Only whole labels (one cut by the edge of the screen reads as another name): to the node's
    // right, else to its left, so that the nodes at the right edge of a fitted network are named too.
    const fits = (box: LabelBox) =>
      box.left >= 0 && box.right <= screen.width && box.top >= 0 && box.bottom <= screen.height && !cellsOf(box, columns).some((cell) => cells.get(cell)?.some((other) => overlaps(box, other)));
    const box = [boxOf(candidate, 'right'), boxOf(candidate, 'left')].find(fits);
    if (!box) continue;
    const touched = cellsOf(box, columns);
    kept.push(box);
    for (const cell of touched) {
      const list = cells.get(cell);
      if (list) list.push(box);
      else cells.set(cell, [box]);
    }
  }
  return kept;
}

function boxOf(candidate: LabelCandidate, side: 'right' | 'left'): LabelBox {
  const left = side === 'right' ? candidate.x + candidate.radius + 3 : candidate.x - candidate.radius - 3 - candidate.width;
  const top = candidate.y - candidate.height / 2;
  return { id: candidate.id, left, top, right: left + candidate.width, bottom: top + candidate.height };
}

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return a.left < b.right + GAP && b.left < a.right + GAP && a.top < b.bottom + GAP && b.top < a.bottom + GAP;
}

/** The grid cells a box (with its gap) touches; off-screen parts share the border cells. */
function cellsOf(box: LabelBox, columns: number): number[] {
  const column = (x: number) => Math.max(-1, Math.min(columns - 2, Math.floor(x / CELL)));
  const rowOf = (y: number) => Math.max(-1, Math.floor(y / CELL));
  const touched: number[] = [];
  for (let row = rowOf(box.top - GAP); row <= rowOf(box.bottom + GAP); row++) {
    for (let col = column(box.left - GAP); col <= column(box.right + GAP); col++) touched.push((row + 1) * columns + col + 1);
  }
  return touched;
}
