import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { startApiServer } from '../src/api/server.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/graph/database.ts';
import { ensureProvinces } from '../src/graph/ensure-provinces.ts';
import { ingestRecords } from '../src/graph/ingest-records.ts';
import { applySchema } from '../src/graph/migrate.ts';
import type { RecordResult } from '../src/graph/read-records.ts';
import { fetchSubgraph, type Subgraph } from '../src/graph/subgraph.ts';
import { generateCorpus } from '../src/generate/corpus.ts';
import { buildWeb } from '../src/web/build-web.ts';
import type { LayoutReport } from '../src/web/network-view.ts';
import { mountAnalystRoutes } from '../src/web/routes.ts';
import { openChromium } from '../test/web/support/chromium.ts';
import { cutConnected } from '../test/web/support/generated-subgraph.ts';
import { findFreePort } from '../src/graph/free-port.ts';

/**
 * Layout benchmark of the network page: loads a generated corpus (its expected records)
 * into a throw-away local Neo4j, reads the whole graph back with `fetchSubgraph`, cuts
 * connected subgraphs of the asked sizes (breadth-first from the best-connected node),
 * and has the page, served by the API server in headless Chromium, draw and lay each out.
 * Prints the time until the network first shows on screen, the layout time (until all of it
 * is drawn at its final positions), the layout worker's share, and whether the page stayed
 * responsive meanwhile: the longest main-thread task (a `longtask` PerformanceObserver in
 * the page), how many tasks took over 50 ms, and the longest gap between animation frames.
 *
 *   npx tsx bench/layout.ts [--nodes 500,2000] [--reports 700] [--seed 1]
 */
const program = new Command()
  .option('--nodes <list>', 'subgraph sizes to draw, comma-separated', '500,2000')
  .option('--reports <n>', 'generated reports to load', '700')
  .option('--seed <n>', 'corpus seed', '1')
  .option('--runs <n>', 'layouts per size (a fresh page each)', '1')
  .parse();
const opts = program.opts<{ nodes: string; reports: string; seed: string; runs: string }>();

type Responsiveness = { longestTaskMs: number; longTasks: number; longestFrameGapMs: number };
type PageHooks = { hoptac: { show(subgraph: Subgraph): Promise<LayoutReport> }; benchSubgraph: Subgraph };

/**
 * Runs in the page (as text: the bundler's helpers do not exist there): records long
 * main-thread tasks and the longest gap between animation frames.
 */
const watchResponsiveness = `(() => {
  const state = { longTasks: [], longestGap: 0, last: performance.now() };
  window.benchState = state;
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) state.longTasks.push(entry.duration); })
    .observe({ type: 'longtask' });
  const tick = (now) => { state.longestGap = Math.max(state.longestGap, now - state.last); state.last = now; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;

const readResponsiveness = `(() => {
  const state = window.benchState;
  return { longestTaskMs: Math.max(0, ...state.longTasks), longTasks: state.longTasks.length, longestFrameGapMs: state.longestGap };
})()`;

const config = loadConfig();
const scratch = mkdtempSync(join(tmpdir(), 'hoptac-bench-layout-'));
const database = await openDatabase({ ...config.neo4j, uri: undefined, localData: scratch, localPort: await findFreePort() });
try {
  await applySchema(database.gateway);
  await ensureProvinces(database.gateway);
  const summary = await ingestRecords(database.gateway, expectedRecords(Number(opts.reports), Number(opts.seed)), { concurrency: 4 });
  const whole = await fetchSubgraph(database.gateway, { all: true });
  process.stdout.write(`layout benchmark · ${summary.loaded} generated reports (seed ${opts.seed}) · graph of ${whole.nodes.length} nodes, ${whole.edges.length} edges\n`);
  process.stdout.write(`${cpus().length} cores · load average ${loadavg().map((load) => load.toFixed(1)).join(' ')}\n`);
  await buildWeb();
  const server = await startApiServer({
    config: { ...config, api: { ...config.api, host: '127.0.0.1', port: 0 } },
    database,
    mount: [(app, services) => mountAnalystRoutes(app, { analyzer: services.analyzer })],
  });
  const browser = await openChromium({ width: 1400, height: 900 });
  try {
    process.stdout.write('  nodes   edges  algorithm    first draw ms  layout ms  worker ms  longest task ms  long tasks  longest frame gap ms\n');
    for (const size of opts.nodes.split(',').map(Number)) {
      const subgraph = cutConnected(whole, size);
      for (let run = 0; run < Number(opts.runs); run++) {
        const page = await browser.context.newPage();
        await page.goto(`${new URL(server.url).origin}/explore/`);
        await page.waitForFunction(() => 'hoptac' in window);
        // Handing the subgraph over is the benchmark's work, not the page's: done before watching.
        await page.evaluate((data) => {
          (window as unknown as PageHooks).benchSubgraph = data;
        }, subgraph);
        await page.evaluate(watchResponsiveness);
        const layout = await page.evaluate(() => {
          const hooks = window as unknown as PageHooks;
          return hooks.hoptac.show(hooks.benchSubgraph);
        });
        await page.waitForTimeout(300);
        const responsiveness = (await page.evaluate(readResponsiveness)) as Responsiveness;
        process.stdout.write(
          [
            String(layout.nodes).padStart(7),
            String(layout.edges).padStart(7),
            layout.algorithm.padEnd(11).padStart(13),
            layout.firstDrawMs.toFixed(0).padStart(15),
            layout.ms.toFixed(0).padStart(10),
            layout.workerMs.toFixed(0).padStart(10),
            responsiveness.longestTaskMs.toFixed(0).padStart(16),
            String(responsiveness.longTasks).padStart(11),
            responsiveness.longestFrameGapMs.toFixed(0).padStart(21),
          ].join(' ') + '\n',
        );
        if (run === 0) await page.screenshot({ path: join('bench', 'results', `layout-${size}.png`) }).catch(() => undefined);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  await database.close();
  rmSync(scratch, { recursive: true, force: true });
}

function* expectedRecords(size: number, seed: number): Generator<RecordResult> {
  for (const { expected } of generateCorpus({ reports: size, seed })) yield { ok: true, record: expected };
}
