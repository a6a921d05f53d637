import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/graph/database.ts';
import { buildWebIfStale } from '../../src/web/build-web.ts';
import { openTestDatabase } from '../support/database.ts';
import { ingestReports } from '../../src/graph/ingest.ts';
import { readGraphml } from '../export/read-back.ts';
import { openChromium } from './support/chromium.ts';
import { LABEL_FONT_FAMILY, LABEL_FONT_SIZE, type DrawnLabel } from '../../src/web/network/label-layer.ts';
import { drawnLabels, lastLayout, locate, shownSubgraph, waitForLayout, type PageHooks } from './support/page-hooks.ts';
import { loadSeedReports, startAnalystServer } from './support/seeds-server.ts';

const outputDir = fileURLToPath(new URL('../../test-output/', import.meta.url));

/**
 * The network page on the seeds graph (read by the real extractor and loaded by the real loader),
 * driven in Debian's headless Chromium as an analyst would: the overview, search as you type,
 * the node panel, the edge panel and downloads, the path, timeline and statistics views, the
 * legend, zoom and layout controls, the date range, both languages, and the GraphQL IDE offline.
 * What the page shows is compared with what the API answers, not with numbers written here, so
 * the tests hold whatever the extractor reads from the seeds.
 */
describe('network page on the seeds graph, in headless Chromium', () => {
  let database: Database;
  let server: Awaited<ReturnType<typeof startAnalystServer>>;
  let browser: Awaited<ReturnType<typeof openChromium>>;

  beforeAll(async () => {
    database = await openTestDatabase();
    const [loaded] = await Promise.all([loadSeedReports(database), buildWebIfStale()]);
    expect(loaded.failed).toEqual([]);
    server = await startAnalystServer(database);
    browser = await openChromium({ width: 1400, height: 900 }, { locale: 'en-GB' });
    await mkdir(outputDir, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  /** Asks the API, as a client would, for the truth the page is compared with. */
  async function ask<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(server.graphql, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data: T; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  /** Runs `work` on a fresh page at `path` (English unless the path says otherwise), failing on any uncaught page error. */
  async function onPage(path: string, work: (page: Page) => Promise<void>): Promise<void> {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`${server.origin}${path}`);
      await page.waitForFunction(() => 'hoptac' in window);
      await work(page);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }

  it('1. opens on what the graph holds, its most connected actors with their provinces and its latest meetings; a click opens one', async () => {
    const truth = await ask<{
      overview: { counts: { type: string; count: number }[]; firstEventDate: string; mostConnected: { degree: number; entity: { id: string; name: string; type: string; province?: { name: string } | null } }[] };
      meetings: { nodes: { id: string; name: string }[] };
    }>(`{
      overview { counts { type count } firstEventDate mostConnected(first: 12) { degree entity { id name type ... on Alliance { province { name } } ... on Agency { province { name } } ... on Official { province { name } } } } }
      meetings(orderBy: DATE_DESC, first: 10) { nodes { id name } }
    }`);
    await onPage('/explore/?lang=en', async (page) => {
      const overview = page.locator('#view-overview');
      await overview.locator('#most-connected button').first().waitFor();
      expect(await page.locator('#tab-overview').getAttribute('aria-selected')).toBe('true');
      for (const type of ['Alliance', 'Agency', 'Official', 'Meeting', 'Award']) {
        const count = truth.overview.counts.find((entry) => entry.type === type)!.count;
        expect(await overview.locator(`.count-card[data-type="${type}"] strong`).textContent(), type).toBe(String(count));
      }
      expect(await overview.locator('.count-card.reports strong').textContent()).toBe(String(truth.overview.counts.find((entry) => entry.type === 'Report')!.count));
      const [year, month, day] = truth.overview.firstEventDate.split('-').map(Number);
      expect(await overview.locator('.spans').textContent()).toContain(`${day} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month! - 1]} ${year}`);
      // The most connected actors in the API's order, each with its province.
      const actors = overview.locator('#most-connected button');
      expect(await actors.evaluateAll((buttons) => buttons.map((button) => (button as HTMLElement).dataset.id))).toEqual(truth.overview.mostConnected.map((entry) => entry.entity.id));
      const hoaBinh = actors.filter({ hasText: 'Liên minh Hợp tác xã tỉnh Hòa Bình' });
      expect(await hoaBinh.locator('.hit-where').textContent()).toContain('Hòa Bình');
      expect(await overview.locator('#latest-meetings button').evaluateAll((buttons) => buttons.map((button) => (button as HTMLElement).dataset.id))).toEqual(truth.meetings.nodes.map((node) => node.id));

      await page.screenshot({ path: `${outputDir}explore-overview.png` });
      await hoaBinh.click();
      await waitForLayout(page);
      expect(await page.locator('#tab-network').getAttribute('aria-selected')).toBe('true');
      expect(await page.locator('#view-overview').isHidden()).toBe(true);
      const shown = await shownSubgraph(page);
      const meeting = shown.nodes.find((node) => node.type === 'Meeting' && node.date === '2024-01-04');
      expect(meeting).toMatchObject({ province: 'Hòa Bình' });
      const attendance = shown.edges.filter((edge) => edge.type === 'ATTENDED' && edge.target === meeting!.id);
      const officials = shown.nodes.filter((node) => node.type === 'Official' && attendance.some((edge) => edge.source === node.id));
      expect(officials.map((official) => official.name).sort()).toEqual(['Lê Tuấn An', 'Trần An Định', 'Đinh Công Sứ'].sort());
      await page.locator('#details h2', { hasText: 'Liên minh Hợp tác xã tỉnh Hòa Bình' }).waitFor();
      expect(new URL(page.url()).searchParams.get('id')).toBe('alliance:hoa binh');
      await page.screenshot({ path: `${outputDir}explore-overview-click.png` });
    });
  });

  it('2. searches as the analyst types, each hit with its type, province and context; the keyboard opens one', async () => {
    await onPage('/explore/?lang=en', async (page) => {
      const searches: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.postData()?.includes('query Search')) searches.push(request.postData() ?? '');
      });
      const input = page.locator('#search-input');
      await input.pressSequentially('dinh cong su', { delay: 30 });
      const hits = page.locator('#search-results [role="option"]');
      await hits.filter({ hasText: 'Đinh Công Sứ' }).first().waitFor();
      expect(await page.locator('#search-results').isVisible()).toBe(true);
      // Typed, not submitted: the list came while typing, from fewer requests than keystrokes.
      expect(searches.length).toBeGreaterThan(0);
      expect(searches.length).toBeLessThan('dinh cong su'.length);
      const su = hits.filter({ hasText: 'Đinh Công Sứ' }).first();
      expect(await su.locator('.hit-where').textContent()).toBe('Official · Hòa Bình');
      expect(await su.locator('.hit-context').textContent()).toBe('Phó Chủ tịch, Ủy ban nhân dân tỉnh Hòa Bình');

      await input.press('ArrowDown');
      expect(await hits.first().getAttribute('aria-selected')).toBe('true');
      expect(await input.getAttribute('aria-activedescendant')).toBe(await hits.first().getAttribute('id'));
      const index = await hits.evaluateAll((options) => options.findIndex((option) => option.textContent?.includes('Đinh Công Sứ')));
      for (let step = 0; step < index; step++) await input.press('ArrowDown');
      await input.press('Enter');
      const layout = await waitForLayout(page);
      expect(layout.nodes).toBeGreaterThan(1);
      expect(new URL(page.url()).searchParams.get('id')).toBe('official:dinh cong su@hoa binh');
      expect(await page.locator('#search-results').isHidden()).toBe(true);

      // The provinces' committees, which reports all call "Ủy ban nhân dân tỉnh", are told apart by their full
      // names and their provinces (or, when none is known, their report).
      await input.fill('');
      await input.pressSequentially('uy ban nhan dan tinh', { delay: 20 });
      const committees = hits.filter({ has: page.locator('.hit-name', { hasText: /^\s*Ủy ban nhân dân tỉnh\b/ }) });
      await expect.poll(() => committees.count(), { timeout: 15_000 }).toBeGreaterThan(2);
      const described = await committees.evaluateAll((options) =>
        options.map((option) => `${option.querySelector('.hit-name')?.textContent?.trim()} | ${option.querySelector('.hit-where')?.textContent} | ${option.querySelector('.hit-context')?.textContent ?? ''}`),
      );
      expect(new Set(described.map((line) => line.split(' | ')[0])).size).toBe(described.length);
      expect(described.filter((line) => line.startsWith('Ủy ban nhân dân tỉnh Hòa Bình | Agency · Hòa Bình'))).toHaveLength(1);
    });
  });

  it('3. shows a node’s relationships grouped by type with their sentences, and its reports', async () => {
    const truth = await ask<{ node: { reports: { id: string; title: string }[] } }>(
      '{ node(id: "official:dinh cong su@hoa binh") { ... on Official { reports(first: 20) { id title } } } }',
    );
    await onPage('/explore/?lang=en&id=official%3Adinh%20cong%20su%40hoa%20binh', async (page) => {
      await waitForLayout(page);
      const su = await locate(page, 'official:dinh cong su@hoa binh');
      expect(su).not.toBeNull();
      await page.mouse.click(su!.x, su!.y);
      const details = page.locator('#details');
      await details.locator('h2', { hasText: 'Đinh Công Sứ' }).waitFor();
      const positions = details.locator('[data-group="positions"]');
      expect(await positions.locator('h3').textContent()).toBe('Positions (1)');
      expect(await positions.locator('.relation .meta').first().textContent()).toBe('Phó Chủ tịch · Agency · Hòa Bình');
      expect(await positions.locator('button.entity').first().textContent()).toContain('Ủy ban nhân dân tỉnh');
      expect(await positions.locator('blockquote.evidence').first().textContent()).toContain('Đinh Công Sứ, Phó Chủ tịch UBND tỉnh');
      const meetings = details.locator('[data-group="meetings"]');
      expect(await meetings.locator('.relation .meta').first().textContent()).toBe('directed · Meeting · Hòa Bình · 4 Jan 2024');
      expect(await meetings.locator('blockquote.evidence').count()).toBeGreaterThan(0);
      // Its reports, with title, outlet and day when known, opened at the cited sentence.
      const reports = details.locator('.report-list li');
      expect(await reports.locator('.report-title').allTextContents()).toEqual(truth.node.reports.map((report) => report.title));
      const sentence = await positions.locator('blockquote.evidence').first().textContent();
      await positions.getByRole('button', { name: 'Open the report' }).first().click();
      await expect.poll(() => details.locator('.report-text mark').textContent()).toBe(sentence);
      expect(await details.locator('h2').textContent()).toBe(truth.node.reports[0]!.title);
      // Long ids and names wrap inside the panel rather than overflow it.
      await page.locator('#details').evaluate((panel) => panel.scrollTo(0, 0));
      expect(await details.evaluate((panel) => panel.scrollWidth <= panel.clientWidth + 1)).toBe(true);
    });
  });

  it('reads an edge’s evidence, downloads what is shown (GraphML, PNG, SVG), expands a node and hides a type from the legend', async () => {
    await onPage('/explore/?lang=en&id=alliance%3Ahoa%20binh&depth=2', async (page) => {
      await waitForLayout(page);
      const shown = await shownSubgraph(page);
      const su = shown.nodes.find((node) => node.name === 'Đinh Công Sứ')!;
      const directed = shown.edges.find((edge) => edge.type === 'ATTENDED' && edge.source === su.id)!;
      const where = await locate(page, directed.id);
      await page.mouse.click(where!.x, where!.y);
      const details = page.locator('#details');
      await details.locator('h2[data-relation="ATTENDED"]').waitFor();
      expect(await details.locator('blockquote.evidence').first().textContent()).toBe(directed.evidence[0]!.text);

      const [graphml] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'GraphML' }).click()]);
      const read = readGraphml(await readFile(await graphml.path(), 'utf8'));
      expect(read.nodes.map((node) => node.id).sort()).toEqual(shown.nodes.map((node) => node.id).sort());
      expect(read.edges.map((edge) => [edge.id, edge.source, edge.target, edge.values.relation]).sort()).toEqual(shown.edges.map((edge) => [edge.id, edge.source, edge.target, edge.type]).sort());
      const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).click()]);
      expect(png.suggestedFilename()).toBe('hoptac-alliance-hoa-binh-depth2.png');
      expect((await readFile(await png.path())).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
      const drawing = await readFile(await svg.path(), 'utf8');
      expect(drawing).toMatch(/<svg[\s>]/);
      expect(drawing).toContain('Đinh Công Sứ');
      expect(drawing.match(/<path d=/g)?.length).toBeGreaterThanOrEqual(shown.nodes.length);

      // Double-click expands; the legend counts what is shown and hides a type.
      const before = await lastLayout(page);
      const an = shown.nodes.find((node) => node.name === 'Lê Tuấn An')!;
      const anAt = await locate(page, an.id);
      await page.mouse.dblclick(anAt!.x, anAt!.y);
      await waitForLayout(page, before);
      const expanded = await shownSubgraph(page);
      expect(expanded.nodes.length).toBeGreaterThan(shown.nodes.length);
      expect(expanded.nodes.some((node) => node.name === 'Viện Khoa học công nghệ và môi trường')).toBe(true);
      const officials = page.locator('#legend .legend-entry[data-type="Official"]');
      expect(await officials.locator('.count').textContent()).toBe(String(expanded.nodes.filter((node) => node.type === 'Official').length));
      const afterExpansion = await lastLayout(page);
      await officials.click();
      await waitForLayout(page, afterExpansion);
      expect(await officials.getAttribute('aria-pressed')).toBe('false');
      const filtered = await shownSubgraph(page);
      expect(filtered.nodes.filter((node) => node.type === 'Official')).toEqual([]);
      expect(await officials.locator('.count').textContent()).toBe(`0 / ${expanded.nodes.filter((node) => node.type === 'Official').length}`);
      await page.screenshot({ path: `${outputDir}explore-expanded-no-officials.png` });
    });
  });

  it('4. draws and lists the shortest path between Đinh Công Sứ and Lê Tuấn An through the Hòa Bình meeting, with both sentences', async () => {
    await onPage('/explore/?lang=en', async (page) => {
      await page.locator('#tab-paths').click();
      const pick = async (field: string, text: string, name: string) => {
        await page.locator(field).pressSequentially(text, { delay: 20 });
        const option = page.locator(`${field}-results [role="option"]`, { hasText: name }).first();
        await option.waitFor();
        await option.dispatchEvent('mousedown');
      };
      await pick('#path-from', 'dinh cong su', 'Đinh Công Sứ');
      await pick('#path-to', 'le tuan an', 'Lê Tuấn An');
      const path = page.locator('.path').first();
      await path.waitFor();
      expect(await path.locator('.chain-node').allTextContents()).toEqual([
        ' Đinh Công Sứ',
        ' Hội nghị tổng kết công tác năm 2023 và triển khai nhiệm vụ năm 2024 (Hòa Bình, 04/01/2024)',
        ' Lê Tuấn An',
      ]);
      expect(await path.locator('.chain-node button').nth(1).getAttribute('title')).toBe('Meeting · Hòa Bình · 4 Jan 2024');
      const sentences = await path.locator('.hop blockquote.evidence').allTextContents();
      expect(sentences).toHaveLength(2);
      expect(sentences[0]).toContain('Đinh Công Sứ');
      expect(sentences[1]).toContain('Lê Tuấn An');
      expect(await path.locator('.hop').evaluateAll((hops) => hops.map((hop) => (hop as HTMLElement).dataset.relation))).toEqual(['ATTENDED', 'ATTENDED']);
      await page.screenshot({ path: `${outputDir}explore-path.png` });
      const before = await lastLayout(page);
      await page.getByRole('button', { name: 'Show on the network' }).click();
      await waitForLayout(page, before);
      const drawn = await shownSubgraph(page);
      expect(drawn.nodes.map((node) => node.name).sort()).toEqual(['Hội nghị tổng kết công tác năm 2023 và triển khai nhiệm vụ năm 2024 (Hòa Bình, 04/01/2024)', 'Lê Tuấn An', 'Đinh Công Sứ'].sort());
      expect(drawn.edges.map((edge) => edge.type)).toEqual(['ATTENDED', 'ATTENDED']);
    });
  });

  it('5. lists the Phú Thọ alliance’s timeline: its meeting, in order, with the sentence', async () => {
    const truth = await ask<{ timeline: { date: string; relation: string; event: { id: string }; evidence: { text: string }[] }[] }>(
      '{ timeline(id: "alliance:phu tho") { date relation event { id } evidence { text } } }',
    );
    await onPage('/explore/?lang=en', async (page) => {
      await page.locator('#tab-timeline').click();
      await page.locator('#timeline-entity').pressSequentially('lien minh hop tac xa tinh phu tho', { delay: 15 });
      const option = page.locator('#timeline-results-list [role="option"]', { hasText: 'Liên minh Hợp tác xã tỉnh Phú Thọ' }).first();
      await option.waitFor();
      await option.dispatchEvent('mousedown');
      const entries = page.locator('.timeline-entry');
      await entries.first().waitFor();
      expect(await entries.evaluateAll((items) => items.map((item) => `${(item as HTMLElement).dataset.relation} ${(item as HTMLElement).dataset.event}`))).toEqual(
        truth.timeline.map((entry) => `${entry.relation} ${entry.event.id}`),
      );
      const organised = entries.filter({ has: page.locator('.meta', { hasText: /^organised/ }) }).first();
      expect(await organised.locator('time').textContent()).toBe('6 Apr 2021');
      expect(await organised.locator('button.entity').textContent()).toContain('Hội nghị');
      const sentence = truth.timeline.find((entry) => entry.relation === 'ORGANIZED')!.evidence[0]!.text;
      expect(await organised.locator('blockquote.evidence').textContent()).toBe(sentence);
      expect(await page.locator('.timeline-results svg[aria-label^="Timeline of Liên minh Hợp tác xã tỉnh Phú Thọ"]').count()).toBe(1);
      await page.screenshot({ path: `${outputDir}explore-timeline.png` });
    });
  });

  it('6. charts Phú Thọ’s figures with the roll-up of merged provinces, Hòa Bình’s figures included', async () => {
    const truth = await ask<{ statistics: { metric: string; points: { province: string; value: number }[] }[] }>(
      '{ statistics(province: "Phú Thọ", rollUpMerged: true) { metric points { province value } } }',
    );
    const hoaBinhMetrics = truth.statistics.filter((series) => series.points.some((point) => point.province === 'Hòa Bình')).map((series) => series.metric);
    expect(hoaBinhMetrics.length).toBeGreaterThan(0);
    await onPage('/explore/?lang=en', async (page) => {
      await page.locator('#tab-statistics').click();
      await page.locator('#statistics-province option[value="Phú Thọ"]').waitFor({ state: 'attached' });
      await page.locator('#statistics-province').selectOption('Phú Thọ');
      expect(await page.locator('#statistics-rollup').isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      const series = page.locator('.series');
      await series.first().waitFor();
      expect(await series.evaluateAll((sections) => sections.map((section) => (section as HTMLElement).dataset.metric))).toEqual(truth.statistics.map((entry) => entry.metric));
      for (const metric of hoaBinhMetrics) {
        const chart = page.locator(`.series[data-metric="${metric}"]`);
        // The chart's legend and one of its marks name Hòa Bình; its table gives the figure with its sentence.
        expect(await chart.locator('figure').textContent(), metric).toContain('Hòa Bình');
        const titles = await chart.locator('svg title').allTextContents();
        const value = truth.statistics.find((entry) => entry.metric === metric)!.points.find((point) => point.province === 'Hòa Bình')!.value;
        expect(titles.some((title) => title.startsWith('Hòa Bình · ') && title.includes(new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(value))), `${metric}: ${titles.join(' / ')}`).toBe(true);
        expect(await chart.locator('tr[data-province="Hòa Bình"] blockquote.evidence').count()).toBeGreaterThan(0);
      }
      await page.screenshot({ path: `${outputDir}explore-statistics.png` });
      // Without the roll-up, Phú Thọ alone.
      await page.locator('#statistics-rollup').uncheck();
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      await expect.poll(() => page.locator('tr[data-province="Hòa Bình"]').count()).toBe(0);
    });
  });

  it('7. keeps labels readable at every zoom without overlaps; zoom, fit and layout controls; the date range with its histogram; community colours', async () => {
    await onPage('/explore/?lang=en&id=alliance%3Ahoa%20binh&depth=3', async (page) => {
      await waitForLayout(page);
      const overlapping = (labels: { left: number; right: number; top: number; bottom: number }[]) =>
        labels.some((a, i) => labels.slice(i + 1).some((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom));
      await expect.poll(async () => (await drawnLabels(page)).length).toBeGreaterThan(0);
      const whole = await drawnLabels(page);
      const shown = await shownSubgraph(page);
      // At the zoom that shows the whole network, labels are drawn, the best connected node's among them.
      const metrics = await page.evaluate(() => [...(window as unknown as { hoptac: { view: { shownMetrics(): { nodes: Map<string, { degree: number }> } } } }).hoptac.view.shownMetrics().nodes.entries()].map(([id, m]) => [id, m.degree] as const));
      const hub = [...metrics].sort((a, b) => b[1] - a[1])[0]![0];
      expect(whole.map((label) => label.id)).toContain(hub);
      expect(overlapping(whole)).toBe(false);
      // The density rule leaves a node unnamed only where its label would overlap a drawn one or leave the screen.
      expect(await namedWhereverRoom(page, whole)).toEqual([]);
      const ratio = () => page.evaluate(() => (window as unknown as PageHooks).hoptac.view.renderer.getCamera().ratio);
      expect(await ratio()).toBe(1);
      await page.locator('#zoom-in').click();
      await expect.poll(ratio).toBeCloseTo(1 / 1.5, 2);
      const zoomed = await drawnLabels(page);
      expect(zoomed.length).toBeGreaterThan(0);
      expect(overlapping(zoomed)).toBe(false);
      await page.locator('#zoom-fit').click();
      await expect.poll(ratio).toBeCloseTo(1, 2);

      const before = await lastLayout(page);
      await page.locator('#layout').selectOption('circle');
      expect((await waitForLayout(page, before)).algorithm).toBe('circle');
      const positions = await page.evaluate(() => (window as unknown as PageHooks).hoptac.drawnPositions());
      const centre = { x: positions.reduce((sum, p) => sum + p.x, 0) / positions.length, y: positions.reduce((sum, p) => sum + p.y, 0) / positions.length };
      const radii = positions.map((p) => Math.hypot(p.x - centre.x, p.y - centre.y));
      expect(Math.max(...radii) - Math.min(...radii)).toBeLessThan(Math.max(...radii) * 0.01);

      // The date range: a histogram of the network's dated events, and the range typed as days.
      const events = shown.nodes.filter((node) => node.date && (node.type === 'Meeting' || node.type === 'Award'));
      expect(events.length).toBeGreaterThan(0);
      expect(await page.locator('#date-histogram svg').getAttribute('aria-label')).toBe(`Histogram of ${events.length} dated event${events.length === 1 ? '' : 's'}`);
      // Its axis names each month (or year) once.
      const ticks = await page.locator('#date-histogram svg [aria-label="x-axis tick label"] text').allTextContents();
      expect(ticks.length).toBeGreaterThan(0);
      expect(new Set(ticks).size).toBe(ticks.length);
      const range = await lastLayout(page);
      await page.locator('#date-from').fill('01/02/2024');
      await page.locator('#date-from').dispatchEvent('change');
      await waitForLayout(page, range);
      const inRange = await shownSubgraph(page);
      expect(inRange.nodes.filter((node) => node.type === 'Meeting' || node.type === 'Award').every((node) => node.date === null || node.date >= '2024-02-01')).toBe(true);
      expect(inRange.nodes.some((node) => node.date === '2024-01-04')).toBe(false);
      expect(await page.locator('#date-from').inputValue()).toBe('2024-02-01');

      // Colour by community: the legend lists the communities with their sizes.
      await page.locator('#colour-by').selectOption('community');
      await page.locator('#community-legend li').first().waitFor();
      expect(await page.locator('#community-legend li').first().textContent()).toMatch(/^\d+ communit(y|ies), modularity /);
    });
  });

  it('8. speaks Vietnamese or English: the browser’s language by default, a switch, days as dd/mm/yyyy in Vietnamese', async () => {
    const vietnamese = await openChromium({ width: 1400, height: 900 }, { locale: 'vi-VN' });
    try {
      const page = await vietnamese.context.newPage();
      await page.goto(`${server.origin}/explore/`);
      await page.locator('#most-connected button').first().waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('vi');
      expect(await page.locator('#tab-overview').textContent()).toBe('Tổng quan');
      expect(await page.locator('label[for="search-input"]').textContent()).toBe('Tìm đối tượng');
      const span = await page.locator('.spans').textContent();
      expect(span).toMatch(/Hội nghị và khen thưởng từ \d{2}\/\d{2}\/\d{4} đến \d{2}\/\d{2}\/\d{4}\./);
      expect(await page.locator('#language [data-language="vi"]').getAttribute('aria-pressed')).toBe('true');

      await page.locator('#language [data-language="en"]').click();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('#tab-overview').textContent()).toBe('Overview');
      expect(await page.locator('label[for="search-input"]').textContent()).toBe('Find an entity');
      expect(await page.locator('.spans').textContent()).toMatch(/Meetings and awards from \d{1,2} [A-Z][a-z]{2} \d{4} to/);
      expect(await page.locator('#legend .legend-entry[data-type="Official"] .legend-name').textContent()).toBe('Official');
      // The choice is remembered.
      await page.reload();
      await page.locator('#most-connected button').first().waitFor();
      expect(await page.locator('#tab-overview').textContent()).toBe('Overview');
      await page.locator('#language [data-language="vi"]').click();
      expect(await page.locator('#legend .legend-entry[data-type="Official"] .legend-name').textContent()).toBe('Cán bộ');
    } finally {
      await vietnamese.close();
    }
  });

  it('9. serves the GraphQL IDE at /graphql and the index page at /, and both work with the network cut off', async () => {
    const offline = await openChromium({ width: 1400, height: 900 }, { locale: 'en-GB' });
    const leaving: string[] = [];
    try {
      // Only this machine's server answers; anything else would go to the network and is cut off.
      await offline.context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
        leaving.push(url.href);
        return route.abort('internetdisconnected');
      });
      const page = await offline.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.origin}/`);
      await page.locator('#examples .example').first().waitFor();
      expect(await page.locator('#link-explore').getAttribute('href')).toBe('/explore/');
      expect(await page.locator('#link-ide').getAttribute('href')).toBe('/graphql');
      expect(await page.locator('#link-schema').getAttribute('href')).toBe('/schema.graphql');
      expect(await page.locator('#examples h3').allTextContents()).toContain('Path');
      const schema = await page.evaluate(async () => (await fetch('/schema.graphql')).text());
      expect(schema).toContain('type Query');
      expect(schema).toContain('overview: GraphOverview!');

      await page.locator('#link-ide').click();
      await page.locator('.graphiql-container').waitFor({ timeout: 120_000 });
      const tabs = page.locator('.graphiql-tab');
      await expect.poll(() => tabs.count()).toBe(10);
      // A click while the IDE still sets up its tabs can be lost (seen once on a busy machine): clicked until the editor shows the tab.
      const searchTab = tabs.filter({ hasText: 'Search' }).first();
      await expect
        .poll(async () => {
          await searchTab.click();
          return page.locator('.graphiql-query-editor').textContent();
        }, { timeout: 60_000 })
        .toMatch(/query\s+Search/);
      await page.locator('.graphiql-execute-button').click();
      // The editors draw spaces as no-break spaces.
      const result = async () => (await page.locator('.result-window').textContent())?.replace(/\s/g, ' ') ?? '';
      await expect.poll(result, { timeout: 60_000 }).toContain('"id": "official:dinh cong su@hoa binh"');
      expect(await result()).toContain('"name": "Đinh Công Sứ"');
      await page.screenshot({ path: `${outputDir}graphql-ide.png` });
      expect(errors).toEqual([]);
      expect(leaving).toEqual([]);
    } finally {
      await offline.close();
    }
    // A client asking for JSON with GET still gets the API, not the IDE.
    const response = await fetch(`${server.graphql}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  // Last: the report it adds is in no earlier test's graph.
  it('says when a report’s title was taken from its first sentence, in the node’s reports and the report itself', async () => {
    const text =
      'Ngày 12/3/2024, Liên minh Hợp tác xã tỉnh Yên Bái tổ chức hội nghị tổng kết công tác năm 2023. ' +
      'Đồng chí Nguyễn Văn Thử, Chủ tịch Liên minh Hợp tác xã tỉnh Yên Bái, chủ trì hội nghị.\n';
    const added = await ingestReports(database.gateway, (async function* () {
      yield { ok: true as const, input: { file: 'untitled.txt', text } };
    })());
    expect(added.failed).toEqual([]);
    const { search } = await ask<{ search: { node: { id: string; type: string } }[] }>('{ search(text: "nguyen van thu", types: [Official]) { node { id type } } }');
    const official = search[0]?.node.id;
    expect(official).toBeDefined();
    await onPage(`/explore/?lang=en&id=${encodeURIComponent(official!)}`, async (page) => {
      await waitForLayout(page);
      const at = await locate(page, official!);
      await page.mouse.click(at!.x, at!.y);
      const details = page.locator('#details');
      await details.locator('h2', { hasText: 'Nguyễn Văn Thử' }).waitFor();
      const report = details.locator('section.reports li', { hasText: 'Ngày 12/3/2024, Liên minh Hợp tác xã tỉnh Yên Bái' });
      expect(await report.locator('.meta').textContent()).toContain('title taken from its first sentence');
      // The report opened: its title, then the note.
      await report.locator('button.report-title').click();
      await details.locator('p.meta', { hasText: 'title taken from its first sentence' }).waitFor();
    });
  });
});

