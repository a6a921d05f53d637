import type { Subgraph } from '../graph/subgraph.ts';
import { fetchNeighborhood, fetchNetwork, fetchReport } from './api/network-reads.ts';
import { fetchNodeDetails, hasDetails } from './api/node-details.ts';
import type { ApiFailure, ApiResult } from './api/graphql-client.ts';
import { DateRange } from './controls/date-range.ts';
import { EntitySearch } from './controls/entity-search.ts';
import { Legend } from './controls/legend.ts';
import { currentLanguage, LANGUAGES, onLanguageChange, setLanguage, startI18n, t, type Language } from './i18n/i18n.ts';
import { startAnalysis } from './network/analysis-client.ts';
import { LAYOUTS, type LayoutName } from './network/analysis-protocol.ts';
import { downloadShown, type DownloadKind } from './network/downloads.ts';
import { NetworkView, type ColourScheme, type LayoutProgress, type LayoutReport, type SizeMeasure } from './network/network-view.ts';
import { findElement } from './panels/dom.ts';
import { showEdgePanel } from './panels/edge-panel.ts';
import { showNodePanel } from './panels/node-panel.ts';
import { showReportPanel } from './panels/report-panel.ts';
import type { EntityPick, PageActions } from './page-actions.ts';
import { OverviewView } from './views/overview-view.ts';
import { PathView } from './views/path-view.ts';
import { StatisticsView } from './views/statistics-view.ts';
import { TimelineView } from './views/timeline-view.ts';

/** The views of the page, one tab each. */
const VIEWS = ['overview', 'network', 'paths', 'timeline', 'statistics'] as const;
type ViewName = (typeof VIEWS)[number];

await startI18n();

const status = findElement<HTMLParagraphElement>('status');
const details = findElement<HTMLElement>('details');
const depth = findElement<HTMLSelectElement>('depth');
const province = findElement<HTMLInputElement>('province');
let lastLayout: LayoutReport | null = null;
let lastMessage: (() => string) | null = null;
let baseName = 'hoptac-network';

/** Shows a message in the status line; given as a function, it is said again in a new language. */
function report(message: string | (() => string), isError = false): void {
  lastMessage = typeof message === 'string' ? () => message : message;
  status.textContent = lastMessage();
  status.classList.toggle('error', isError);
}

function reportFailure(failure: ApiFailure): void {
  report(`${failure.message} (${failure.code})`, true);
}

function describe(layout: LayoutReport): string {
  const algorithm = layout.algorithm === 'none' ? t('layout.kept') : t(`layout.${layout.algorithm}`);
  return t('status.shown', { nodes: layout.nodes, edges: layout.edges, algorithm, ms: Math.round(layout.ms) });
}

function describeProgress(progress: LayoutProgress): string {
  return progress.phase === 'layout' ? t('status.layingOut', { count: progress.nodes, percent: progress.percent }) : t('status.drawing', { count: progress.nodes });
}

const actions: PageActions & { expand(id: string): void; showSubgraph(subgraph: Subgraph, name: string): void } = {
  openEntity: (entity) => void openEntity(entity),
  inspectEntity: (entity) => void inspectEntity(entity),
  openReport: (reportId, start, end) => void openReport(reportId, start, end),
  showTimeline: (entity) => {
    selectView('timeline');
    void timeline.show(entity);
    remember({ view: 'timeline', id: entity.id, type: entity.type, name: entity.name });
  },
  showPaths: (from) => {
    selectView('paths');
    paths.setEnd('from', from);
  },
  showStatistics: (name) => {
    selectView('statistics');
    void statistics.show(name, true);
    remember({ view: 'statistics', province: name, rollup: 'true' });
  },
  expand: (id) => void expand(id),
  showSubgraph: (subgraph, name) => {
    selectView('network');
    void show({ ok: true, data: subgraph }, null, `hoptac-${slugify(name)}`);
  },
};

const view = new NetworkView(findElement('network'), startAnalysis(), {
  onNode: (node) => void inspectEntity({ id: node.id, type: node.type, name: node.name }),
  onEdge: (edge, source, target) => showEdgePanel(details, edge, source, target, (id, start, end) => void openReport(id, start, end)),
  onExpand: (id) => void expand(id),
  onBackground: () => view.select(null),
  onProgress: (progress) => report(() => describeProgress(progress)),
});
const legend = new Legend(findElement('legend'), findElement('community-legend'), () => void applyFilters());
const dateRange = new DateRange(findElement('date-histogram'), findElement('date-from'), findElement('date-to'), () => void applyFilters());
const overview = new OverviewView(findElement('view-overview'), actions);
const paths = new PathView(findElement('view-paths'), actions);
const timeline = new TimelineView(findElement('view-timeline'), actions);
const statistics = new StatisticsView(findElement('view-statistics'), actions);

