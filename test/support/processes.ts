import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** True while a process with this pid exists (and is not a zombie we could reap). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Polls until `pid` is gone; resolves `true` if it went away within `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await new Promise((wake) => setTimeout(wake, 200));
  }
  return !isProcessAlive(pid);
}

/**
 * Spawns a TypeScript file under Node with tsx, or a JavaScript file (the `hoptac` command, which
 * registers tsx itself) as it is; no npm/npx wrapper, so the pid is the script's own.
 */
export function spawnScript(file: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const loader = file.endsWith('.ts') ? ['--import', 'tsx'] : [];
  return spawn(process.execPath, [...loader, file, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
}

/** Resolves with the first stdout line matching `pattern`, or rejects when the process ends first. */
export function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  const output: string[] = [];
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${output.join('\n')}`)), timeoutMs);
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream! }).on('line', (line) => {
        output.push(line);
        const match = pattern.exec(line);
        if (match) {
          clearTimeout(timer);
          done(match);
        }
      });
    }
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`process exited (${code ?? signal}) before printing ${pattern}:\n${output.join('\n')}`));
    });
  });
}

/** The path of the `hoptac` command, to run with `spawnScript`. */
export const HOPTAC = fileURLToPath(new URL('../../bin/hoptac.js', import.meta.url));

/** A finished run of a child: its exit code (or the signal that ended it) and all it wrote. */
export type FinishedRun = { exit: number | string; stdout: string; stderr: string };

/** Gathers what a child writes until it has ended and its output is drained. */
export function collectRun(child: ChildProcess): Promise<FinishedRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (code, signal) => done({ exit: code ?? signal ?? -1, stdout, stderr }));
  });
}

/** Resolves with the exit code (or signal name) of a child once it ends. */
export function waitForChildExit(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((done) => child.once('exit', (code, signal) => done(code ?? signal ?? -1)));
}
