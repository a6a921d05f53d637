import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import type { Page } from 'playwright-core';
import type { Subgraph } from '../src/graph/subgraph.ts';
import { buildWebIfStale } from '../src/web/build-web.ts';
import { gpuCompositingFlags, openChromium } from '../test/web/support/chromium.ts';
import { cutConnected, generateGraph } from '../test/web/support/generated-subgraph.ts';
import { serveBuiltPages } from '../test/web/support/static-pages.ts';

/**
 * Is a large network fluid on the network page? Generates a corpus (no database: the graph its
 * load plans make), cuts a connected network of `--nodes` nodes from it, has the page (built and
 * served as `npm start` serves it, in headless Chromium) show it, then pans and zooms it with the
 * mouse as an analyst would. A `longtask` PerformanceObserver in the page records every task of
 * the main thread over 50 ms; the script prints, per run, the time until the network was laid out
 * and drawn, the longest task and the count over 50 and 200 ms while it was drawn after its first
 * layout, the same while it was panned and zoomed, and the longest gap between animation frames.
 *
 *   npx tsx bench/large-network.ts [--nodes 5000] [--reports 3000] [--seed 1] [--runs 2] [--pages dir]
 *
 * Chromium composites on its software GPU (SwiftShader), as a browser with a graphics card
 * composites: headless Chromium would otherwise composite in software and read every WebGL frame
 * back on the main thread (`--software-compositing` measures that).
 * The API is not involved (the page is handed the network through its automation hook), so no
 * Neo4j is started; the page's own requests to `/graphql` are answered 503.
 */
const program = new Command()
  .option('--nodes <n>', 'nodes of the network shown', '5000')
  .option('--reports <n>', 'generated reports the network is cut from', '3000')
  .option('--seed <n>', 'corpus seed', '1')
  .option('--runs <n>', 'runs, each on a fresh page', '2')
  .option('--pages <dir>', 'serve this build of the pages instead of dist/web (e.g. one built from an earlier commit, to compare)')
  .option('--software-compositing', 'composite in software, as headless Chromium does by default (reads every WebGL frame back)')
  .parse();
const opts = program.opts<{ nodes: string; reports: string; seed: string; runs: string; pages?: string; softwareCompositing?: boolean }>();

type LayoutReport = { algorithm: string; nodes: number; edges: number; firstDrawMs: number; ms: number; workerMs: number };
type PageHooks = { hoptac: { show(subgraph: Subgraph): Promise<LayoutReport> }; benchNetwork: Subgraph; benchMarks: Record<string, number> };
type Tasks = { longest: number; over50: number; over200: number };
type Figures = { drawing: Tasks; gestures: Tasks; longestFrameGapMs: number };

