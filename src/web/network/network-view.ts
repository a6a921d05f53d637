import { createNodeImageProgram } from '@sigma/node-image';
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeRectangleProgram } from 'sigma/rendering';
import type { Attributes } from 'graphology-types';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { restrictToWindow, type DateWindow } from '../../export/selector.ts';
import type { Subgraph, SubgraphEdge, SubgraphNode } from '../../graph/subgraph.ts';
import type { NetworkMetrics, NodeMetrics } from '../../metrics/compute-metrics.ts';
import type { Analysis } from './analysis-client.ts';
import type { LayoutName, Point } from './analysis-protocol.ts';
import { createLabelLayer, LABEL_FONT_FAMILY, LABEL_FONT_SIZE, type DrawnLabel, type LabelLayer, type LabelSource } from './label-layer.ts';
import { followFrames } from './frame-followers.ts';
import { networkPng, networkSvg } from './network-picture.ts';
import { shortenLabel } from './label-text.ts';
import { lookNodes, type ColourScheme, type Look, type SizeMeasure } from './node-looks.ts';
import { SHAPED_TYPES, shapeImageUrl } from './node-shapes.ts';
import { pickOnCpu } from './cpu-picking.ts';
import { ScreenPlaces } from './screen-places.ts';
import { placeOnSpiral } from './placement.ts';

export type { ColourScheme, SizeMeasure } from './node-looks.ts';
export type ViewFilters = { hiddenTypes: ReadonlySet<string>; window: DateWindow | null };

/**
 * How a change of the network went: which layout ran (`none` when nodes kept their places), on
 * how much, how long until the network was on screen, and the layout worker's share of that.
 */
export type LayoutReport = { algorithm: LayoutName | 'none'; nodes: number; edges: number; firstDrawMs: number; ms: number; workerMs: number };

/** What the page does when the analyst clicks, double-clicks or clicks the background, and where progress is told. */
export type ViewHandlers = {
  onNode(node: SubgraphNode, metrics: NodeMetrics | undefined): void;
  onEdge(edge: SubgraphEdge, source: SubgraphNode, target: SubgraphNode): void;
  onExpand(id: string): void;
  onBackground(): void;
  onProgress(progress: LayoutProgress): void;
};

/** What the view is busy with, for the status line. */
export type LayoutProgress = { phase: 'layout'; nodes: number; percent: number } | { phase: 'drawing'; nodes: number };

/** Above this many edges, edges are drawn as plain lines without arrows. */
const DENSE_EDGES = 1200;
/** Edges added to the drawn graph per task while a large network is built. */
const EDGE_SLICE = 4000;
/**
 * Above this many nodes, edges are left out while the network moves, so panning stays smooth on
 * slow machines, and the labels of a frame that follows a change of the network are placed in a
 * task after it.
 */
const LARGE_NETWORK = 1000;
/** Longest label, in characters: longer names keep their beginning and their distinguishing end. */
const LABEL_CHARS = 28;
const EDGE_COLOUR = '#c3cad2';
const FADED = '#e4e7eb';
const HIGHLIGHT = '#e6550d';

/**
 * What the drawn graph holds per node: place, size, colour, full name (the hover label), the
 * type's shape and the entity type; per edge: width, colour, program (arrow or line), relation.
 */
type NodeAttributes = { x: number; y: number; size: number; color: string; label: string; image: string; entityType: string; type: 'shape' };
type EdgeAttributes = { size: number; color: string; type: 'arrow' | 'line'; relation: string };

/**
 * The interactive network, drawn by sigma.js with WebGL over a graphology graph: keeps every
 * node and edge loaded so far, shows the part that passes the filters, sizes and colours nodes by
 * the metrics of what is shown, and lays it out in a worker (ForceAtlas2, circle, or packed by
 * type or community) while the page stays responsive. Labels follow a density rule at every zoom
 * (see `label-layer.ts`); a selected node is shown with its neighbours, the rest faded.
 */
