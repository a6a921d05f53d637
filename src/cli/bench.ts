/**
 * `hoptac bench …`: the benchmark (`bench/run.ts`, which reads its own options from
 * `process.argv`; `hoptac bench --help` lists them). It is a script of the repository, run in
 * this process with the arguments given.
 */
export async function main(argv: string[]): Promise<number> {
  process.argv = [process.argv[0] ?? 'node', 'hoptac bench', ...argv];
  await import('../../bench/run.ts');
  return Number(process.exitCode ?? 0);
}
