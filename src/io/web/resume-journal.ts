import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a run over web addresses has finished, so that the same run started again after an
 * interruption (Ctrl-C, a crash, `kill -9`) skips those addresses without a request. One file
 * per run, named by a hash of what the run reads (its addresses, lists, sitemaps and filters), in
 * the fetch cache's folder; a line is appended (and flushed by the operating system) as each
 * address is done, and the file is removed when the run ends, so the next run is a fresh one.
 */
export class ResumeJournal {
  private readonly done = new Set<string>();
  readonly file: string;
  /** How many addresses the interrupted run had finished. */
  readonly resumed: number;

  /** Opens the journal of the run described by `spec` under `dir`, reading what an interrupted run left. */
  constructor(dir: string, spec: unknown) {
    const id = createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 24);
    mkdirSync(join(dir, 'runs'), { recursive: true });
    this.file = join(dir, 'runs', `${id}.jsonl`);
    let lines: string[] = [];
    try {
      lines = readFileSync(this.file, 'utf8').split('\n');
    } catch {
      lines = [];
    }
    for (const line of lines) {
      try {
        const entry = JSON.parse(line) as { done?: unknown };
        if (typeof entry.done === 'string') this.done.add(entry.done);
      } catch {
        // the line being written when the run was killed
      }
    }
    this.resumed = this.done.size;
  }

  /** Whether the interrupted run (or this one) finished `address`. */
  has(address: string): boolean {
    return this.done.has(address);
  }

  /** Notes that `address` is done: read, and loaded or skipped. */
  record(address: string): void {
    if (this.done.has(address)) return;
    this.done.add(address);
    appendFileSync(this.file, `${JSON.stringify({ done: address })}\n`);
  }

  /** The run ended: the next one starts afresh. */
  finish(): void {
    rmSync(this.file, { force: true });
  }
}
