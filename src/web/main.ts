import { colorOfType, typeColors } from '../export/palette.ts';
import type { Subgraph } from '../graph/subgraph.ts';
import { startAnalysis } from './analysis-client.ts';
import { showEdgeDetails, showNodeDetails, showReport } from './details-panel.ts';
import { downloadShown, type DownloadKind } from './downloads.ts';
import { fetchNeighborhood, fetchNetwork, fetchReport, searchEntities, type ApiResult } from './graphql-client.ts';
import { NetworkView, type ColourScheme, type LayoutReport, type SizeMeasure } from './network-view.ts';

/** The types a network can show (reports and statistics are reached from evidence, not drawn). */
const drawnTypes = Object.keys(typeColors).filter((type) => type !== 'Report' && type !== 'Statistic');

function findElement<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
}

const status = findElement<HTMLParagraphElement>('status');
const details = findElement<HTMLElement>('details');
const depth = findElement<HTMLSelectElement>('depth');
const dateFrom = findElement<HTMLInputElement>('date-from');
const dateTo = findElement<HTMLInputElement>('date-to');
const province = findElement<HTMLInputElement>('province');
let lastLayout: LayoutReport | null = null;
let baseName = 'hoptac-network';

function report(message: string, isError = false): void {
  status.textContent = message;
  status.classList.toggle('error', isError);
}

const view = new NetworkView(findElement('network'), startAnalysis(), {
  onNode: (node, metrics) => showNodeDetails(details, node, metrics, () => void expand(node.id)),
  onEdge: (edge, source, target) => showEdgeDetails(details, edge, source, target, (id, start, end) => void openReport(id, start, end)),
  onExpand: (id) => void expand(id),
  onBackground: () => undefined,
  onProgress: (message) => report(message),
});

function describe(layout: LayoutReport): string {
  return `${layout.nodes} nodes, ${layout.edges} edges · ${layout.algorithm} layout ${Math.round(layout.ms)} ms`;
}

async function show(result: ApiResult<Subgraph>, centre: string | null, name: string): Promise<void> {
  if (!result.ok) return report(`${result.message} (${result.code})`, true);
  if (result.data.nodes.length === 0) return report('Nothing to show for this selection.', true);
  report(`Laying out ${result.data.nodes.length} nodes…`);
  baseName = name;
  lastLayout = await view.replace(result.data, centre);
  report(describe(lastLayout));
}

async function loadAround(id: string): Promise<void> {
  report('Loading…');
  const chosenDepth = Number(depth.value);
  history.replaceState(null, '', `?${new URLSearchParams({ id, depth: String(chosenDepth) })}`);
  await show(await fetchNeighborhood(id, chosenDepth), id, `hoptac-${slugify(id)}-depth${chosenDepth}`);
}

async function expand(id: string): Promise<void> {
  report('Expanding…');
  const result = await fetchNeighborhood(id, 1);
  if (!result.ok) return report(`${result.message} (${result.code})`, true);
  lastLayout = await view.merge(result.data, id);
  report(describe(lastLayout));
}

async function loadSelection(selection: { province?: string; from?: string; to?: string; all?: boolean }): Promise<void> {
  report('Loading…');
  history.replaceState(null, '', `?${new URLSearchParams(Object.entries(selection).map(([k, v]) => [k, String(v)]))}`);
  const name = selection.province ? `province-${slugify(selection.province)}` : `${selection.from ?? 'start'}-${selection.to ?? 'end'}`;
  await show(await fetchNetwork(selection), null, `hoptac-${name}`);
}

async function openReport(id: string, start: number, end: number): Promise<void> {
  const result = await fetchReport(id);
  if (!result.ok) return report(`${result.message} (${result.code})`, true);
  if (!result.data) return report(`Report ${id} is not in the graph any more.`, true);
  showReport(details, result.data, start, end);
}

function slugify(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60);
}

function buildTypeFilter(): void {
  const fieldset = findElement<HTMLFieldSetElement>('type-filter');
  for (const type of drawnTypes) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = true;
    box.value = type;
    box.addEventListener('change', () => void applyFilters());
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colorOfType(type);
    label.append(box, swatch, type);
    fieldset.append(label);
  }
}

