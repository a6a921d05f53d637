import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { z } from 'zod';

/** A benchmark server running in its own process (`pid` null when the system gave none). */
export type ServerProcess = { name: 'hoptac' | 'peer'; url: string; pid: number | null; stop(): Promise<void> };

const SERVE = fileURLToPath(new URL('./serve.ts', import.meta.url));

/**
 * The Node flags `npm start` runs the API with, read from its script in package.json and given to
 * both servers so only their GraphQL layers differ: young-generation semi-spaces of 64 MB instead
 * of 16, so the many short-lived objects of each request die in fewer scavenges, and no
 * allocation-site pretenuring, which otherwise sends row objects straight to the old generation
 * (see the README's API section).
 */
export function startFlags(packageJson: string = readFileSync(PACKAGE_JSON, 'utf8')): string[] {
  const { scripts } = z.object({ scripts: z.object({ start: z.string() }) }).parse(JSON.parse(packageJson));
  const words = scripts.start.split(/\s+/);
  if (words[0] !== 'node') throw new Error(`package.json's start script does not run node: ${scripts.start}`);
  const flags: string[] = [];
  for (const word of words.slice(1)) {
    if (word === '--import' || !word.startsWith('--')) break;
    flags.push(word);
  }
  return flags;
}

const PACKAGE_JSON = fileURLToPath(new URL('../package.json', import.meta.url));

/**
 * Starts `bench/serve.ts` for one server over the Neo4j at `uri` and waits for its URL. The child
 * stops when its stdin closes, so it never outlives the benchmark.
 */
export async function spawnServer(name: 'hoptac' | 'peer', uri: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...startFlags(), '--import', 'tsx', SERVE, '--server', name, '--uri', uri], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`${name} server did not start within 120 s`)), 120_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      const parsed = z.object({ url: z.string() }).safeParse(JSON.parse(line));
      if (parsed.success) resolve(parsed.data.url);
      else reject(new Error(`${name} server printed ${line}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} server exited with ${code}`));
    });
  });
  return { name, url, pid: child.pid ?? null, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.stdin?.end();
  });
}
