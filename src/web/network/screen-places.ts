import type Sigma from 'sigma';

/** Where a drawn node is on screen (viewport pixels) and its radius there. */
export type ScreenPlace = { id: string; x: number; y: number; radius: number };

/**
 * Where the last frame put every drawn node on screen, worked out once per frame on the CPU: the
 * labels are placed from it, and the mouse finds nodes and edges in it (see `pickOnCpu`).
 * Call `update()` after each render, before anything reads it.
 */
export class ScreenPlaces {
  private places: ScreenPlace[] = [];
  private readonly byId = new Map<string, ScreenPlace>();

  constructor(private readonly renderer: Sigma) {}

  /** Recomputes the places from what the renderer drew. */
  update(): void {
    this.places = [];
    this.byId.clear();
    const renderer = this.renderer;
    renderer.getGraph().forEachNode((id) => {
      const data = renderer.getNodeDisplayData(id);
      if (!data || data.hidden) return;
      const point = renderer.framedGraphToViewport(data);
      const place = { id, x: point.x, y: point.y, radius: renderer.scaleSize(data.size) };
      this.places.push(place);
      this.byId.set(id, place);
    });
  }

  /** Every drawn node's place, in drawing order (the last drawn is on top). */
  all(): readonly ScreenPlace[] {
    return this.places;
  }

  /** One node's place; undefined when it is not drawn. */
  get(id: string): ScreenPlace | undefined {
    return this.byId.get(id);
  }
}
