import type { Subgraph } from '../graph/subgraph.ts';
import { computeMetrics } from '../metrics/compute-metrics.ts';
import type { MetricsOptions } from '../metrics/compute-metrics.ts';
import { writeEdgesCsv, writeNodesCsv } from './csv.ts';
import { writeCytoscapeJson } from './cytoscape-json.ts';
import { writeGexf } from './gexf.ts';
import { writeGraphml } from './graphml.ts';
import { tabulateNetwork, type NetworkTable } from './network-table.ts';

/** Every single-file export; CSV comes as two files, a node list and an edge list. */
export const exportFormats = ['graphml', 'gexf', 'cyjs', 'csv-nodes', 'csv-edges'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** One downloadable file. */
export type ExportFile = { format: ExportFormat; fileName: string; mediaType: string; content: string };

/**
 * How a file is written. `bom` (default true) starts a CSV file with a UTF-8 byte-order mark:
 * without it Excel on Windows reads the file in the local code page and garbles Vietnamese.
 * Other formats declare their encoding themselves and never get one.
 */
export type RenderOptions = { bom?: boolean };

/** The UTF-8 byte-order mark as text. */
export const BYTE_ORDER_MARK = '\uFEFF';

/** Narrows outside text (a query parameter, a flag) to a known format. */
export function isExportFormat(value: string): value is ExportFormat {
  return (exportFormats as readonly string[]).includes(value);
}

/**
 * Renders a subgraph in one format, with degree, PageRank, betweenness and Louvain
 * community of each node (computed on this very subgraph) as node attributes.
 * `baseName` is the file name without extension.
 */
export function renderExport(subgraph: Subgraph, format: ExportFormat, baseName = 'hoptac-network', options: RenderOptions & MetricsOptions = {}): ExportFile {
  return renderTable(tabulateNetwork(subgraph, computeMetrics(subgraph, options)), format, baseName, options);
}

/** Renders an already tabulated network (lets a caller tabulate once and write several formats). */
export function renderTable(table: NetworkTable, format: ExportFormat, baseName: string, options: RenderOptions = {}): ExportFile {
  const bom = options.bom === false ? '' : BYTE_ORDER_MARK;
  switch (format) {
    case 'graphml':
      return { format, fileName: `${baseName}.graphml`, mediaType: 'application/graphml+xml', content: writeGraphml(table) };
    case 'gexf':
      return { format, fileName: `${baseName}.gexf`, mediaType: 'application/gexf+xml', content: writeGexf(table) };
    case 'cyjs':
      return { format, fileName: `${baseName}.cyjs`, mediaType: 'application/json', content: writeCytoscapeJson(table, baseName) };
    case 'csv-nodes':
      return { format, fileName: `${baseName}.nodes.csv`, mediaType: 'text/csv', content: bom + writeNodesCsv(table) };
    case 'csv-edges':
      return { format, fileName: `${baseName}.edges.csv`, mediaType: 'text/csv', content: bom + writeEdgesCsv(table) };
    default: {
      const unknownFormat: never = format;
      throw new Error(`unknown export format ${String(unknownFormat)}`);
    }
  }
}