/**
 * The shown nodes whose labels were left out although they would have fitted beside them: wholly
 * on screen, overlapping no drawn label (with the 2-pixel gap). Worked out from the renderer's places and the
 * labels' font, apart from the page's own placement.
 */
async function namedWhereverRoom(page: Page, drawn: DrawnLabel[]): Promise<string[]> {
  return page.evaluate(
    ({ drawn, font }) => {
      type Display = { x: number; y: number; size: number; hidden?: boolean };
      type Renderer = {
        getGraph(): { nodes(): string[] };
        getNodeDisplayData(id: string): Display | undefined;
        framedGraphToViewport(point: { x: number; y: number }): { x: number; y: number };
        scaleSize(size: number, ratio: number): number;
        getDimensions(): { width: number; height: number };
        getCamera(): { ratio: number };
      };
      const view = (window as unknown as { hoptac: { view: { renderer: Renderer; labelSource: { text(id: string): string } } } }).hoptac.view;
      const { renderer } = view;
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = font;
      const { width, height } = renderer.getDimensions();
      const named = new Set(drawn.map((label) => label.id));
      const missed: string[] = [];
      for (const id of renderer.getGraph().nodes()) {
        const data = renderer.getNodeDisplayData(id);
        if (named.has(id) || !data || data.hidden) continue;
        const at = renderer.framedGraphToViewport(data);
        const radius = renderer.scaleSize(data.size, renderer.getCamera().ratio);
        // Measured as the page measures labels: the sum of the characters' widths.
        const textWidth = [...view.labelSource.text(id)].reduce((sum, character) => sum + context.measureText(character).width, 0);
        // Beside the node, on its right or its left.
        const fits = [at.x + radius + 3, at.x - radius - 3 - textWidth].some((left) => {
          const box = { left, right: left + textWidth, top: at.y - 7, bottom: at.y + 7 };
          const onScreen = box.left >= 0 && box.right <= width && box.top >= 0 && box.bottom <= height;
          return onScreen && drawn.every((other) => !(box.left < other.right + 2 && other.left < box.right + 2 && box.top < other.bottom + 2 && other.top < box.bottom + 2));
        });
        if (fits) missed.push(id);
      }
      return missed;
    },
    { drawn, font: `${LABEL_FONT_SIZE}px ${LABEL_FONT_FAMILY}` },
  );
}
