import type { Core } from 'cytoscape';
import { setClass } from './sync-drawing.ts';
import { labelZoom } from './view-style.ts';

/**
 * Names (class `named`) the nodes of a large network only when zoomed in far enough to read
 * them, and then only the `most` largest of those in view: measuring thousands of labels would
 * freeze the page, and at the zoom that shows them all none could be read.
 */
export function nameNodesInView(cy: Core, most: number): void {
  const named = new Set<string>();
  if (cy.zoom() >= labelZoom) {
    const view = cy.extent();
    const inView = cy.nodes().filter((node) => {
      const { x, y } = node.position();
      return !node.hasClass('hidden') && x >= view.x1 && x <= view.x2 && y >= view.y1 && y <= view.y2;
    });
    const largest = inView.toArray().sort((a, b) => Number(b.data('size')) - Number(a.data('size'))).slice(0, most);
    for (const node of largest) named.add(node.id());
  }
  cy.batch(() => cy.nodes().forEach((node) => {
    setClass(node, 'named', named.has(node.id()));
  }));
}