/** After every change of what is shown: the legend's counts, the histogram's events, the status line. */
function afterChange(layout: LayoutReport): void {
  lastLayout = layout;
  updateLegend();
  dateRange.setEvents(view.loadedNodes().flatMap((node) => (node.date && (node.type === 'Meeting' || node.type === 'Award') ? [node.date] : [])));
  report(() => describe(layout));
}

function updateLegend(): void {
  legend.update({
    loaded: view.loadedNodes(),
    shown: view.shownSubgraph().nodes,
    metrics: view.shownMetrics(),
    colourBy: findElement<HTMLSelectElement>('colour-by').value as ColourScheme,
  });
}

async function show(result: ApiResult<Subgraph>, centre: string | null, name: string): Promise<void> {
  if (!result.ok) return reportFailure(result);
  if (result.data.nodes.length === 0) return report(() => t('status.nothing'), true);
  baseName = name;
  afterChange(await view.replace(result.data, centre));
}

async function loadAround(id: string): Promise<void> {
  report(() => t('status.loading'));
  const chosenDepth = Number(depth.value);
  remember({ id, depth: String(chosenDepth) });
  await show(await fetchNeighborhood(id, chosenDepth), id, `hoptac-${slugify(id)}-depth${chosenDepth}`);
}

async function expand(id: string): Promise<void> {
  report(() => t('status.expanding'));
  const result = await fetchNeighborhood(id, 1);
  if (!result.ok) return reportFailure(result);
  afterChange(await view.merge(result.data, id));
}

async function loadSelection(selection: { province?: string; from?: string; to?: string; all?: boolean }): Promise<void> {
  report(() => t('status.loading'));
  selectView('network');
  remember(Object.fromEntries(Object.entries(selection).map(([key, value]) => [key, String(value)])));
  const name = selection.province ? `province-${slugify(selection.province)}` : `${selection.from ?? 'start'}-${selection.to ?? 'end'}`;
  await show(await fetchNetwork(selection), null, `hoptac-${name}`);
}

async function openEntity(entity: EntityPick): Promise<void> {
  selectView('network');
  void inspectEntity(entity);
  await loadAround(entity.id);
}

async function inspectEntity(entity: EntityPick): Promise<void> {
  view.select(entity.id);
  if (!hasDetails(entity.type)) return;
  details.setAttribute('aria-busy', 'true');
  const found = await fetchNodeDetails(entity.id, entity.type);
  details.setAttribute('aria-busy', 'false');
  if (!found.ok) return reportFailure(found);
  if (!found.data) return report(() => t('status.gone', { name: entity.name }), true);
  const nodeDetails = found.data;
  const render = () => showNodePanel(details, nodeDetails, view.shownMetrics().nodes.get(entity.id), actions);
  render();
  panelRenderer = render;
}

async function openReport(id: string, start?: number, end?: number): Promise<void> {
  const result = await fetchReport(id);
  if (!result.ok) return reportFailure(result);
  if (!result.data) return report(() => t('status.reportGone', { id }), true);
  const text = result.data;
  const render = () => showReportPanel(details, text, start, end);
  render();
  panelRenderer = render;
}

/** Draws the side panel again in a new language. */
let panelRenderer: (() => void) | null = null;

async function applyFilters(): Promise<void> {
  afterChange(await view.setFilters({ hiddenTypes: new Set(legend.hiddenTypes()), window: dateRange.window() }));
}

function selectView(name: ViewName): void {
  for (const candidate of VIEWS) {
    const tab = findElement(`tab-${candidate}`);
    tab.setAttribute('aria-selected', String(candidate === name));
    tab.tabIndex = candidate === name ? 0 : -1;
    findElement(`view-${candidate}`).hidden = candidate !== name && candidate !== 'network';
  }
  document.body.dataset.view = name;
  if (name === 'overview') void overview.load();
  if (name === 'statistics') void statistics.loadProvinces();
}

/** Keeps the view in the address, so it can be shared as a link. */
function remember(params: Record<string, string>): void {
  const next = new URLSearchParams(params);
  const language = new URLSearchParams(location.search).get('lang');
  if (language) next.set('lang', language);
  history.replaceState(null, '', `?${next}`);
}

