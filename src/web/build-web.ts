import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Where the built page lives; the server serves this folder at `/explore/`. */
export const webDistDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Whether the page has been built (its entry file exists). */
export function isWebBuilt(): boolean {
  return existsSync(`${webDistDir}/index.html`);
}

/** Builds the page with vite into `dist/web`. */
export async function buildWeb(): Promise<void> {
  await build({ configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)) });
}

// `tsx src/web/build-web.ts [--if-missing]`: the install and start hooks of package.json.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const onlyIfMissing = process.argv.includes('--if-missing');
  if (onlyIfMissing && isWebBuilt()) process.exit(0);
  await buildWeb();
  process.stdout.write(`network page built into ${relative(process.cwd(), webDistDir) || '.'}\n`);
}