function buildLegend(scheme: ColourScheme): void {
  const legend = findElement<HTMLUListElement>('legend');
  if (scheme === 'community') {
    const metrics = view.shownMetrics();
    legend.replaceChildren(Object.assign(document.createElement('li'), {
      textContent: `${metrics.communityCount} communities, modularity ${metrics.modularity.toFixed(3)}`,
    }));
    return;
  }
  legend.replaceChildren(...drawnTypes.map((type) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colorOfType(type);
    item.append(swatch, ` ${type}`);
    return item;
  }));
}

async function applyFilters(): Promise<void> {
  const hiddenTypes = new Set(
    [...document.querySelectorAll<HTMLInputElement>('#type-filter input')].filter((box) => !box.checked).map((box) => box.value),
  );
  const window = dateFrom.value || dateTo.value
    ? { ...(dateFrom.value ? { from: dateFrom.value } : {}), ...(dateTo.value ? { to: dateTo.value } : {}) }
    : null;
  lastLayout = await view.setFilters({ hiddenTypes, window });
  report(describe(lastLayout));
}

function wireControls(): void {
  const results = findElement<HTMLUListElement>('search-results');
  findElement<HTMLFormElement>('search-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = findElement<HTMLInputElement>('search-input').value.trim();
    if (!text) return;
    const found = await searchEntities(text);
    if (!found.ok) return report(`${found.message} (${found.code})`, true);
    report(found.data.length === 0 ? `Nothing found for “${text}”.` : `${found.data.length} found.`);
    results.replaceChildren(...found.data.map((hit) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.id = hit.id;
      const kind = document.createElement('span');
      kind.className = 'type';
      kind.textContent = ` ${hit.type}`;
      button.append(hit.name, kind);
      button.addEventListener('click', () => void loadAround(hit.id));
      item.append(button);
      return item;
    }));
  });
  findElement('load-province').addEventListener('click', () => {
    if (province.value.trim()) void loadSelection({ province: province.value.trim(), ...dateRange() });
    else report('Type a province first.', true);
  });
  findElement('load-range').addEventListener('click', () => {
    const range = dateRange();
    if (range.from || range.to) void loadSelection(range);
    else report('Choose a from or to date first.', true);
  });
  dateFrom.addEventListener('change', () => void applyFilters());
  dateTo.addEventListener('change', () => void applyFilters());
  findElement<HTMLSelectElement>('size-by').addEventListener('change', (event) => {
    void view.setSizing((event.target as HTMLSelectElement).value as SizeMeasure);
  });
  findElement<HTMLSelectElement>('colour-by').addEventListener('change', (event) => {
    const scheme = (event.target as HTMLSelectElement).value as ColourScheme;
    void view.setColouring(scheme).then(() => buildLegend(scheme));
  });
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-download]')) {
    button.addEventListener('click', () => void downloadShown(view, button.dataset.download as DownloadKind, baseName));
  }
}

function dateRange(): { from?: string; to?: string } {
  return { ...(dateFrom.value ? { from: dateFrom.value } : {}), ...(dateTo.value ? { to: dateTo.value } : {}) };
}

/** Opens what the address asks for, so a view can be shared as a link. */
async function openFromAddress(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const id = params.get('id');
  if (params.get('depth')) depth.value = params.get('depth') ?? '2';
  if (id) return loadAround(id);
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const wanted = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  if (params.get('province')) return loadSelection({ province: params.get('province') ?? '', ...wanted });
  if (from || to) return loadSelection(wanted);
  if (params.get('all') === 'true') return loadSelection({ all: true });
}

/** Hooks for automated checks (browser test, layout benchmark): read-only views of the page's state. */
Object.assign(window, {
  hoptac: {
    view,
    lastLayout: () => lastLayout,
    shownNodes: () => view.shownSubgraph().nodes,
    locate: (id: string) => view.locate(id),
    drawnPositions: () => view.cy.nodes().map((node) => ({ id: node.id(), ...node.position() })),
    show: async (subgraph: Subgraph) => {
      lastLayout = await view.replace(subgraph, null);
      report(describe(lastLayout));
      return lastLayout;
    },
  },
});

buildTypeFilter();
buildLegend('type');
wireControls();
void openFromAddress();
