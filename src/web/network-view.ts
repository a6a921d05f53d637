import cytoscape from 'cytoscape';
import type { CollectionReturnValue, Core, NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { colorOfType } from '../export/palette.ts';
import { restrictToWindow, type DateWindow } from '../export/selector.ts';
import type { Subgraph, SubgraphEdge, SubgraphNode } from '../graph/subgraph.ts';
import type { NetworkMetrics, NodeMetrics } from '../metrics/compute-metrics.ts';
import type { Analysis } from './analysis-client.ts';
import type { Point } from './analysis-protocol.ts';
import { SlicePacer } from './slice-pacer.ts';
import { fitPoints, placeOnSpiral, scaleToRoom } from './placement.ts';
import { defaultSize, lookNodes, type ColourScheme, type SizeMeasure } from './node-looks.ts';
import { nameNodesInView } from './node-names.ts';
import { syncDrawing, type DrawPlan, type Look } from './sync-drawing.ts';
import { createStylesheet } from './view-style.ts';

cytoscape.use(fcose);
cytoscape.use(svg);

export type { ColourScheme, SizeMeasure } from './node-looks.ts';
export type ViewFilters = { hiddenTypes: ReadonlySet<string>; window: DateWindow | null };

/**
 * How a layout went: which algorithm, on how much, how long until the first part of the result
 * was on screen and until all of it was, and the layout worker's share of that.
 */
export type LayoutReport = { algorithm: 'fcose' | 'forceatlas2'; nodes: number; edges: number; firstDrawMs: number; ms: number; workerMs: number };

/** What the page does when the analyst clicks, double-clicks or clicks the background, and where progress is told. */
export type ViewHandlers = {
  onNode(node: SubgraphNode, metrics: NodeMetrics | undefined): void;
  onEdge(edge: SubgraphEdge, source: SubgraphNode, target: SubgraphNode): void;
  onExpand(id: string): void;
  onBackground(): void;
  onProgress(message: string): void;
};

/** Above this many shown nodes the network is large: ForceAtlas2 in the worker, drawn in slices, names only when zoomed in. */
const fcoseLimit = 400;
/** Above this many edges, edges are drawn as straight haystack lines without arrows. */
const denseEdgeLimit = 1200;
/** The closest a fit zooms in: 1 keeps labels at their drawn size. */
const maxFitZoom = 1.2;
/** How far (pixels) a large network is panned out of sight while it is moved in slices. */
const outOfSight = 1e6;
/** Zoomed in on a large network, at most this many nodes in view are named, the largest first. */
const maxNamedNodes = 250;

/** Cytoscape takes these renderer flags only at start-up but reads them on every frame; large networks turn them on. */
type RendererFlags = { textureOnViewport: boolean; hideEdgesOnViewport: boolean };

/**
 * The interactive network: keeps every node and edge loaded so far, shows the part that passes
 * the filters, sizes and colours nodes by the metrics of what is shown, and lays it out without
 * blocking the page. A large network is laid out in the worker while the page shows progress,
 * then drawn a slice per frame at its final positions; a small one is laid out by fCoSE.
 */
export class NetworkView {
  readonly cy: Core;
  private readonly nodes = new Map<string, SubgraphNode>();
  private readonly edges = new Map<string, SubgraphEdge>();
  /** Where loaded nodes start when a layout begins afresh or before they are drawn. */
  private readonly seeds = new Map<string, Point>();
  private shown: Subgraph = { nodes: [], edges: [] };
  private centre: string | null = null;
  private large = false;
  /** Bumped by every change of what is shown: an older change still under way stops when it sees it moved on. */
  private generation = 0;
  /**
   * The last refresh or repaint, settled or not: a repaint (new sizing or colours) waits for it, so
   * two drawings never run at once and a repaint asked for during a layout is drawn after it, with
   * the metrics of what is now shown, instead of drawing the network at its seed positions meanwhile.
   */
  private drawing: Promise<unknown> = Promise.resolve();
  private filters: ViewFilters = { hiddenTypes: new Set(), window: null };
  private sizeBy: SizeMeasure = 'degree';
  private colourBy: ColourScheme = 'type';
  private metrics: NetworkMetrics = { nodes: new Map(), communityCount: 0, modularity: 0 };

  constructor(container: HTMLElement, private readonly analysis: Analysis, private readonly handlers: ViewHandlers) {
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
    let naming: ReturnType<typeof setTimeout> | undefined;
    this.cy.on('viewport', () => {
      clearTimeout(naming);
      if (this.large) naming = setTimeout(() => nameNodesInView(this.cy, maxNamedNodes), 150);
    });
  }

  /** Replaces everything on screen with a subgraph and lays it out afresh. */
  async replace(subgraph: Subgraph, centre: string | null): Promise<LayoutReport> {
    this.nodes.clear();
    this.edges.clear();
    this.seeds.clear();
    this.centre = centre;
    this.remember(subgraph, null);
    return this.refresh(false);
  }

  /** Adds a subgraph (an expanded neighbourhood) next to an anchor node and lays out from there. */
  async merge(subgraph: Subgraph, anchor: string): Promise<LayoutReport> {
    this.remember(subgraph, anchor);
    return this.refresh(true);
  }

  /** Shows only what passes the type and date filters; metrics and layout follow. */
  async setFilters(filters: ViewFilters): Promise<LayoutReport> {
    this.filters = filters;
    return this.refresh(true);
  }

  /** Sizes nodes by a measure of the shown network. */
  async setSizing(measure: SizeMeasure): Promise<void> {
    this.sizeBy = measure;
    await this.paint();
  }

  /** Colours nodes by entity type or by Louvain community. */
  async setColouring(scheme: ColourScheme): Promise<void> {
    this.colourBy = scheme;
    await this.paint();
  }

  /** The network as shown (filters applied), ready for the exporters; during a layout, what it is laying out. */
  shownSubgraph(): Subgraph {
    return this.shown;
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

  /** Takes in new nodes and edges; new nodes get seed positions on a spiral around the anchor. */
  private remember(subgraph: Subgraph, anchor: string | null): void {
    const origin = anchor ? this.positionOf(anchor) : { x: 0, y: 0 };
    let placed = 0;
    for (const node of subgraph.nodes) {
      if (this.nodes.has(node.id)) continue;
      this.nodes.set(node.id, node);
      placed += 1;
      this.seeds.set(node.id, placeOnSpiral(placed, origin, anchor ? 40 : 30));
    }
    for (const edge of subgraph.edges) {
      if (this.edges.has(edge.id) || !this.nodes.has(edge.source) || !this.nodes.has(edge.target)) continue;
      this.edges.set(edge.id, edge);
    }
  }

  private positionOf(id: string): Point {
    const drawn = this.cy.getElementById(id);
    if (drawn.nonempty()) return { ...(drawn as NodeSingular).position() };
    return this.seeds.get(id) ?? { x: 0, y: 0 };
  }

  /** Shows what passes the filters, measured and laid out: afresh, or from where nodes are when `incremental`. */
  private async refresh(incremental: boolean): Promise<LayoutReport> {
    const generation = ++this.generation;
    const isCurrent = () => generation === this.generation;
    this.shown = this.filterShown();
    this.large = this.shown.nodes.length > fcoseLimit;
    const flags = (this.cy as unknown as { renderer(): RendererFlags }).renderer();
    flags.textureOnViewport = this.large;
    flags.hideEdgesOnViewport = this.large;
    const refreshed = this.large ? this.refreshLarge(incremental, isCurrent) : this.refreshSmall(incremental, isCurrent);
    this.drawing = refreshed.catch(() => undefined);
    return refreshed;
  }

  /** A small network: drawn at once, laid out by fCoSE on the main thread, then painted by its metrics. */
  private async refreshSmall(incremental: boolean, isCurrent: () => boolean): Promise<LayoutReport> {
    const started = performance.now();
    const report = { algorithm: 'fcose' as const, nodes: this.shown.nodes.length, edges: this.shown.edges.length, workerMs: 0 };
    const measured = this.analysis.measure(this.shown);
    const pacer = new SlicePacer(this.cy, { sliced: false, isCurrent });
    const plan = this.planShown({ named: true });
    if (await this.draw(plan, pacer)) {
      this.layoutByFcose(incremental);
      const { metrics } = await measured;
      if (isCurrent()) {
        this.metrics = metrics;
        await this.draw({ ...plan, looks: this.looksOfShown() }, pacer);
        await pacer.draw();
      }
    }
    const ms = performance.now() - started;
    return { ...report, firstDrawMs: ms, ms };
  }

  /**
   * A large network: ForceAtlas2 and the metrics run in the workers while the page shows their
   * progress; then the network is drawn at its final positions and looks, a slice per frame.
   */
  private async refreshLarge(incremental: boolean, isCurrent: () => boolean): Promise<LayoutReport> {
    const started = performance.now();
    const count = this.shown.nodes.length;
    const report = { algorithm: 'forceatlas2' as const, nodes: count, edges: this.shown.edges.length };
    this.handlers.onProgress(`Laying out ${count} nodes…`);
    const seeds = this.shown.nodes.map((node) => ({ id: node.id, ...(incremental ? this.positionOf(node.id) : this.seeds.get(node.id) ?? this.positionOf(node.id)) }));
    const links = this.shown.edges.map((edge): [string, string] => [edge.source, edge.target]);
    const [{ metrics }, layout] = await Promise.all([
      this.analysis.measure(this.shown),
      this.analysis.layout(seeds, links, incremental ? 120 : 300, (done, total) => {
        if (isCurrent()) this.handlers.onProgress(`Laying out ${count} nodes… ${Math.round((100 * done) / total)} %`);
      }),
    ]);
    if (!isCurrent()) return { ...report, firstDrawMs: NaN, ms: performance.now() - started, workerMs: layout.ms };
    this.metrics = metrics;
    const positions = scaleToRoom(layout.positions, 70);
    const fitted = fitPoints(positions.values(), { width: this.cy.width(), height: this.cy.height() }, {
      padding: 30, margin: defaultSize, minZoom: this.cy.minZoom(), maxZoom: maxFitZoom,
    });
    // A fresh network appears slice by slice. Moving a drawn one would redraw all of it after
    // every slice, so it is moved out of sight instead and shown again in one frame at the end.
    const moving = [...positions.keys()].some((id) => this.cy.getElementById(id).nonempty());
    this.cy.viewport(moving ? { zoom: fitted.zoom, pan: { x: fitted.pan.x - outOfSight, y: fitted.pan.y } } : fitted);
    this.handlers.onProgress(`Drawing ${count} nodes…`);
    let firstDrawMs = NaN;
    let nodesBegun = false;
    const pacer: SlicePacer = new SlicePacer(this.cy, {
      sliced: true,
      isCurrent,
      onDrawn: () => {
        if (!moving && nodesBegun && Number.isNaN(firstDrawMs)) firstDrawMs = performance.now() - started;
        if (isCurrent()) this.handlers.onProgress(`Drawing ${count} nodes… ${Math.round(100 * pacer.progress())} %`);
      },
    });
    const plan = this.planShown({ positions, looks: this.looksOfShown(), named: false });
    if (await this.draw(plan, pacer, () => (nodesBegun = true))) {
      this.cy.viewport(fitted);
      nameNodesInView(this.cy, maxNamedNodes);
      await pacer.draw();
      if (Number.isNaN(firstDrawMs)) firstDrawMs = performance.now() - started;
    }
    return { ...report, firstDrawMs, ms: performance.now() - started, workerMs: layout.ms };
  }

  private filterShown(): Subgraph {
    const typed: Subgraph = {
      nodes: [...this.nodes.values()].filter((node) => !this.filters.hiddenTypes.has(node.type)),
      edges: [...this.edges.values()],
    };
    const kept = restrictToWindow(typed, this.filters.window);
    const keptIds = new Set(kept.nodes.map((node) => node.id));
    return { nodes: kept.nodes, edges: [...this.edges.values()].filter((edge) => keptIds.has(edge.source) && keptIds.has(edge.target)) };
  }

  private layoutByFcose(incremental: boolean): void {
    const shown = this.cy.elements().not('.hidden');
    shown.layout({
      name: 'fcose', animate: false, randomize: !incremental, fit: false, quality: 'default',
      idealEdgeLength: 110, nodeRepulsion: 9000, nodeSeparation: 110,
    } as cytoscape.LayoutOptions).run();
    this.fitShown(shown);
  }

  /** Fits what is shown, but never zooms a small network in so far that labels turn huge. */
  private fitShown(shown: CollectionReturnValue): void {
    this.cy.fit(shown, 30);
    if (this.cy.zoom() > maxFitZoom) {
      this.cy.zoom(maxFitZoom);
      this.cy.center(shown);
    }
  }

  private paint(): Promise<void> {
    const painted = this.drawing.then(() => this.paintNow());
    this.drawing = painted.catch(() => undefined);
    return painted;
  }

  private async paintNow(): Promise<void> {
    const generation = this.generation;
    const pacer = new SlicePacer(this.cy, { sliced: this.large, isCurrent: () => generation === this.generation });
    await this.draw(this.planShown({ looks: this.looksOfShown() }), pacer);
  }

  /** A plan that shows what passes the filters, leaving positions, looks and names as they are unless told. */
  private planShown(changes: Partial<Pick<DrawPlan, 'positions' | 'looks' | 'named'>>): DrawPlan {
    return {
      visible: new Set(this.shown.nodes.map((node) => node.id)),
      positions: null,
      looks: null,
      named: null,
      ...changes,
      dense: this.shown.edges.length > denseEdgeLimit,
      centre: this.centre,
      placeNew: (id) => this.positionOf(id),
      lookNew: (node) => ({ color: colorOfType(node.type), size: defaultSize }),
    };
  }

  private draw(plan: DrawPlan, pacer: SlicePacer, beforeNodes?: () => void): Promise<boolean> {
    return syncDrawing(this.cy, { nodes: [...this.nodes.values()], edges: [...this.edges.values()] }, plan, pacer, beforeNodes);
  }

  private looksOfShown(): Map<string, Look> {
    return lookNodes(this.shown.nodes, this.metrics, this.sizeBy, this.colourBy);
  }
}
