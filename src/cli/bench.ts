import { CommanderError } from 'commander';
import { EXIT } from './exit-codes.ts';

/**
 * `hoptac bench …`: the benchmark (`bench/run.ts`, which reads its own options from
 * `process.argv`; `hoptac bench --help` lists them). It is a script of the repository, run in
 * this process with the arguments given; a usage error exits 2 as everywhere.
 */
export async function main(argv: string[]): Promise<number> {
  process.argv = [process.argv[0] ?? 'node', 'hoptac bench', ...argv];
  try {
    await import('../../bench/run.ts');
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  return Number(process.exitCode ?? EXIT.ok);
}
