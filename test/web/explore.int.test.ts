import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/graph/database.ts';
import type { Subgraph } from '../../src/graph/subgraph.ts';
import { buildWeb } from '../../src/web/build-web.ts';
import type { LayoutReport } from '../../src/web/network/network-view.ts';
import { openTestDatabase } from '../support/database.ts';
import { readGraphml } from '../export/read-back.ts';
import { openChromium } from './support/chromium.ts';
import { cutConnected, generateGraph } from './support/generated-subgraph.ts';
import { loadSeedReports, startAnalystServer } from './support/seeds-server.ts';

const outputDir = fileURLToPath(new URL('../../test-output/', import.meta.url));

/** The page's read-only automation hooks (see `src/web/main.ts`). */
type PageHooks = {
  hoptac: {
    lastLayout(): LayoutReport | null;
    view: { shownSubgraph(): Subgraph };
    locate(id: string): { x: number; y: number } | null;
    drawnPositions(): { id: string; x: number; y: number }[];
    show(subgraph: Subgraph): Promise<LayoutReport>;
  };
};

/** What the large-network test leaves in the page: the subgraph to show and the status seen at each click. */
type LargeNetworkProbe = PageHooks & { largeSubgraph: Subgraph; statusAtClicks: string[] };

describe('network page on the seeds graph, in headless Chromium', () => {
  let database: Database;
  let server: Awaited<ReturnType<typeof startAnalystServer>>;
  let browser: Awaited<ReturnType<typeof openChromium>>;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    const [loaded] = await Promise.all([loadSeedReports(database), buildWeb()]);
    expect(loaded.failed).toEqual([]);
    server = await startAnalystServer(database);
    browser = await openChromium();
    page = await browser.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await mkdir(outputDir, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  /** Runs `work` on a new network page, ready for its hooks, with the page's uncaught errors collected; closes the page after. */
  async function onFreshPage(work: (page: Page, errors: string[]) => Promise<void>): Promise<void> {
    const fresh = await browser.context.newPage();
    const errors: string[] = [];
    fresh.on('pageerror', (error) => errors.push(error.message));
    try {
      await fresh.goto(`${server.origin}/explore/`);
      await fresh.waitForFunction(() => 'hoptac' in window);
      await work(fresh, errors);
    } finally {
      await fresh.close();
    }
  }

  it('finds Hòa Bình, shows the 2024-01-04 meeting with its three officials, and reads an edge’s evidence', async () => {
    await page.goto(`${server.origin}/explore/`);
    await page.getByLabel('Find an entity').fill('Hòa Bình');
    await page.getByLabel('Find an entity').press('Enter');
    const alliance = page.locator('#search-results button', { hasText: 'Liên minh Hợp tác xã tỉnh Hòa Bình' });
    await alliance.first().click();
    await page.waitForFunction(() => (window as unknown as PageHooks).hoptac.lastLayout() !== null);

    const shown = await page.evaluate(() => (window as unknown as PageHooks).hoptac.view.shownSubgraph());
    const meeting = shown.nodes.find((node) => node.type === 'Meeting' && node.date === '2024-01-04');
    expect(meeting).toMatchObject({ province: 'Hòa Bình', date: '2024-01-04' });
    const attendance = shown.edges.filter((edge) => edge.type === 'ATTENDED' && edge.target === meeting!.id);
    const officials = shown.nodes.filter((node) => node.type === 'Official' && attendance.some((edge) => edge.source === node.id));
    expect(officials.map((official) => official.name).sort()).toEqual(['Lê Tuấn An', 'Trần An Định', 'Đinh Công Sứ'].sort());

    const directed = attendance.find((edge) => edge.source === officials.find((o) => o.name === 'Đinh Công Sứ')!.id)!;
    const where = await page.evaluate((id) => (window as unknown as PageHooks).hoptac.locate(id), directed.id);
    expect(where).not.toBeNull();
    await page.mouse.click(where!.x, where!.y);

    const details = page.locator('#details');
    await expect.poll(() => details.locator('h2').first().textContent()).toBe('ATTENDED');
    const sentence = await details.locator('blockquote.evidence').first().textContent();
    expect(sentence).toBe(directed.evidence[0]!.text);
    expect(sentence).toContain('Đinh Công Sứ');
    await page.screenshot({ path: `${outputDir}explore-hoa-binh.png` });

    await details.getByRole('button', { name: 'Open the report' }).first().click();
    await expect.poll(() => details.locator('.report-text mark').textContent()).toBe(sentence);
    expect(consoleErrors).toEqual([]);
  });

  it('downloads what is shown as GraphML holding exactly the shown nodes and edges', async () => {
    const shown = await page.evaluate(() => (window as unknown as PageHooks).hoptac.view.shownSubgraph());
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'GraphML' }).click()]);
    const file = await download.path();
    const read = readGraphml(await readFile(file, 'utf8'));
    expect(read.nodes.map((node) => node.id).sort()).toEqual(shown.nodes.map((node) => node.id).sort());
    expect(read.edges.map((edge) => [edge.id, edge.source, edge.target, edge.values.relation]).sort()).toEqual(
      shown.edges.map((edge) => [edge.id, edge.source, edge.target, edge.type]).sort(),
    );
  });

  it('downloads the picture as PNG and SVG', async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).click()]);
    expect(png.suggestedFilename()).toBe('hoptac-alliance-hoa-binh-depth2.png');
    expect((await readFile(await png.path())).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
    const drawing = await readFile(await svg.path(), 'utf8');
    expect(drawing).toMatch(/<svg[\s>]/);
    expect(drawing).toContain('Đinh Công Sứ');
  });

  it('expands a node on double-click and hides a type with its filter', async () => {
    const before = await page.evaluate(() => (window as unknown as PageHooks).hoptac.view.shownSubgraph());
    const official = before.nodes.find((node) => node.name === 'Lê Tuấn An')!;
    const where = await page.evaluate((id) => (window as unknown as PageHooks).hoptac.locate(id), official.id);
    await page.mouse.dblclick(where!.x, where!.y);
    await expect.poll(async () => {
      const after = await page.evaluate(() => (window as unknown as PageHooks).hoptac.view.shownSubgraph());
      return after.nodes.some((node) => node.name === 'Viện Khoa học công nghệ và môi trường');
    }, { timeout: 15_000 }).toBe(true);

    await page.locator('#type-filter input[value="Official"]').uncheck();
    await expect.poll(async () => {
      const filtered = await page.evaluate(() => (window as unknown as PageHooks).hoptac.view.shownSubgraph());
      return filtered.nodes.filter((node) => node.type === 'Official').length;
    }, { timeout: 15_000 }).toBe(0);
    await page.screenshot({ path: `${outputDir}explore-expanded-no-officials.png` });
  });

  it('lays out a 2,000-node generated network off the main thread, drawing it in slices and answering clicks all along', async () => {
    const subgraph = cutConnected(generateGraph(700, 1), 2000);
    expect(subgraph.nodes).toHaveLength(2000);
    await onFreshPage(async (large, errors) => {
      await large.evaluate((data) => {
        (window as unknown as LargeNetworkProbe).largeSubgraph = data;
      }, subgraph);
      await large.evaluate(() => {
        const probe = window as unknown as LargeNetworkProbe;
        const status = document.getElementById('status');
        probe.statusAtClicks = [];
        document.addEventListener('click', () => probe.statusAtClicks.push(status?.textContent ?? ''), true);
        void probe.hoptac.show(probe.largeSubgraph);
      });
      // A click is answered only between the page's tasks. One answered while the status says
      // the layout runs, and one answered part-way through drawing (after some slices were drawn,
      // before the last), show that neither phase holds the main thread until it is done.
      const heading = large.locator('h1');
      while (await large.evaluate(() => (window as unknown as LargeNetworkProbe).hoptac.lastLayout() === null)) await heading.click();
      const statusAtClicks = await large.evaluate(() => (window as unknown as LargeNetworkProbe).statusAtClicks);
      expect(statusAtClicks.some((text) => text.startsWith('Laying out 2000 nodes'))).toBe(true);
      const drawnShares = statusAtClicks.map((text) => /^Drawing 2000 nodes… (\d+) %$/.exec(text)?.[1]).filter((share) => share !== undefined).map(Number);
      expect(drawnShares.some((share) => share > 0 && share < 100)).toBe(true);

      const layout = await large.evaluate(() => (window as unknown as LargeNetworkProbe).hoptac.lastLayout());
      expect(layout).toMatchObject({ algorithm: 'forceatlas2', nodes: 2000, edges: subgraph.edges.length });
      expect(await large.locator('#status').textContent()).toMatch(new RegExp(`^2000 nodes, ${subgraph.edges.length} edges · forceatlas2 layout \\d+ ms$`));
      const positions = await large.evaluate(() => (window as unknown as LargeNetworkProbe).hoptac.drawnPositions());
      expect(positions.map((position) => position.id).sort()).toEqual(subgraph.nodes.map((node) => node.id).sort());
      expect(positions.every((position) => Number.isFinite(position.x) && Number.isFinite(position.y))).toBe(true);
      const places = new Set(positions.map((position) => `${Math.round(position.x)},${Math.round(position.y)}`));
      expect(places.size).toBeGreaterThan(1900);
      await large.screenshot({ path: `${outputDir}explore-2000-nodes.png` });
      expect(errors).toEqual([]);
    });
  });

  it('draws a new sizing chosen during a large layout only after the layout, never the network at its seed positions meanwhile', async () => {
    const subgraph = cutConnected(generateGraph(700, 2), 2000);
    await onFreshPage(async (large, errors) => {
      // In one page task after another: start the layout, change the sizing while it runs, then
      // count the drawn nodes every 20 ms for as long as the status says the layout runs.
      const drawnDuringLayout = await large.evaluate(async (data) => {
        const hooks = (window as unknown as PageHooks).hoptac;
        const status = document.getElementById('status')!;
        const sizeBy = document.getElementById('size-by') as HTMLSelectElement;
        const pause = (ms: number) => new Promise((resume) => setTimeout(resume, ms));
        void hooks.show(data);
        while (!status.textContent?.startsWith('Laying out')) await pause(5);
        sizeBy.value = 'pagerank';
        sizeBy.dispatchEvent(new Event('change'));
        const counts: number[] = [];
        while (status.textContent?.startsWith('Laying out')) {
          counts.push(hooks.drawnPositions().length);
          await pause(20);
        }
        return counts;
      }, subgraph);
      expect(drawnDuringLayout.length).toBeGreaterThan(2);
      expect(new Set(drawnDuringLayout)).toEqual(new Set([0]));

      await large.waitForFunction(() => (window as unknown as PageHooks).hoptac.lastLayout() !== null);
      // The node widths once a repaint under way (a slice per frame) has finished: the same over ten frames.
      const widths = () =>
        large.evaluate(async () => {
          const view = (window as unknown as PageHooks).hoptac.view as unknown as { cy: { nodes(): { width(): number }[] } };
          const frames = async (count: number) => {
            for (let frame = 0; frame < count; frame++) await new Promise((resume) => requestAnimationFrame(resume));
          };
          let before = '';
          for (;;) {
            await frames(10);
            const now = view.cy.nodes().map((node) => node.width());
            if (JSON.stringify(now) === before) return now;
            before = JSON.stringify(now);
          }
        });
      const afterLayout = await widths();
      expect(afterLayout).toHaveLength(2000);
      // Sizing by PageRank again changes nothing: the sizing chosen during the layout is the one drawn.
      await large.selectOption('#size-by', 'degree');
      const byDegree = await widths();
      await large.selectOption('#size-by', 'pagerank');
      expect(await widths()).toEqual(afterLayout);
      expect(byDegree).not.toEqual(afterLayout);
      expect(errors).toEqual([]);
    });
  });
});
