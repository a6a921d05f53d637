import { toBlob } from '@sigma/export-image';
import type Sigma from 'sigma';
import type { CameraState } from 'sigma/types';
import { buildXml, type XmlTree } from '../../export/xml-builder.ts';
import { attachLabelLayer, createTextMeasure, LABEL_FONT_FAMILY, LABEL_FONT_SIZE, placeLabels, type LabelSource } from './label-layer.ts';
import { shapePath } from './node-shapes.ts';

/** The whole network in view, as the pictures show it. */
const WHOLE: CameraState = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };

/** The network as a PNG picture: the whole network at the screen's size, twice the pixels, with its labels. */
export async function networkPng(renderer: Sigma, labels: LabelSource): Promise<Blob> {
  return toBlob(renderer, {
    format: 'png',
    backgroundColor: '#ffffff',
    cameraState: WHOLE,
    sigmaSettings: { hideEdgesOnMove: false },
    withTempRenderer: (copy) => {
      attachLabelLayer(copy, labels);
      copy.refresh();
    },
  });
}

/**
 * The network as an SVG drawing: the whole network at the screen's size, each node as its type's
 * shape in its colour, edges as lines with arrow heads, and the labels the density rule places.
 * Written here because sigma draws with WebGL and has no SVG output; the XML goes through the
 * same builder as the GraphML and GEXF exports, which escapes every name.
 */
export function networkSvg(renderer: Sigma, labels: LabelSource): string {
  const { width, height } = renderer.getDimensions();
  const graph = renderer.getGraph();
  const at = (node: string) => {
    const data = renderer.getNodeDisplayData(node);
    if (!data) return null;
    return { ...renderer.framedGraphToViewport(data, { cameraState: WHOLE }), radius: renderer.scaleSize(data.size, WHOLE.ratio), color: data.color };
  };
  const lines: XmlTree[] = [];
  graph.forEachEdge((edge, attributes, source, target) => {
    const from = at(source);
    const to = at(target);
    if (!from || !to) return;
    // The line stops at the edge of the target's shape, where its arrow head points.
    const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
    const end = { x: to.x - ((to.x - from.x) / length) * to.radius, y: to.y - ((to.y - from.y) / length) * to.radius };
    lines.push({ '@_x1': round(from.x), '@_y1': round(from.y), '@_x2': round(end.x), '@_y2': round(end.y), '@_data-relation': String(attributes.relation ?? '') });
  });
  const shapes: XmlTree[] = [];
  graph.forEachNode((node, attributes) => {
    const place = at(node);
    if (!place) return;
    const scale = (2 * place.radius) / 100;
    shapes.push({
      '@_d': shapePath(String(attributes.entityType ?? '')),
      '@_fill': place.color,
      '@_transform': `translate(${round(place.x - place.radius)} ${round(place.y - place.radius)}) scale(${round(scale, 4)})`,
      '@_data-id': node,
    });
  });
  const texts: XmlTree[] = placeLabels(renderer, labels, createTextMeasure(), WHOLE).map((label) => ({
    '@_x': round(label.left),
    '@_y': round((label.top + label.bottom) / 2),
    '#text': label.text,
  }));
  return buildXml({
    svg: {
      '@_xmlns': 'http://www.w3.org/2000/svg',
      '@_width': width,
      '@_height': height,
      '@_viewBox': `0 0 ${width} ${height}`,
      defs: {
        marker: {
          '@_id': 'arrow', '@_viewBox': '0 0 10 10', '@_refX': 10, '@_refY': 5, '@_markerWidth': 6, '@_markerHeight': 6, '@_orient': 'auto-start-reverse',
          path: { '@_d': 'M0,0L10,5L0,10Z', '@_fill': '#a9b1ba' },
        },
      },
      rect: { '@_width': '100%', '@_height': '100%', '@_fill': '#ffffff' },
      g: [
        { '@_stroke': '#a9b1ba', '@_stroke-width': 1, '@_marker-end': 'url(#arrow)', line: lines },
        { '@_stroke': '#ffffff', '@_stroke-width': 4, path: shapes },
        {
          '@_font-family': LABEL_FONT_FAMILY, '@_font-size': LABEL_FONT_SIZE, '@_dominant-baseline': 'middle', '@_fill': '#1d1d1d',
          '@_stroke': '#ffffff', '@_stroke-width': 3, '@_paint-order': 'stroke', text: texts,
        },
      ],
    },
  });
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