export class NetworkView {
  readonly renderer: Sigma;
  private graph = new MultiDirectedGraph();
  private readonly nodes = new Map<string, SubgraphNode>();
  private readonly edges = new Map<string, SubgraphEdge>();
  /** Where each node was last laid out (graph coordinates), so a node hidden by a filter comes back to its place. */
  private readonly positions = new Map<string, Point>();
  private readonly labelTexts = new Map<string, string>();
  private readonly shapeImages = new Map<string, string>();
  private readonly labelSource: LabelSource;
  private readonly labels: LabelLayer;
  private shown: Subgraph = { nodes: [], edges: [] };
  private centre: string | null = null;
  private selected: string | null = null;
  private neighbours = new Set<string>();
  /** Node ids by size, largest first: the order labels are wanted in. */
  private bySize: string[] = [];
  /** Bumped by every change of what is shown: an older change still under way stops when it sees it moved on. */
  private generation = 0;
  /** The last change, settled or not: a repaint waits for it, so it paints what is then shown. */
  private drawing: Promise<unknown> = Promise.resolve();
  private filters: ViewFilters = { hiddenTypes: new Set(), window: null };
  private sizeBy: SizeMeasure = 'degree';
  private colourBy: ColourScheme = 'type';
  private layoutName: LayoutName = 'forceatlas2';
  private metrics: NetworkMetrics = { nodes: new Map(), communityCount: 0, modularity: 0 };

