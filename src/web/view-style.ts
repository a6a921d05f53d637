import type { StylesheetJson } from 'cytoscape';

/** Shapes tell types apart even in print or for colour-blind readers; colours come from the palette. */
const typeShapes: Record<string, string> = {
  Meeting: 'round-rectangle',
  Award: 'star',
  Province: 'hexagon',
  Alliance: 'diamond',
  Agency: 'round-triangle',
  Cooperative: 'round-pentagon',
  Official: 'ellipse',
};

const labelFontSize = 10;
const minZoomedFontSize = 7;
/** Below this zoom labels are too small to be drawn at all (`min-zoomed-font-size`). */
export const labelZoom = minZoomedFontSize / labelFontSize;

/**
 * The cytoscape stylesheet of the network page: colour and size come from element data. Only
 * nodes with the class `named` (and a selected node) carry their name, so a large network can
 * leave out the labels nobody could read, whose measuring would cost most of its drawing time.
 */
export function createStylesheet(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        width: 'data(size)',
        height: 'data(size)',
        'font-size': labelFontSize,
        'min-zoomed-font-size': minZoomedFontSize,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '160px',
        color: '#1d1d1d',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    { selector: 'node.named, node:selected', style: { label: 'data(name)' } },
    ...Object.entries(typeShapes).map(([type, shape]) => ({
      selector: `node[type = "${type}"]`,
      style: { shape: shape as 'ellipse' },
    })),
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'line-color': '#a9b1ba',
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': '#a9b1ba',
        'arrow-scale': 0.8,
      },
    },
    { selector: 'edge.dense', style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none', width: 1 } },
    { selector: 'edge:selected', style: { 'line-color': '#e6550d', 'target-arrow-color': '#e6550d', width: 4, label: 'data(type)', 'font-size': 9, 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 1 } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#e6550d' } },
    { selector: 'node.centre', style: { 'border-width': 3, 'border-color': '#222222' } },
    { selector: '.hidden', style: { display: 'none' } },
  ];
}
