import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isWebBuilt, webDistDir } from './built-pages.ts';

/** What the pages are built from: their sources, the API examples they show, the installed packages. */
const sources = [
  fileURLToPath(new URL('.', import.meta.url)),
  fileURLToPath(new URL('../api/examples.graphql', import.meta.url)),
  fileURLToPath(new URL('../../package-lock.json', import.meta.url)),
];

/** Whether the pages are missing or older than a file they are built from. */
export function isWebStale(): boolean {
  if (!isWebBuilt()) return true;
  const built = statSync(`${webDistDir}/index.html`).mtimeMs;
  return sources.some((source) => newestChange(source) > built);
}

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

/** vite, when installed: an install without dev dependencies has none and serves the pages as they were packed. */
async function loadVite(): Promise<typeof import('vite') | null> {
  try {
    return await import('vite');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return null;
    throw error;
  }
}

/** Builds the pages with vite into `dist/web`. */
export async function buildWeb(): Promise<void> {
  const vite = await loadVite();
  if (vite === null) throw new Error('vite, a dev dependency, is not installed: run npm install to build the pages');
  await vite.build({ configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)) });
}

/** Builds the pages unless they are up to date (a test run builds them once, not once per test file). */
export async function buildWebIfStale(): Promise<void> {
  if (isWebStale()) await buildWeb();
}

// `tsx src/web/build-web.ts [--if-stale]`: the install (`prepare`) and start hooks of package.json.
// Without vite (`npm ci --omit=dev` of the packed package) the pages built when it was packed are served.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if ((await loadVite()) === null) {
    if (isWebBuilt()) process.exit(0);
    process.stderr.write('hoptac: the pages are not built and vite, a dev dependency, is not installed: run npm install\n');
    process.exit(1);
  }
  if (process.argv.includes('--if-stale') && !isWebStale()) process.exit(0);
  await buildWeb();
  process.stdout.write(`pages built into ${relative(process.cwd(), webDistDir) || '.'}\n`);
}
