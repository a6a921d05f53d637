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

/** Measures label text in the labels' font, remembering each text's width. */
export function createTextMeasure(): (text: string) => number {
  const context = document.createElement('canvas').getContext('2d');
  if (context) context.font = LABEL_FONT;
  const widths = new Map<string, number>();
  return (text) => {
    let width = widths.get(text);
    if (width === undefined) {
      width = context ? context.measureText(text).width : text.length * LABEL_FONT_SIZE * 0.55;
      widths.set(text, width);
    }
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

/**
 * Draws the network's labels on the renderer's label canvas after each frame (see `placeLabels`),
 * from the nodes' places on screen (given, or worked out here after each frame). Sigma's own
 * labels are off: its grid keeps one label per screen cell, which lets neighbouring labels
 * overlap and leaves a crowded network's smaller nodes unnamed at every zoom. Returns what was
 * drawn last.
 */
export function attachLabelLayer(renderer: Sigma, source: LabelSource, places?: ScreenPlaces, measure = createTextMeasure()): { drawn(): DrawnLabel[] } {
  let drawn: DrawnLabel[] = [];
  const own = places ?? new ScreenPlaces(renderer);
  renderer.on('afterRender', () => {
    if (!places) own.update();
    const context = renderer.getCanvases().labels?.getContext('2d');
    if (!context) return;
    drawn = pickFrom(source, measure, renderer.getDimensions(), (id) => own.get(id));
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
  });
  return { drawn: () => drawn };
}
