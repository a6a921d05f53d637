import type Sigma from 'sigma';
import type { CameraState } from 'sigma/types';
import { pickLabels, type LabelBox, type LabelCandidate } from './label-placement.ts';
import { ScreenPlaces, type ScreenPlace } from './screen-places.ts';

/** The size of the network's labels on screen: the same at every zoom, so a label is always readable. */
export const LABEL_FONT_SIZE = 12;
export const LABEL_FONT_FAMILY = 'system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif';
const LABEL_FONT = `${LABEL_FONT_SIZE}px ${LABEL_FONT_FAMILY}`;
/** Most labels on screen at once: past a few hundred, a screen of labels is no longer read. */
const MOST_LABELS = 300;

/** Which nodes want a label, most important first, and what each label says. */
export type LabelSource = { order(): Iterable<string>; text(id: string): string };

/** A label as placed: its node, its box on screen and its text. */
export type DrawnLabel = LabelBox & { text: string };

/**
 * Measures label text in the labels' font as the sum of its characters' widths, each character
 * measured once: a network of thousands of nodes has thousands of names, and measuring each
 * whole name in the canvas takes a good part of the frame that first shows them. Kerning makes
 * the sum at most a pixel or so wider than the drawn text, which only widens the gap kept.
 */
export function createTextMeasure(): (text: string) => number {
  const context = document.createElement('canvas').getContext('2d');
  if (context) context.font = LABEL_FONT;
  const widths = new Map<string, number>();
  const widthOf = (character: string) => {
    let width = widths.get(character);
    if (width === undefined) {
      width = context ? context.measureText(character).width : LABEL_FONT_SIZE * 0.55;
      widths.set(character, width);
    }
    return width;
  };
  return (text) => {
    let width = 0;
    for (const character of text) width += widthOf(character);
    return width;
  };
}

/**
 * The labels of the network as the renderer shows it (or would show it from `camera`), by the
 * density rule of `pickLabels`: the selected and centre nodes first, then the largest, each kept
 * only where it overlaps none kept before.
 */
export function placeLabels(renderer: Sigma, source: LabelSource, measure: (text: string) => number, camera?: CameraState): DrawnLabel[] {
  const override = camera ? { cameraState: camera } : {};
  const ratio = camera?.ratio ?? renderer.getCamera().ratio;
  return pickFrom(source, measure, renderer.getDimensions(), (id) => {
    const data = renderer.getNodeDisplayData(id);
    if (!data || data.hidden) return undefined;
    const point = renderer.framedGraphToViewport(data, override);
    return { id, x: point.x, y: point.y, radius: renderer.scaleSize(data.size, ratio) };
  });
}

function pickFrom(source: LabelSource, measure: (text: string) => number, screen: { width: number; height: number }, placeOf: (id: string) => ScreenPlace | undefined): DrawnLabel[] {
  const candidates = function* (): Generator<LabelCandidate> {
    for (const id of source.order()) {
      const place = placeOf(id);
      if (place) yield { ...place, width: measure(source.text(id)), height: LABEL_FONT_SIZE + 2 };
    }
  };
  return pickLabels(candidates(), screen, MOST_LABELS).map((box) => ({ ...box, text: source.text(box.id) }));
}

/** The labels of a renderer's last frame: `draw()` places and paints them, `drawn()` tells what it painted last. */
export type LabelLayer = { draw(): void; drawn(): DrawnLabel[] };

/**
 * The network's labels on the renderer's label canvas (see `placeLabels`), from the nodes' places
 * on screen in the last frame: `draw()` is called once that frame is drawn and its places known.
 * Sigma's own labels are off: its grid keeps one label per screen cell, which lets neighbouring
 * labels overlap and leaves a crowded network's smaller nodes unnamed at every zoom.
 */
export function createLabelLayer(renderer: Sigma, source: LabelSource, places: ScreenPlaces, measure = createTextMeasure()): LabelLayer {
  let drawn: DrawnLabel[] = [];
  return {
    drawn: () => drawn,
    draw() {
      const context = renderer.getCanvases().labels?.getContext('2d');
      if (!context) return;
      drawn = pickFrom(source, measure, renderer.getDimensions(), (id) => places.get(id));
      context.font = LABEL_FONT;
      context.textBaseline = 'middle';
      context.lineJoin = 'round';
      context.lineWidth = 3;
      context.strokeStyle = 'rgba(255, 255, 255, 0.92)';
      context.fillStyle = '#1d1d1d';
      for (const label of drawn) {
        const middle = (label.top + label.bottom) / 2;
        context.strokeText(label.text, label.left, middle);
        context.fillText(label.text, label.left, middle);
      }
    },
  };
}

/** Draws the labels after each frame of a renderer that keeps no places of its own (the picture's copy of the network). */
export function attachLabelLayer(renderer: Sigma, source: LabelSource): LabelLayer {
  const places = new ScreenPlaces(renderer);
  const layer = createLabelLayer(renderer, source, places);
  renderer.on('afterRender', () => {
    places.update();
    layer.draw();
  });
  return layer;
}
