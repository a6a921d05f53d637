import type { Page } from 'playwright-core';
import type { Subgraph } from '../../../src/graph/subgraph.ts';
import type { DrawnLabel } from '../../../src/web/network/label-layer.ts';
import type { LayoutReport } from '../../../src/web/network/network-view.ts';

/** The network page's read-only automation hooks (see `src/web/main.ts`). */
export type PageHooks = {
  hoptac: {
    lastLayout(): LayoutReport | null;
    view: { shownSubgraph(): Subgraph; renderer: { getCamera(): { ratio: number } }; currentLayout(): string };
    locate(id: string): { x: number; y: number } | null;
    drawnPositions(): { id: string; x: number; y: number }[];
    drawnLabels(): DrawnLabel[];
    show(subgraph: Subgraph): Promise<LayoutReport>;
  };
};

/** The network as the page shows it now. */
export function shownSubgraph(page: Page): Promise<Subgraph> {
  return page.evaluate(() => (window as unknown as PageHooks).hoptac.view.shownSubgraph());
}

/** The last layout the page finished, or null before the first. */
export function lastLayout(page: Page): Promise<LayoutReport | null> {
  return page.evaluate(() => (window as unknown as PageHooks).hoptac.lastLayout());
}

/** Waits until the page has finished a layout other than `before` (by reference of its timing). */
export async function waitForLayout(page: Page, before: LayoutReport | null = null): Promise<LayoutReport> {
  await page.waitForFunction(
    (previous) => {
      const layout = (window as unknown as PageHooks).hoptac.lastLayout();
      return layout !== null && JSON.stringify(layout) !== previous;
    },
    JSON.stringify(before),
    { timeout: 60_000 },
  );
  return (await lastLayout(page))!;
}

/** The labels the last frame drew. */
export function drawnLabels(page: Page): Promise<DrawnLabel[]> {
  return page.evaluate(() => (window as unknown as PageHooks).hoptac.drawnLabels());
}

/** Where an element of the network is on the page. */
export function locate(page: Page, id: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((wanted) => (window as unknown as PageHooks).hoptac.locate(wanted), id);
}
