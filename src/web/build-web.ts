import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Where the built pages live; the server serves this folder at `/explore/` (and `/`, `GET /graphql`). */
export const webDistDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** What the pages are built from: their sources, the API examples they show, the installed packages. */
const sources = [
  fileURLToPath(new URL('.', import.meta.url)),
  fileURLToPath(new URL('../api/examples.graphql', import.meta.url)),
  fileURLToPath(new URL('../../package-lock.json', import.meta.url)),
];

/** Whether the pages have been built (their entry file exists). */
export function isWebBuilt(): boolean {
  return existsSync(`${webDistDir}/index.html`);
}

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

/** Builds the pages with vite into `dist/web`. */
export async function buildWeb(): Promise<void> {
  await build({ configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)) });
}

/** Builds the pages unless they are up to date (a test run builds them once, not once per test file). */
export async function buildWebIfStale(): Promise<void> {
  if (isWebStale()) await buildWeb();
}

// `tsx src/web/build-web.ts [--if-stale]`: the install and start hooks of package.json.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--if-stale') && !isWebStale()) process.exit(0);
  await buildWeb();
  process.stdout.write(`pages built into ${relative(process.cwd(), webDistDir) || '.'}\n`);
}
