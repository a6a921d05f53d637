import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium unless CHROMIUM_PATH names another; playwright never downloads a browser here. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * GPU compositing on SwiftShader (Chromium's software GPU), as a browser with a graphics card
 * composites WebGL. Headless Chromium otherwise composites in software and reads every WebGL
 * frame back from the GPU process on the main thread, which a user's browser never does: the
 * large-network benchmark measures the page's own main-thread work with these flags.
 */
export const gpuCompositingFlags = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--enable-gpu-compositing'];

/**
 * Opens headless Chromium on a fresh profile folder, in `locale` (the browser's language) and with
 * `extraFlags`; `close()` ends it and deletes the profile.
 */
export async function openChromium(
  viewport = { width: 1400, height: 900 },
  options: { locale?: string; extraFlags?: string[] } = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'hoptac-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [...(options.extraFlags ? flags.filter((flag) => flag !== '--disable-gpu') : flags), ...(options.extraFlags ?? [])],
    viewport,
    ...(options.locale ? { locale: options.locale } : {}),
    acceptDownloads: true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
