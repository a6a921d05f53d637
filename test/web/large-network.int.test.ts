import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Subgraph } from '../../src/graph/subgraph.ts';
import { buildWebIfStale } from '../../src/web/build-web.ts';
import { ELLIPSIS } from '../../src/web/network/label-text.ts';
import { openChromium } from './support/chromium.ts';
import { cutConnected, generateGraph } from './support/generated-subgraph.ts';
import { drawnLabels, type PageHooks } from './support/page-hooks.ts';
import { serveBuiltPages } from './support/static-pages.ts';

const outputDir = fileURLToPath(new URL('../../test-output/', import.meta.url));

/** What the large-network tests leave in the page: the network to show and the status line at each click. */
type Probe = PageHooks & { largeNetwork: Subgraph; statusAtClicks: string[] };

/**
 * A 2,000-node network cut from a generated corpus (no database), shown on the page in headless
 * Chromium: laid out in a worker while the page answers clicks, every node placed, labels drawn
 * at the zoom that shows the whole network by the density rule, communities coloured by a palette
 * that fits their number. Speed itself is measured by `bench/large-network.ts`, not here.
 */
describe('a large network on the page', () => {
  let pages: Awaited<ReturnType<typeof serveBuiltPages>>;
  let browser: Awaited<ReturnType<typeof openChromium>>;
  const network = cutConnected(generateGraph(700, 1), 2000);

  beforeAll(async () => {
    await buildWebIfStale();
    pages = await serveBuiltPages();
    browser = await openChromium({ width: 1400, height: 900 }, { locale: 'en-GB' });
    await mkdir(outputDir, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
  });

  async function onPage(work: (page: Page) => Promise<void>): Promise<void> {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`${pages.origin}/explore/?lang=en&view=network`);
      await page.waitForFunction(() => 'hoptac' in window);
      await page.evaluate((data) => {
        (window as unknown as Probe).largeNetwork = data;
      }, network);
      await work(page);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }

  it('lays out 2,000 nodes off the main thread, answering clicks meanwhile, and names the largest at the whole-network zoom without overlaps', async () => {
    expect(network.nodes).toHaveLength(2000);
    await onPage(async (page) => {
      await page.evaluate(() => {
        const probe = window as unknown as Probe;
        const status = document.getElementById('status');
        probe.statusAtClicks = [];
        document.addEventListener('click', () => probe.statusAtClicks.push(status?.textContent ?? ''), true);
        void probe.hoptac.show(probe.largeNetwork);
      });
      // A click is answered only between the page's tasks: one answered while the status says the
      // layout runs shows that the layout does not hold the main thread.
      const heading = page.locator('h1 small');
      while (await page.evaluate(() => (window as unknown as Probe).hoptac.lastLayout() === null)) await heading.click();
      const statusAtClicks = await page.evaluate(() => (window as unknown as Probe).statusAtClicks);
      expect(statusAtClicks.some((text) => /^Laying out 2000 nodes… \d+ %$/.test(text))).toBe(true);

      const layout = await page.evaluate(() => (window as unknown as Probe).hoptac.lastLayout());
      expect(layout).toMatchObject({ algorithm: 'forceatlas2', nodes: 2000, edges: network.edges.length });
      expect(await page.locator('#status').textContent()).toMatch(new RegExp(`^2000 nodes, ${network.edges.length} edges · forces \\(ForceAtlas2\\) · \\d+ ms$`));
      const positions = await page.evaluate(() => (window as unknown as Probe).hoptac.drawnPositions());
      expect(positions.map((position) => position.id).sort()).toEqual(network.nodes.map((node) => node.id).sort());
      expect(positions.every((position) => Number.isFinite(position.x) && Number.isFinite(position.y))).toBe(true);
      expect(new Set(positions.map((position) => `${position.x.toFixed(3)},${position.y.toFixed(3)}`)).size).toBeGreaterThan(1990);

      // Labels at the zoom that shows all 2,000 nodes: many, none overlapping, the best connected first.
      await expect.poll(async () => (await drawnLabels(page)).length).toBeGreaterThan(20);
      const labels = await drawnLabels(page);
      for (const [i, a] of labels.entries()) {
        for (const b of labels.slice(i + 1)) expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom, `${a.text} / ${b.text}`).toBe(false);
      }
      const degree = new Map<string, number>();
      for (const edge of network.edges) for (const end of [edge.source, edge.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
      const hubs = [...degree.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id]) => id);
      expect(labels.map((label) => label.id)).toEqual(expect.arrayContaining(hubs.slice(0, 1)));
      // A shortened label keeps the end of its name.
      const names = new Map(network.nodes.map((node) => [node.id, node.name]));
      const shortened = labels.filter((label) => label.text.includes(ELLIPSIS));
      for (const label of shortened) expect(names.get(label.id)!.endsWith(label.text.split(`${ELLIPSIS} `).at(-1)!), label.text).toBe(true);
      await page.screenshot({ path: `${outputDir}explore-2000-nodes.png` });

      // Zoomed in, other (smaller) nodes get their labels.
      await page.locator('#zoom-in').click();
      await page.locator('#zoom-in').click();
      await expect.poll(async () => (await drawnLabels(page)).some((label) => !labels.some((before) => before.id === label.id))).toBe(true);
    });
  });

  it('hands the laid-out network to the renderer once: one pass over its nodes and edges, not one per slice of edges or per picture loaded', async () => {
    expect(network.edges.length).toBeGreaterThan(4000);
    await onPage(async (page) => {
      const passes = await page.evaluate(async () => {
        type Renderer = { on(event: 'afterProcess', listener: () => void): void; getGraph(): { order: number } };
        const probe = window as unknown as Probe & { hoptac: { view: { renderer: Renderer } } };
        const renderer = probe.hoptac.view.renderer;
        // Passes over a network, with its size: the empty graph the page starts with may be
        // processed again meanwhile, when the shapes' textures are ready.
        const passes: number[] = [];
        renderer.on('afterProcess', () => {
          const order = renderer.getGraph().order;
          if (order > 0) passes.push(order);
        });
        await probe.hoptac.show(probe.largeNetwork);
        // Long enough for pictures the drawing asked for to load and be made into textures.
        await new Promise((resume) => setTimeout(resume, 1500));
        for (let frame = 0; frame < 10; frame++) await new Promise((resume) => requestAnimationFrame(resume));
        return passes;
      });
      expect(passes).toEqual([2000]);
      await expect.poll(async () => (await drawnLabels(page)).length).toBeGreaterThan(20);
    });
  });

  it('colours many communities with a palette that fits: the largest coloured, the others grey, as the legend says', async () => {
    await onPage(async (page) => {
      await page.evaluate(() => (window as unknown as Probe).hoptac.show((window as unknown as Probe).largeNetwork));
      await page.locator('#colour-by').selectOption('community');
      const legend = page.locator('#community-legend li');
      await legend.first().waitFor();
      const communities = Number(/^(\d+) communities/.exec((await legend.first().textContent()) ?? '')?.[1]);
      expect(communities).toBeGreaterThan(16);
      expect(await legend.last().textContent()).toMatch(/smaller communities, [\d,]+ nodes \(grey\)$/);
      const colours = await page.evaluate(() => {
        const renderer = (window as unknown as { hoptac: { view: { renderer: { getGraph(): { mapNodes<T>(fn: (id: string, attributes: { color: string }) => T): T[] } } } } }).hoptac.view.renderer;
        return [...new Set(renderer.getGraph().mapNodes((_id, attributes) => attributes.color))];
      });
      expect(colours.length).toBe(17);
      expect(colours).toContain('#c4c4c4');
    });
  });

  it('draws a sizing chosen during a layout once the layout is done, never the network at its starting places', async () => {
    await onPage(async (page) => {
      const drawnDuringLayout = await page.evaluate(async () => {
        const probe = window as unknown as Probe;
        const status = document.getElementById('status')!;
        const sizeBy = document.getElementById('size-by') as HTMLSelectElement;
        const pause = (ms: number) => new Promise((resume) => setTimeout(resume, ms));
        void probe.hoptac.show(probe.largeNetwork);
        while (!status.textContent?.startsWith('Laying out')) await pause(5);
        sizeBy.value = 'pagerank';
        sizeBy.dispatchEvent(new Event('change'));
        const counts: number[] = [];
        while (status.textContent?.startsWith('Laying out')) {
          counts.push(probe.hoptac.drawnPositions().length);
          await pause(20);
        }
        return counts;
      });
      expect(drawnDuringLayout.length).toBeGreaterThan(2);
      expect(new Set(drawnDuringLayout)).toEqual(new Set([0]));
      await page.waitForFunction(() => (window as unknown as Probe).hoptac.lastLayout() !== null);
      const sizes = () =>
        page.evaluate(async () => {
          await new Promise((resume) => requestAnimationFrame(resume));
          const renderer = (window as unknown as { hoptac: { view: { renderer: { getGraph(): { mapNodes<T>(fn: (id: string, attributes: { size: number }) => T): T[] } } } } }).hoptac.view.renderer;
          return renderer.getGraph().mapNodes((_id, attributes) => attributes.size);
        });
      await expect.poll(async () => (await sizes()).length).toBe(2000);
      const afterLayout = await sizes();
      await page.locator('#size-by').selectOption('degree');
      await expect.poll(sizes).not.toEqual(afterLayout);
      await page.locator('#size-by').selectOption('pagerank');
      await expect.poll(sizes).toEqual(afterLayout);
    });
  });
});
