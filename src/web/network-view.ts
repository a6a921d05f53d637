import cytoscape from 'cytoscape';
import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { colorOfType } from '../export/palette.ts';
import { restrictToWindow, type DateWindow } from '../export/selector.ts';
import type { Subgraph, SubgraphEdge, SubgraphNode } from '../graph/subgraph.ts';
import type { NetworkMetrics, NodeMetrics } from '../metrics/compute-metrics.ts';
import type { Analysis } from './analysis-client.ts';
import { createStylesheet } from './view-style.ts';

cytoscape.use(fcose);
cytoscape.use(svg);

export type SizeMeasure = 'degree' | 'pagerank' | 'betweenness' | 'none';
export type ColourScheme = 'type' | 'community';
export type ViewFilters = { hiddenTypes: ReadonlySet<string>; window: DateWindow | null };

/** How a layout went: which algorithm, on how much, and how long until the result was drawn. */
export type LayoutReport = { algorithm: 'fcose' | 'forceatlas2'; nodes: number; edges: number; ms: number; workerMs: number };

/** What the page does when the analyst clicks, double-clicks or clicks the background. */
export type ViewHandlers = {
  onNode(node: SubgraphNode, metrics: NodeMetrics | undefined): void;
  onEdge(edge: SubgraphEdge, source: SubgraphNode, target: SubgraphNode): void;
  onExpand(id: string): void;
  onBackground(): void;
};

/** Above this many nodes fCoSE (main thread) gives way to ForceAtlas2 in the worker. */
const fcoseLimit = 400;
/** Above this many edges, edges are drawn as straight haystack lines without arrows. */
const denseEdgeLimit = 1200;
/** The closest a fit zooms in: 1 keeps labels at their drawn size. */
const maxFitZoom = 1.2;
const communityColors = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#1f78b4', '#b2df8a', '#fb9a99', '#cab2d6', '#ff7f00'];
const goldenAngle = Math.PI * (3 - Math.sqrt(5));

/**
 * The interactive network: keeps every node and edge loaded so far, shows the part
 * that passes the filters, sizes and colours nodes by the metrics of what is shown,
 * and lays it out without blocking the page.
 */
export class NetworkView {
  readonly cy: Core;
  private readonly nodes = new Map<string, SubgraphNode>();
  private readonly edges = new Map<string, SubgraphEdge>();
  private filters: ViewFilters = { hiddenTypes: new Set(), window: null };
  private sizeBy: SizeMeasure = 'degree';
  private colourBy: ColourScheme = 'type';
  private metrics: NetworkMetrics = { nodes: new Map(), communityCount: 0, modularity: 0 };

  constructor(container: HTMLElement, private readonly analysis: Analysis, handlers: ViewHandlers) {
    this.cy = cytoscape({ container, style: createStylesheet(), minZoom: 0.05, maxZoom: 4 });
    this.cy.on('tap', 'node', (event) => {
      const node = this.nodes.get(event.target.id());
      if (node) handlers.onNode(node, this.metrics.nodes.get(node.id));
    });
    this.cy.on('dbltap', 'node', (event) => handlers.onExpand(event.target.id()));
    this.cy.on('tap', 'edge', (event) => {
      const edge = this.edges.get(event.target.id());
      const source = edge && this.nodes.get(edge.source);
      const target = edge && this.nodes.get(edge.target);
      if (edge && source && target) handlers.onEdge(edge, source, target);
    });
    this.cy.on('tap', (event) => {
      if (event.target === this.cy) handlers.onBackground();
    });
  }

  /** Replaces everything on screen with a subgraph and lays it out afresh. */
  async replace(subgraph: Subgraph, centre: string | null): Promise<LayoutReport> {
    this.nodes.clear();
    this.edges.clear();
    this.cy.elements().remove();
    this.add(subgraph, null);
    this.cy.nodes().removeClass('centre');
    if (centre) this.cy.getElementById(centre).addClass('centre');
    return this.refresh(false);
  }

  /** Adds a subgraph (an expanded neighbourhood) next to an anchor node and lays out from there. */
  async merge(subgraph: Subgraph, anchor: string): Promise<LayoutReport> {
    this.add(subgraph, anchor);
    return this.refresh(true);
  }

  /** Shows only what passes the type and date filters; metrics and layout follow. */
  async setFilters(filters: ViewFilters): Promise<LayoutReport> {
    this.filters = filters;
    return this.refresh(true);
  }

  /** Sizes nodes by a measure of the shown network. */
  setSizing(measure: SizeMeasure): void {
    this.sizeBy = measure;
    this.paint();
  }

  /** Colours nodes by entity type or by Louvain community. */
  setColouring(scheme: ColourScheme): void {
    this.colourBy = scheme;
    this.paint();
  }

  /** The network as shown (filters applied), ready for the exporters. */
  shownSubgraph(): Subgraph {
    const nodeIds = new Set(this.cy.nodes().not('.hidden').map((node) => node.id()));
    return {
      nodes: [...this.nodes.values()].filter((node) => nodeIds.has(node.id)),
      edges: [...this.edges.values()].filter((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target)),
    };
  }

  /** The metrics of the network as shown. */
  shownMetrics(): NetworkMetrics {
    return this.metrics;
  }

