import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { selectSubgraph } from '../api/analytics/select-subgraph.ts';
import { readCliConfig } from './read-config.ts';
import { tabulateNetwork } from '../export/network-table.ts';
import { renderTable, type ExportFormat } from '../export/render-export.ts';
import { openDatabase } from '../graph/database.ts';
import { computeMetrics } from '../metrics/compute-metrics.ts';

/**
 * `npm run export -- --format graphml|gexf|cyjs|csv [--province …] [--from … --to …]
 * [--around ID --depth N] [--all] --out FILE`: writes a subgraph for Gephi, Cytoscape or a
 * spreadsheet, each node with its degree, PageRank, betweenness and Louvain community.
 * `csv` writes two files next to FILE: `<name>.nodes.csv` and `<name>.edges.csv`.
 */
const program = new Command()
  .name('export')
  .description('Export a subgraph (neighbourhood, province, date range or the whole graph) to a network file.')
  .addOption(new Option('--format <format>', 'file format').choices(['graphml', 'gexf', 'cyjs', 'csv']).makeOptionMandatory())
  .requiredOption('--out <file>', 'where to write (for csv: the base name of the two files)')
  .option('--around <id>', 'centre entity id of a neighbourhood (as the API gives it, e.g. "alliance:hoa binh")')
  .option('--depth <n>', 'hops around the centre (1–3)', '1')
  .option('--types <types>', 'only neighbours of these types, comma-separated (e.g. Official,Meeting)')
  .option('--province <name>', 'the network of a province (accent-insensitive)')
  .option('--from <day>', 'earliest date, YYYY-MM-DD')
  .option('--to <day>', 'latest date, YYYY-MM-DD')
  .option('--all', 'the whole graph')
  .parse();

type Options = { format: 'graphml' | 'gexf' | 'cyjs' | 'csv'; out: string; around?: string; depth: string; types?: string; province?: string; from?: string; to?: string; all?: boolean };
process.exitCode = await runExport(program.opts<Options>());

async function runExport(options: Options): Promise<number> {
  const config = readCliConfig();
  if (config === null) return 2;
  const database = await openDatabase(config.neo4j);
  try {
    const { format, out, types, ...selector } = options;
    const selected = await selectSubgraph(database.gateway, { ...selector, ...(types ? { types: types.split(',').map((t) => t.trim()) } : {}) });
    if (!selected.ok) {
      process.stderr.write(`export: ${selected.reason}\n`);
      return 2;
    }
    const { subgraph, plan } = selected;
    if (subgraph.nodes.length === 0) process.stderr.write(`export: the selection (${plan.description}) is empty\n`);
    const table = tabulateNetwork(subgraph, computeMetrics(subgraph));
    const base = out.replace(/\.(graphml|gexf|cyjs|json|csv)$/i, '');
    const formats: ExportFormat[] = format === 'csv' ? ['csv-nodes', 'csv-edges'] : [format];
    for (const single of formats) {
      const file = renderTable(table, single, base);
      const path = format === 'csv' ? file.fileName : out;
      await writeFile(path, file.content, 'utf8');
      process.stdout.write(`${path}: ${subgraph.nodes.length} nodes, ${subgraph.edges.length} edges (${plan.description})\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}
