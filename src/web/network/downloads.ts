import { renderTable, type ExportFormat } from '../../export/render-export.ts';
import { tabulateNetwork } from '../../export/network-table.ts';
import type { NetworkView } from './network-view.ts';

/** Everything the download buttons offer: pictures and the analyst formats. */
export type DownloadKind = 'png' | 'svg' | ExportFormat;

/** Saves what is shown, as a picture or in an export format whose metrics are those of the shown network. */
export async function downloadShown(view: NetworkView, kind: DownloadKind, baseName: string): Promise<void> {
  switch (kind) {
    case 'png': {
      saveBlob(await view.toPng(), `${baseName}.png`);
      return;
    }
    case 'svg': {
      saveBlob(new Blob([view.toSvg()], { type: 'image/svg+xml' }), `${baseName}.svg`);
      return;
    }
    case 'graphml':
    case 'gexf':
    case 'cyjs':
    case 'csv-nodes':
    case 'csv-edges': {
      const file = renderTable(tabulateNetwork(view.shownSubgraph(), view.shownMetrics()), kind, baseName);
      saveBlob(new Blob([file.content], { type: `${file.mediaType};charset=utf-8` }), file.fileName);
      return;
    }
    default: {
      const unknownKind: never = kind;
      throw new Error(`unknown download ${String(unknownKind)}`);
    }
  }
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
