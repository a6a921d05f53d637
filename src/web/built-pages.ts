import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the built pages live; the server serves this folder at `/explore/` (and `/`, `GET /graphql`).
 * The server reads only this: the pages are built by `build-web.ts` (vite, a dev dependency) at
 * install (`prepare`) or when packed, so an install without dev dependencies serves them as built.
 */
export const webDistDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Whether the pages have been built (their entry file exists). */
export function isWebBuilt(): boolean {
  return existsSync(`${webDistDir}/index.html`);
}