  constructor(container: HTMLElement, private readonly analysis: Analysis, private readonly handlers: ViewHandlers) {
    this.renderer = new Sigma(this.graph, container, {
      allowInvalidContainer: true,
      renderLabels: false,
      enableEdgeEvents: true,
      defaultNodeType: 'shape',
      defaultEdgeType: 'arrow',
      nodeProgramClasses: {
        shape: createNodeImageProgram({ drawingMode: 'color', keepWithinCircle: false, padding: 0, correctCentering: false, size: { mode: 'force', value: 96 } }),
      },
      edgeProgramClasses: { arrow: EdgeArrowProgram, line: EdgeRectangleProgram },
      labelFont: LABEL_FONT_FAMILY,
      labelSize: LABEL_FONT_SIZE,
      zIndex: true,
      // Room at the sides for the labels of the outermost nodes.
      stagePadding: 60,
      minCameraRatio: 0.02,
      maxCameraRatio: 4,
      nodeReducer: (node, data) => this.reduceNode(node, data as NodeAttributes),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data as EdgeAttributes),
    });
    // After each frame: where the nodes went on screen, then the labels placed from it.
    const places = new ScreenPlaces(this.renderer);
    pickOnCpu(this.renderer, places);
    this.labelSource = { order: () => this.labelOrder(), text: (id) => this.labelTexts.get(id) ?? id };
    this.labels = createLabelLayer(this.renderer, this.labelSource, places);
    followFrames(this.renderer, () => {
      places.update();
      this.labels.draw();
    }, LARGE_NETWORK);
    this.renderer.on('clickNode', ({ node }) => {
      const found = this.nodes.get(node);
      if (found) handlers.onNode(found, this.metrics.nodes.get(node));
    });
    this.renderer.on('doubleClickNode', (event) => {
      event.preventSigmaDefault();
      handlers.onExpand(event.node);
    });
    this.renderer.on('clickEdge', ({ edge }) => {
      const found = this.edges.get(edge);
      const source = found && this.nodes.get(found.source);
      const target = found && this.nodes.get(found.target);
      if (found && source && target) handlers.onEdge(found, source, target);
    });
    this.renderer.on('clickStage', () => handlers.onBackground());
    this.warmShapes();
  }

  /**
   * Has the renderer load the shapes' pictures while the page starts. It loads a picture when it
   * first draws a node with it, then builds its texture and processes the whole graph again: on a
   * first network of thousands of nodes, a long task more. Handing it one node per shape (no size,
   * no colour) starts the loading; the empty graph that replaces them at once is what the page
   * shows until its first network.
   */
  private warmShapes(): void {
    const shapes = new MultiDirectedGraph();
    for (const type of SHAPED_TYPES) {
      shapes.addNode(`shape:${type}`, { x: 0, y: 0, size: 0, color: 'rgba(0, 0, 0, 0)', image: this.shapeImage(type), entityType: type, type: 'shape' });
    }
    this.renderer.setGraph(shapes);
    this.renderer.setGraph(this.graph);
  }

  /** Replaces everything on screen with a subgraph and lays it out afresh. */
  async replace(subgraph: Subgraph, centre: string | null): Promise<LayoutReport> {
    this.nodes.clear();
    this.edges.clear();
    this.positions.clear();
    this.centre = centre;
    this.selected = null;
    this.remember(subgraph, null);
    return this.refresh('fresh');
  }

  /** Adds a subgraph (an expanded neighbourhood) next to an anchor node and lays out from where nodes are. */
  async merge(subgraph: Subgraph, anchor: string): Promise<LayoutReport> {
    this.remember(subgraph, anchor);
    return this.refresh('incremental');
  }

  /** Shows only what passes the type and date filters; nodes keep their places, metrics and sizes follow. */
  async setFilters(filters: ViewFilters): Promise<LayoutReport> {
    this.filters = filters;
    return this.refresh('keep');
  }

  /** Lays the shown network out again with another layout. */
  async setLayout(layout: LayoutName): Promise<LayoutReport> {
    this.layoutName = layout;
    return this.refresh('fresh');
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

  /** Shows a node with its neighbours and fades the rest; null shows all alike again. */
  select(id: string | null): void {
    this.selected = id !== null && this.graph.hasNode(id) ? id : null;
    this.neighbours = this.selected ? new Set(this.shownNeighbours(this.selected)) : new Set();
    // A full refresh: the selected node and its links move to the front (z-index needs indexing).
    this.renderer.refresh();
  }

  /** The whole network as a PNG picture, with its labels. */
  toPng(): Promise<Blob> {
    return networkPng(this.renderer, this.labelSource);
  }

  /** The whole network as an SVG drawing, with its labels. */
  toSvg(): string {
    return networkSvg(this.renderer, this.labelSource);
  }

  /** Zooms in (factor > 1) or out around the centre of the screen. */
  zoom(factor: number): void {
    const camera = this.renderer.getCamera();
    void camera.animate({ ratio: camera.ratio / factor }, { duration: 200 });
  }

  /** Shows the whole network. */
  fit(): void {
    void this.renderer.getCamera().animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 250 });
  }

  /** The layout the next fresh layout uses. */
  currentLayout(): LayoutName {
    return this.layoutName;
  }

  /** The network as shown (filters applied), ready for the exporters; during a layout, what it is laying out. */
  shownSubgraph(): Subgraph {
    return this.shown;
  }

  /** Every loaded node, shown or filtered out (the legend counts them per type). */
  loadedNodes(): SubgraphNode[] {
    return [...this.nodes.values()];
  }

  /** The metrics of the network as shown. */
  shownMetrics(): NetworkMetrics {
    return this.metrics;
  }

  /** The labels drawn in the last frame. */
  drawnLabels(): DrawnLabel[] {
    return this.labels.drawn();
  }

  /** Where a node or edge (its middle) is drawn, in page coordinates; null when it is not drawn. */
  locate(id: string): { x: number; y: number } | null {
    const box = this.renderer.getContainer().getBoundingClientRect();
    const at = (node: string) => this.renderer.graphToViewport(this.graph.getNodeAttributes(node) as Point);
    let point: Point | null = null;
    if (this.graph.hasNode(id)) point = at(id);
    else if (this.graph.hasEdge(id)) {
      const [source, target] = this.graph.extremities(id).map(at) as [Point, Point];
      point = { x: (source.x + target.x) / 2, y: (source.y + target.y) / 2 };
    }
    return point ? { x: box.left + point.x, y: box.top + point.y } : null;
  }

  /** The drawn nodes with their places (graph coordinates). */
  drawnPositions(): { id: string; x: number; y: number }[] {
    return this.graph.mapNodes((id, attributes: Attributes) => ({ id, x: Number(attributes.x), y: Number(attributes.y) }));
  }

  /** Takes in new nodes and edges; new nodes start on a spiral around the anchor. */
  private remember(subgraph: Subgraph, anchor: string | null): void {
    const origin = (anchor && this.positions.get(anchor)) || { x: 0, y: 0 };
    const spread = Math.max(1, this.spreadOfPositions() / 30);
    let placed = 0;
    for (const node of subgraph.nodes) {
      if (this.nodes.has(node.id)) continue;
      this.nodes.set(node.id, node);
      this.labelTexts.set(node.id, shortenLabel(node.name, LABEL_CHARS));
      placed += 1;
      this.positions.set(node.id, placeOnSpiral(placed, origin, anchor ? spread : 10));
    }
    for (const edge of subgraph.edges) {
      if (this.edges.has(edge.id) || !this.nodes.has(edge.source) || !this.nodes.has(edge.target)) continue;
      this.edges.set(edge.id, edge);
    }
  }

  /** About how far apart the laid-out nodes are: new nodes start that far apart around their anchor. */
  private spreadOfPositions(): number {
    let x1 = Infinity, x2 = -Infinity;
    for (const { x } of this.positions.values()) {
      x1 = Math.min(x1, x);
      x2 = Math.max(x2, x);
    }
    return Number.isFinite(x1) ? (x2 - x1) / Math.sqrt(Math.max(1, this.positions.size)) : 10;
  }

  /**
   * Shows what passes the filters: laid out afresh (`fresh`), from where nodes are (`incremental`),
   * or in place (`keep`), measured in the other worker meanwhile; then drawn in one go.
   */
  private refresh(mode: 'fresh' | 'incremental' | 'keep'): Promise<LayoutReport> {
    const generation = ++this.generation;
    const isCurrent = () => generation === this.generation;
    this.shown = this.filterShown();
    const refreshed = this.layOutAndDraw(mode, isCurrent);
    this.drawing = refreshed.catch(() => undefined);
    return refreshed;
  }

  private async layOutAndDraw(mode: 'fresh' | 'incremental' | 'keep', isCurrent: () => boolean): Promise<LayoutReport> {
    const started = performance.now();
    const shown = this.shown;
    const count = shown.nodes.length;
    const algorithm = mode === 'keep' ? 'none' : this.layoutName;
    const report = { algorithm, nodes: count, edges: shown.edges.length } as const;
    const measured = this.analysis.measure(shown);
    let workerMs = 0;
    if (mode !== 'keep' && count > 0) {
      // Grouping by community needs the communities first; the other layouts run beside the metrics.
      const groups = algorithm === 'communities' ? (await measured).metrics : null;
      if (!isCurrent()) return { ...report, firstDrawMs: NaN, ms: performance.now() - started, workerMs };
      const groupOf = (node: SubgraphNode) => (groups ? String(groups.nodes.get(node.id)?.community ?? -1).padStart(6, '0') : node.type);
      const iterations = mode === 'incremental' ? 150 : Math.round(Math.min(600, Math.max(300, 200_000 / Math.max(1, count))));
      this.handlers.onProgress({ phase: 'layout', nodes: count, percent: 0 });
      const layout = await this.analysis.layout(
        this.layoutName,
        shown.nodes.map((node) => ({ id: node.id, group: groupOf(node), ...(this.positions.get(node.id) ?? { x: 0, y: 0 }) })),
        shown.edges.map((edge): [string, string] => [edge.source, edge.target]),
        iterations,
        (done, total) => {
          if (isCurrent()) this.handlers.onProgress({ phase: 'layout', nodes: count, percent: Math.round((100 * done) / total) });
        },
      );
      workerMs = layout.ms;
      if (!isCurrent()) return { ...report, firstDrawMs: NaN, ms: performance.now() - started, workerMs };
      for (const [id, point] of Object.entries(layout.positions)) this.positions.set(id, point);
    }
    const { metrics } = await measured;
    if (!isCurrent()) return { ...report, firstDrawMs: NaN, ms: performance.now() - started, workerMs };
    this.metrics = metrics;
    this.handlers.onProgress({ phase: 'drawing', nodes: count });
    if (mode === 'fresh') this.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    const drawn = this.draw(this.lookShown(), isCurrent);
    const firstDrawMs = performance.now() - started;
    await drawn;
    return { ...report, firstDrawMs, ms: performance.now() - started, workerMs };
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

  private lookShown(): Map<string, Look> {
    return lookNodes(this.shown.nodes, this.metrics, this.sizeBy, this.colourBy);
  }

  /**
   * Builds the drawn graph of what is shown, then hands it to the renderer once. The graph is
   * built away from the renderer (a slice of edges per task when it is large), since sigma
   * processes every node and edge again at each change of a graph it draws: handing it a growing
   * graph costs one whole pass per slice. Returns false when a newer change took over part-way.
   */
  private async draw(looks: Map<string, Look>, isCurrent: () => boolean): Promise<boolean> {
    const graph = new MultiDirectedGraph();
    for (const node of this.shown.nodes) {
      const look = looks.get(node.id) ?? { color: '#888888', size: 5 };
      const point = this.positions.get(node.id) ?? { x: 0, y: 0 };
      const attributes: NodeAttributes = {
        x: point.x, y: point.y, size: look.size, color: look.color, label: node.name,
        image: this.shapeImage(node.type), entityType: node.type, type: 'shape',
      };
      graph.addNode(node.id, attributes);
    }
    const edges = this.shown.edges;
    const dense = edges.length > DENSE_EDGES;
    for (let start = 0; start < edges.length; start += EDGE_SLICE) {
      if (start > 0) {
        await nextFrame();
        if (!isCurrent()) return false;
      }
      for (const edge of edges.slice(start, start + EDGE_SLICE)) {
        const attributes: EdgeAttributes = { size: dense ? 0.6 : 1.2, color: EDGE_COLOUR, type: dense ? 'line' : 'arrow', relation: edge.type };
        graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, attributes);
      }
    }
    if (edges.length > EDGE_SLICE) {
      // Building the graph and processing it are each a good part of a frame: separate tasks.
      await nextFrame();
      if (!isCurrent()) return false;
    }
    this.bySize = [...looks.entries()].sort((a, b) => b[1].size - a[1].size).map(([id]) => id);
    if (this.selected && !graph.hasNode(this.selected)) this.selected = null;
    this.neighbours = this.selected ? new Set(this.shownNeighbours(this.selected)) : new Set();
    // Set only when it changes: sigma indexes the graph it draws again at every setting.
    const hideEdgesOnMove = this.shown.nodes.length > LARGE_NETWORK;
    if (this.renderer.getSetting('hideEdgesOnMove') !== hideEdgesOnMove) this.renderer.setSetting('hideEdgesOnMove', hideEdgesOnMove);
    this.graph = graph;
    this.renderer.setGraph(graph);
    // What waits for the drawing (the legend, the histogram) runs in a task of its own.
    if (edges.length > EDGE_SLICE) await nextFrame();
    return true;
  }

  /** The picture of a type's shape (the renderer colours it per node). */
  private shapeImage(type: string): string {
    let image = this.shapeImages.get(type);
    if (image === undefined) {
      image = shapeImageUrl(type);
      this.shapeImages.set(type, image);
    }
    return image;
  }

  private paint(): Promise<void> {
    const painted = this.drawing.then(() => {
      const looks = this.lookShown();
      this.graph.updateEachNodeAttributes((id, attributes) => ({ ...attributes, ...(looks.get(id) ?? {}) }), { attributes: ['color', 'size'] });
      this.bySize = [...looks.entries()].sort((a, b) => b[1].size - a[1].size).map(([id]) => id);
    });
    this.drawing = painted.catch(() => undefined);
    return painted;
  }

  /** The shown nodes linked to a node (read from the shown edges, which may still be on their way to the renderer). */
  private shownNeighbours(id: string): string[] {
    return this.shown.edges.flatMap((edge) => (edge.source === id ? [edge.target] : edge.target === id ? [edge.source] : []));
  }

  /** The selected node, the centre, the selected node's neighbours, then every node by size. */
  private *labelOrder(): Iterable<string> {
    if (this.selected) yield this.selected;
    if (this.centre && this.centre !== this.selected) yield this.centre;
    for (const id of this.neighbours) yield id;
    yield* this.bySize;
  }

  private reduceNode(node: string, data: NodeAttributes): Partial<NodeDisplayData> {
    if (!this.selected) return node === this.centre ? { ...data, zIndex: 1 } : data;
    if (node === this.selected) return { ...data, highlighted: true, zIndex: 2 };
    if (this.neighbours.has(node)) return { ...data, zIndex: 1 };
    return { ...data, color: FADED, zIndex: 0 };
  }

  private reduceEdge(edge: string, data: EdgeAttributes): Partial<EdgeDisplayData> {
    if (!this.selected) return data;
    const [source, target] = this.renderer.getGraph().extremities(edge);
    if (source === this.selected || target === this.selected) return { ...data, color: HIGHLIGHT, size: Math.max(2, data.size * 2), zIndex: 1 };
    return { ...data, color: FADED };
  }
}

/** Resolves once the browser has drawn the next frame and left that frame's task. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
