import type { CollectionReturnValue, Core } from 'cytoscape';

/** Work per slice the pacer aims at: as long as drawing a frame takes, within these bounds. */
const leastSliceMs = 50;
const mostSliceMs = 150;
const firstSlice = 100;
const smallestSlice = 50;
const largestSlice = 2000;

/** Resolves once the browser has drawn the next frame and left that frame's task, so the next work starts a task of its own. */
export function waitForDraw(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Paces changes to a large drawing: each slice goes in one cytoscape batch and is styled and
 * measured in its own task, then the browser draws it (and answers input) before the next, so
 * no single task holds the main thread for long. Slices grow or shrink to take about as long as
 * drawing a frame on this machine (within bounds): smaller slices would only add frames, each of
 * which draws everything so far. Stops before the next slice once `isCurrent` says a newer
 * change has taken over.
 */
export class SlicePacer {
  private applied = 0;
  private expected = 0;
  private drawn = true;
  private size = firstSlice;
  private drawMs = 0;

  constructor(private readonly cy: Core, private readonly options: { sliced: boolean; isCurrent: () => boolean; onDrawn?: () => void }) {}

  /**
   * Applies `apply` to `items` (an array or a cytoscape collection): when sliced, a slice at a
   * time, drawing first whenever something is waiting to be drawn; unsliced, all in the current
   * task. `apply` returns the elements it added or changed, if any. Returns false when a newer
   * change took over.
   */
  async apply<Slice extends { length: number }>(
    items: { length: number; slice(start: number, end?: number): Slice },
    apply: (slice: Slice) => CollectionReturnValue | undefined,
  ): Promise<boolean> {
    const sliced = this.options.sliced;
    for (let start = 0; start < items.length; ) {
      if (sliced && !this.drawn) await this.draw();
      if (!this.options.isCurrent()) return false;
      const slice = items.slice(start, sliced ? start + this.size : items.length);
      start += slice.length;
      this.applied += slice.length;
      const began = performance.now();
      const result: { changed?: CollectionReturnValue | undefined } = {};
      this.cy.batch(() => {
        result.changed = apply(slice);
      });
      if (sliced) {
        // Asking for the bounds styles the elements and places their edge ends in this task, not in the frame.
        result.changed?.boundingBox();
        // From the time per item of this slice, at most doubling: a short last slice says little.
        const perItem = Math.max(1, performance.now() - began) / slice.length;
        const budget = Math.min(mostSliceMs, Math.max(leastSliceMs, this.drawMs));
        this.size = Math.round(Math.min(largestSlice, 2 * this.size, Math.max(smallestSlice, budget / perItem)));
      }
      this.drawn = false;
    }
    return this.options.isCurrent();
  }

  /** Announces how many items the coming `apply` calls will take, for `progress()`. */
  expect(items: number): void {
    this.expected += items;
  }

  /** The share (0…1) of the announced items applied so far. */
  progress(): number {
    return this.expected > 0 ? Math.min(1, this.applied / this.expected) : 1;
  }

  /** Lets the browser draw what was applied so far. */
  async draw(): Promise<void> {
    const began = performance.now();
    await waitForDraw();
    this.drawMs = performance.now() - began;
    this.drawn = true;
    this.options.onDrawn?.();
  }
}
