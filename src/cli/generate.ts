import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { generateCorpus } from '../generate/corpus.ts';
import { toGoldRecord } from '../generate/gold.ts';
import { createCommand, parseCommand } from './command.ts';
import { EXIT } from './exit-codes.ts';
import { UsageError, describeFileError } from './failures.ts';

/**
 * `hoptac generate --reports N --out DIR [--seed S] [--no-gold]`: writes a synthetic corpus
 * (DIR/reports.jsonl, one report input per line), the records an ideal extractor would make
 * (DIR/records.jsonl) and, unless --no-gold, one gold file per report (DIR/gold/) for score.mjs.
 */
function generateCommand() {
  return createCommand('generate', ['hoptac generate --reports 1000 --out corpus/', 'hoptac ingest --records corpus/records.jsonl'])
  .description('Write a seeded, deterministic synthetic corpus of cooperative conference reports with their expected records.')
  .requiredOption('--reports <n>', 'number of reports', parseCount)
  .requiredOption('--out <dir>', 'output folder (created if missing)')
  .option('--seed <n>', 'random seed: the same seed gives the same corpus', parseCount, 1)
  .option('--no-gold', 'skip the per-report gold files (DIR/gold/*.json)');
}

type Options = { reports: number; out: string; seed: number; gold: boolean };

/** Runs `hoptac generate` on its arguments; resolves with the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = generateCommand();
  if (!parseCommand(program, argv)) return Number(process.exitCode ?? EXIT.usage);
  await writeCorpus(program.opts<Options>());
  return EXIT.ok;
}

async function writeCorpus({ reports, out, seed, gold }: Options): Promise<void> {
  try {
    mkdirSync(out, { recursive: true });
    if (gold) mkdirSync(join(out, 'gold'), { recursive: true });
  } catch (error) {
    throw new UsageError(`--out: ${describeFileError(error as NodeJS.ErrnoException, out, 'write to')}`);
  }
  const inputs = createWriteStream(join(out, 'reports.jsonl'));
  const records = createWriteStream(join(out, 'records.jsonl'));
  let written = 0;
  for (const { input, expected } of generateCorpus({ reports, seed })) {
    await writeLine(inputs, JSON.stringify(input));
    await writeLine(records, JSON.stringify(expected));
    if (gold) writeFileSync(join(out, 'gold', `${input.file}.json`), `${JSON.stringify(toGoldRecord(expected), null, 1)}\n`);
    written++;
  }
  inputs.end();
  records.end();
  await Promise.all([once(inputs, 'finish'), once(records, 'finish')]);
  process.stderr.write(`wrote ${written} reports (seed ${seed}) to ${out}: reports.jsonl, records.jsonl${gold ? ', gold/' : ''}\n`);
}

async function writeLine(stream: WriteStream, line: string): Promise<void> {
  if (!stream.write(`${line}\n`)) await once(stream, 'drain');
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}