function slugify(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60);
}

function wireControls(): void {
  new EntitySearch(findElement('search-input'), findElement('search-results'), (hit) => void openEntity(hit), (message, isError) => report(message, isError));
  for (const tab of document.querySelectorAll<HTMLButtonElement>('#tabs [data-view]')) {
    tab.addEventListener('click', () => selectView(tab.dataset.view as ViewName));
    tab.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      const index = VIEWS.indexOf(tab.dataset.view as ViewName);
      const next = VIEWS[(index + (event.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length]!;
      selectView(next);
      findElement(`tab-${next}`).focus();
    });
  }
  for (const choice of document.querySelectorAll<HTMLButtonElement>('#language [data-language]')) {
    choice.addEventListener('click', () => void setLanguage(choice.dataset.language as Language));
  }
  findElement('load-province').addEventListener('click', () => {
    const range = dateRange.window() ?? {};
    if (province.value.trim()) void loadSelection({ province: province.value.trim(), ...range });
    else report(() => t('status.typeProvince'), true);
  });
  findElement('load-range').addEventListener('click', () => {
    const range = dateRange.window();
    if (range?.from || range?.to) void loadSelection({ ...range });
    else report(() => t('status.chooseDates'), true);
  });
  findElement<HTMLSelectElement>('size-by').addEventListener('change', (event) => {
    void view.setSizing((event.target as HTMLSelectElement).value as SizeMeasure);
  });
  findElement<HTMLSelectElement>('colour-by').addEventListener('change', (event) => {
    void view.setColouring((event.target as HTMLSelectElement).value as ColourScheme).then(updateLegend);
  });
  const layout = findElement<HTMLSelectElement>('layout');
  const relayout = async () => {
    if (!LAYOUTS.includes(layout.value as LayoutName)) return;
    afterChange(await view.setLayout(layout.value as LayoutName));
  };
  layout.addEventListener('change', () => void relayout());
  findElement('relayout').addEventListener('click', () => void relayout());
  findElement('zoom-in').addEventListener('click', () => view.zoom(1.5));
  findElement('zoom-out').addEventListener('click', () => view.zoom(1 / 1.5));
  findElement('zoom-fit').addEventListener('click', () => view.fit());
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-download]')) {
    button.addEventListener('click', () => void downloadShown(view, button.dataset.download as DownloadKind, baseName));
  }
  onLanguageChange(() => {
    markLanguage();
    updateLegend();
    if (lastMessage) status.textContent = lastMessage();
    panelRenderer?.();
  });
  markLanguage();
}

function markLanguage(): void {
  for (const choice of document.querySelectorAll<HTMLButtonElement>('#language [data-language]')) {
    choice.setAttribute('aria-pressed', String(choice.dataset.language === currentLanguage()));
  }
}

/** Opens what the address asks for, so a view can be shared as a link; with nothing asked, the overview. */
async function openFromAddress(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const id = params.get('id');
  const wanted = params.get('view');
  if (params.get('depth')) depth.value = params.get('depth') ?? '2';
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const range = from || to ? { ...(from ? { from } : {}), ...(to ? { to } : {}) } : null;
  if (wanted === 'timeline' && id) return actions.showTimeline({ id, type: params.get('type') ?? '', name: params.get('name') ?? id });
  if (wanted === 'statistics' && params.get('province')) return actions.showStatistics(params.get('province') ?? '');
  if (id) {
    selectView('network');
    return loadAround(id);
  }
  if (params.get('province')) return loadSelection({ province: params.get('province') ?? '', ...(range ?? {}) });
  if (range) {
    dateRange.setWindow(range);
    return loadSelection(range);
  }
  if (params.get('all') === 'true') return loadSelection({ all: true });
  selectView(VIEWS.includes(wanted as ViewName) ? (wanted as ViewName) : 'overview');
}

/** Hooks for automated checks (browser tests, the large-network benchmark): read-only views of the page's state. */
Object.assign(window, {
  hoptac: {
    view,
    languages: LANGUAGES,
    lastLayout: () => lastLayout,
    shownNodes: () => view.shownSubgraph().nodes,
    locate: (id: string) => view.locate(id),
    drawnPositions: () => view.drawnPositions(),
    drawnLabels: () => view.drawnLabels(),
    show: async (subgraph: Subgraph) => {
      selectView('network');
      const layout = await view.replace(subgraph, null);
      afterChange(layout);
      return layout;
    },
  },
});

wireControls();
updateLegend();
void openFromAddress();