  /** Where an element is drawn, in page coordinates (for automation and keyboard focus). */
  locate(id: string): { x: number; y: number } | null {
    const element = this.cy.getElementById(id);
    if (element.empty() || element.hasClass('hidden')) return null;
    const point = element.isEdge() ? element.renderedMidpoint() : (element as NodeSingular).renderedPosition();
    const box = this.cy.container()?.getBoundingClientRect();
    return box ? { x: box.left + point.x, y: box.top + point.y } : null;
  }

  private add(subgraph: Subgraph, anchor: string | null): void {
    const origin = anchor ? this.cy.getElementById(anchor).position() : { x: 0, y: 0 };
    const definitions: ElementDefinition[] = [];
    let placed = 0;
    for (const node of subgraph.nodes) {
      if (this.nodes.has(node.id)) continue;
      this.nodes.set(node.id, node);
      placed += 1;
      const radius = (anchor ? 40 : 30) * Math.sqrt(placed);
      const angle = placed * goldenAngle;
      definitions.push({
        group: 'nodes',
        data: { id: node.id, name: node.name, type: node.type, color: colorOfType(node.type), size: 22 },
        position: { x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) },
      });
    }
    for (const edge of subgraph.edges) {
      if (this.edges.has(edge.id) || !this.nodes.has(edge.source) || !this.nodes.has(edge.target)) continue;
      this.edges.set(edge.id, edge);
      definitions.push({ group: 'edges', data: { id: edge.id, source: edge.source, target: edge.target, type: edge.type } });
    }
    this.cy.add(definitions);
  }

  private async refresh(incremental: boolean): Promise<LayoutReport> {
    this.applyFilters();
    const shown = this.shownSubgraph();
    const [{ metrics }, report] = await Promise.all([this.analysis.measure(shown), this.layout(incremental)]);
    this.metrics = metrics;
    this.paint();
    return report;
  }

  private applyFilters(): void {
    const typed: Subgraph = {
      nodes: [...this.nodes.values()].filter((node) => !this.filters.hiddenTypes.has(node.type)),
      edges: [...this.edges.values()],
    };
    const kept = restrictToWindow(typed, this.filters.window);
    const keptIds = new Set(kept.nodes.map((node) => node.id));
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        node.toggleClass('hidden', !keptIds.has(node.id()));
      });
      let shownEdges = 0;
      this.cy.edges().forEach((edge) => {
        const shown = keptIds.has(edge.source().id()) && keptIds.has(edge.target().id());
        edge.toggleClass('hidden', !shown);
        if (shown) shownEdges += 1;
      });
      this.cy.edges().toggleClass('dense', shownEdges > denseEdgeLimit);
    });
  }

  private paint(): void {
    const shown = this.cy.nodes().not('.hidden');
    const values = shown.map((node) => this.measureOf(node.id()));
    const largest = Math.max(0, ...values);
    this.cy.batch(() => {
      shown.forEach((node) => {
        const measured = this.metrics.nodes.get(node.id());
        const color = this.colourBy === 'community' && measured
          ? communityColors[measured.community % communityColors.length] ?? '#555555'
          : colorOfType(String(node.data('type')));
        const share = largest > 0 ? this.measureOf(node.id()) / largest : 0;
        node.data({ color, size: this.sizeBy === 'none' ? 22 : 16 + 34 * Math.sqrt(share) });
      });
    });
  }

  private measureOf(id: string): number {
    const measured = this.metrics.nodes.get(id);
    if (!measured || this.sizeBy === 'none') return 0;
    return measured[this.sizeBy];
  }

  private async layout(incremental: boolean): Promise<LayoutReport> {
    const shown = this.cy.elements().not('.hidden');
    const nodes = shown.nodes();
    const started = performance.now();
    let workerMs = 0;
    let algorithm: LayoutReport['algorithm'] = 'fcose';
    if (nodes.length <= fcoseLimit) {
      const layout = shown.layout({
        name: 'fcose', animate: false, randomize: !incremental, fit: false, quality: 'default',
        idealEdgeLength: 110, nodeRepulsion: 9000, nodeSeparation: 110,
      } as cytoscape.LayoutOptions);
      const done = layout.promiseOn('layoutstop');
      layout.run();
      await done;
    } else {
      algorithm = 'forceatlas2';
      const seed = nodes.map((node) => ({ id: node.id(), ...node.position() }));
      const links = shown.edges().map((edge): [string, string] => [edge.source().id(), edge.target().id()]);
      const result = await this.analysis.layout(seed, links, incremental ? 120 : 300);
      workerMs = result.ms;
      this.placeScaled(nodes, result.positions);
    }
    this.fitShown(shown);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return { algorithm, nodes: nodes.length, edges: shown.edges().length, ms: performance.now() - started, workerMs };
  }

  /** Fits what is shown, but never zooms a small network in so far that labels turn huge. */
  private fitShown(shown: cytoscape.CollectionReturnValue): void {
    this.cy.fit(shown, 30);
    if (this.cy.zoom() > maxFitZoom) {
      this.cy.zoom(maxFitZoom);
      this.cy.center(shown);
    }
  }

  /** ForceAtlas2 coordinates have no unit: scale them so nodes keep room around them. */
  private placeScaled(nodes: cytoscape.NodeCollection, positions: Record<string, { x: number; y: number }>): void {
    const points = Object.values(positions);
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const diagonal = Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) || 1;
    const scale = (Math.sqrt(points.length) * 70) / diagonal;
    this.cy.batch(() => {
      nodes.forEach((node) => {
        const position = positions[node.id()];
        if (position) node.position({ x: position.x * scale, y: position.y * scale });
      });
    });
  }
}
