import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CommanderError } from 'commander';
import { EXIT } from './exit-codes.ts';

const BENCH_SCRIPT = fileURLToPath(new URL('../../bench/run.ts', import.meta.url));

/**
 * `hoptac bench …`: the benchmark (`bench/run.ts`, which reads its own options from
 * `process.argv`; `hoptac bench --help` lists them). It is a script of the repository, run in
 * this process with the arguments given; a usage error exits 2 as everywhere.
 */
export async function main(argv: string[]): Promise<number> {
  if (!existsSync(BENCH_SCRIPT)) {
    // the installed package holds what runs hoptac; the benchmark and its tools come with a clone
    process.stderr.write('bench: the benchmark runs from a clone of the repository with its dev dependencies (npm install); this install has no bench/\n');
    return EXIT.usage;
  }
  process.argv = [process.argv[0] ?? 'node', 'hoptac bench', ...argv];
  try {
    await import('../../bench/run.ts');
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  return Number(process.exitCode ?? EXIT.ok);
}
