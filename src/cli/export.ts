import { constants } from 'node:fs';
import { access, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Option } from 'commander';
import { describeUnknownSelection, readSelection } from '../export/read-selection.ts';
import { planSelection } from '../export/selector.ts';
import { tabulateNetwork } from '../export/network-table.ts';
import { renderTable, type ExportFormat } from '../export/render-export.ts';
import { openDatabase } from '../graph/database.ts';
import { computeMetrics } from '../metrics/compute-metrics.ts';
import { createCommand, isStdio, parseCommand } from './command.ts';
import { EXIT } from './exit-codes.ts';
import { UsageError, describeFileError } from './failures.ts';
import { readCliConfig } from './read-config.ts';

/**
 * `hoptac export --format graphml|gexf|cyjs|csv|csv-nodes|csv-edges [--province …] [--from … --to …]
 * [--around ID --depth N] [--all] [--types T,…] --out FILE|-`: writes a subgraph for Gephi,
 * Cytoscape or a spreadsheet, each node with its degree, PageRank, betweenness and Louvain
 * community measured over the actors' relationships (`--include-structural`: LOCATED_IN,
 * MERGED_INTO and MENTIONS too). `csv` writes two files next to FILE: `<name>.nodes.csv` and
 * `<name>.edges.csv`; CSV starts with a UTF-8 byte-order mark unless `--no-bom`.
 */
type Format = 'graphml' | 'gexf' | 'cyjs' | 'csv' | 'csv-nodes' | 'csv-edges';
type Options = {
  format: Format;
  out: string;
  around?: string;
  depth: string;
  types?: string;
  province?: string;
  from?: string;
  to?: string;
  all?: boolean;
  includeStructural?: boolean;
  bom: boolean;
};

function exportCommand() {
  return createCommand('export', [
    'hoptac export --format graphml --all --out graph.graphml',
    'hoptac export --format csv --province "Hòa Bình" --from 2024-01-01 --to 2024-12-31 --out hoa-binh.csv',
    'hoptac export --format gexf --around "alliance:hoa binh" --depth 2 --types Official,Meeting --out -',
  ])
    .description('Export a subgraph (neighbourhood, province, date range or the whole graph) to a network file, with each node\'s metrics.')
    .addOption(new Option('--format <format>', 'file format (csv: a node list and an edge list, two files)').choices(['graphml', 'gexf', 'cyjs', 'csv', 'csv-nodes', 'csv-edges']).makeOptionMandatory())
    .requiredOption('--out <file>', 'where to write, - for stdout (for csv: the base name of the two files)')
    .option('--around <id>', 'centre entity id of a neighbourhood (as the API gives it, e.g. "alliance:hoa binh")')
    .option('--depth <n>', 'hops around the centre (1–3)', '1')
    .option('--types <types>', 'only nodes of these types, comma-separated (Province, Alliance, Official, Meeting, Agency, Award, Cooperative)')
    .option('--province <name>', 'the network of a province (accent-insensitive)')
    .option('--from <day>', 'earliest date, YYYY-MM-DD')
    .option('--to <day>', 'latest date, YYYY-MM-DD')
    .option('--all', 'the whole graph')
    .option('--include-structural', 'measure over LOCATED_IN, MERGED_INTO and MENTIONS too (default: actor relationships only)')
    .option('--no-bom', 'CSV without the UTF-8 byte-order mark (Excel on Windows needs it to read Vietnamese)');
}

/** Runs `hoptac export` on its arguments; resolves with the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = exportCommand();
  if (!parseCommand(program, argv)) return Number(process.exitCode ?? EXIT.usage);
  return runExport(program.opts<Options>());
}

async function runExport(options: Options): Promise<number> {
  const { format, out, types, includeStructural, bom, ...selector } = options;
  const toStdout = isStdio(out);
  if (toStdout && format === 'csv') throw new UsageError('--out -: csv writes two files; use --format csv-nodes or csv-edges to write one to stdout');
  const base = out.replace(/\.(graphml|gexf|cyjs|json|csv)$/i, '');
  const formats: ExportFormat[] = format === 'csv' ? ['csv-nodes', 'csv-edges'] : [format];
  const pathOf = (single: ExportFormat, fileName: string) => (format === 'csv' ? fileName : out);
  const present = Object.entries({ ...selector, ...(types ? { types: types.split(',').map((t) => t.trim()) } : {}) }).filter(([, v]) => v !== undefined && v !== '');
  const planned = planSelection(Object.fromEntries(present));
  if (!planned.ok) throw new UsageError(planned.reason);
  const { plan } = planned;
  if (!toStdout) for (const single of formats) await assertWritable(pathOf(single, `${base}.${single === 'csv-nodes' ? 'nodes' : 'edges'}.csv`));
  const config = readCliConfig();
  if (config === null) return EXIT.usage;
  const database = await openDatabase(config.neo4j);
  try {
    const read = await readSelection(database.gateway, plan);
    if (!read.ok) throw new UsageError(`--${read.unknown.field}: ${describeUnknownSelection(read.unknown)}`);
    const { subgraph } = read;
    if (subgraph.nodes.length === 0) process.stderr.write(`export: the selection (${plan.description}) is empty\n`);
    const table = tabulateNetwork(subgraph, computeMetrics(subgraph, { includeStructural: includeStructural === true }));
    for (const single of formats) {
      const file = renderTable(table, single, base, { bom });
      const summary = `${subgraph.nodes.length} nodes, ${subgraph.edges.length} edges (${plan.description})`;
      if (toStdout) {
        await new Promise<void>((done, fail) => process.stdout.write(file.content, (error) => (error ? fail(error) : done())));
        process.stderr.write(`export: ${summary}\n`);
      } else {
        const path = pathOf(single, file.fileName);
        await writeFile(path, file.content, 'utf8');
        process.stdout.write(`${path}: ${summary}\n`);
      }
    }
    return EXIT.ok;
  } finally {
    await database.close();
  }
}

/** Refuses, before any work, an output that cannot be written (a missing or read-only folder, a folder as the file). */
async function assertWritable(path: string): Promise<void> {
  try {
    const existing = await stat(path).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error)));
    if (existing?.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    await access(existing ? path : dirname(path), constants.W_OK);
  } catch (error) {
    throw new UsageError(`--out: ${describeFileError(error as NodeJS.ErrnoException, path, 'write')}`);
  }
}