/** Runs in the page (as text: the bundler's helpers are not there): records long tasks and frame gaps with their times. */
const watch = `(() => {
  const state = { tasks: [], gaps: [], last: performance.now() };
  window.benchState = state;
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) state.tasks.push([entry.startTime, entry.duration]); })
    .observe({ type: 'longtask' });
  const tick = (now) => { state.gaps.push([state.last, now - state.last]); state.last = now; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;

const whole = generateGraph(Number(opts.reports), Number(opts.seed));
const network = cutConnected(whole, Number(opts.nodes));
process.stdout.write(
  `large network benchmark · ${opts.reports} generated reports (seed ${opts.seed}) · network of ${network.nodes.length} nodes, ${network.edges.length} edges\n` +
    `${cpus().length} cores · load average ${loadavg().map((load) => load.toFixed(1)).join(' ')}\n`,
);
if (!opts.pages) await buildWebIfStale();
const server = await serveBuiltPages(opts.pages);
const origin = server.origin;
const browser = await openChromium({ width: 1400, height: 900 }, { extraFlags: opts.softwareCompositing ? [] : gpuCompositingFlags });
try {
  process.stdout.write(
    '  nodes   edges  layout+draw ms  drawing: longest task ms  >50  >200  pan/zoom: longest task ms  >50  >200  longest frame gap ms\n',
  );
  for (let run = 0; run < Number(opts.runs); run++) {
    const page = await browser.context.newPage();
    await page.goto(`${origin}/explore/`);
    await page.waitForFunction(() => 'hoptac' in window);
    // Handing the network over is the benchmark's work, not the page's: done before watching.
    await page.evaluate((data) => {
      (window as unknown as PageHooks).benchNetwork = data;
    }, network);
    await page.evaluate(watch);
    const layout = await page.evaluate(async () => {
      const hooks = window as unknown as PageHooks;
      hooks.benchMarks = { shown: performance.now() };
      const report = await hooks.hoptac.show(hooks.benchNetwork);
      hooks.benchMarks.drawn = performance.now();
      return report;
    });
    await settle(page);
    const gesturesFrom = await page.evaluate(() => performance.now());
    await panAndZoom(page);
    await settle(page);
    const figures = await measure(page, layout, gesturesFrom);
    process.stdout.write(
      [
        String(layout.nodes).padStart(7),
        String(layout.edges).padStart(7),
        layout.ms.toFixed(0).padStart(15),
        figures.drawing.longest.toFixed(0).padStart(25),
        String(figures.drawing.over50).padStart(4),
        String(figures.drawing.over200).padStart(5),
        figures.gestures.longest.toFixed(0).padStart(26),
        String(figures.gestures.over50).padStart(4),
        String(figures.gestures.over200).padStart(5),
        figures.longestFrameGapMs.toFixed(0).padStart(21),
      ].join(' ') + '\n',
    );
    if (run === 0) await page.screenshot({ path: join('bench', 'results', `large-network-${network.nodes.length}.png`) }).catch(() => undefined);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

/**
 * Drags the network about and zooms in and out with the wheel at several places, as an analyst
 * would, then back out to the whole: twelve drags and twenty-four wheel turns.
 */
async function panAndZoom(page: Page): Promise<void> {
  const box = await page.locator('#network').boundingBox();
  if (!box) throw new Error('the page has no #network');
  const at = (fx: number, fy: number) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });
  const spots = [at(0.5, 0.5), at(0.3, 0.4), at(0.7, 0.6), at(0.4, 0.7)];
  for (const spot of spots) {
    await page.mouse.move(spot.x, spot.y);
    for (let turn = 0; turn < 3; turn++) {
      await page.mouse.wheel(0, -240);
      await page.waitForTimeout(120);
    }
    await drag(page, spot, { x: spot.x + 160, y: spot.y + 90 });
    await drag(page, { x: spot.x + 160, y: spot.y + 90 }, { x: spot.x - 120, y: spot.y - 60 });
    await drag(page, { x: spot.x - 120, y: spot.y - 60 }, spot);
    for (let turn = 0; turn < 3; turn++) {
      await page.mouse.wheel(0, 240);
      await page.waitForTimeout(120);
    }
  }
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
  await page.waitForTimeout(150);
}

/** Waits until the page has run a second without a long task, so the last gesture's redraws are counted. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const state = (window as unknown as { benchState: { tasks: [number, number][] } }).benchState;
      const last = state.tasks.at(-1);
      return !last || performance.now() - (last[0] + last[1]) > 1000;
    },
    undefined,
    { polling: 250, timeout: 120_000 },
  );
}

async function measure(page: Page, layout: LayoutReport, gesturesFrom: number): Promise<Figures> {
  const state = await page.evaluate(() => {
    const hooks = window as unknown as PageHooks & { benchState: { tasks: [number, number][]; gaps: [number, number][] } };
    return { tasks: hooks.benchState.tasks, gaps: hooks.benchState.gaps, marks: hooks.benchMarks };
  });
  const shown = state.marks.shown ?? 0;
  // The first layout ends when the worker hands its positions over: what the page does from then on is drawing.
  const laidOut = shown + (layout.algorithm === 'forceatlas2' ? layout.workerMs : 0);
  const tally = (from: number, to: number): Tasks => {
    const durations = state.tasks.filter(([start]) => start >= from && start < to).map(([, duration]) => duration);
    return { longest: Math.max(0, ...durations), over50: durations.filter((ms) => ms > 50).length, over200: durations.filter((ms) => ms > 200).length };
  };
  return {
    drawing: tally(laidOut, gesturesFrom),
    gestures: tally(gesturesFrom, Infinity),
    longestFrameGapMs: Math.max(0, ...state.gaps.filter(([start]) => start >= laidOut).map(([, gap]) => gap)),
  };
}
