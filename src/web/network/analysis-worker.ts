import { UndirectedGraph } from 'graphology';
import circlepackModule from 'graphology-layout/circlepack.js';
import circularModule from 'graphology-layout/circular.js';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import { computeMetrics } from '../../metrics/compute-metrics.ts';
import { runForceAtlas2 } from './force-layout.ts';
import type { AnalysisReply, AnalysisRequest, LayoutName, LayoutNode, Point } from './analysis-protocol.ts';

// CommonJS packages typed with `export default`; the bundler hands over the functions themselves.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;
const circlepack = circlepackModule as unknown as typeof circlepackModule.default;
const circular = circularModule as unknown as typeof circularModule.default;

/** ForceAtlas2 runs in steps of this many iterations, reporting progress after each. */
const iterationsPerStep = 50;

/**
 * Runs the heavy work of the page off the main thread, so a network of thousands of nodes never
 * freezes it: its layouts (ForceAtlas2 with Barnes–Hut, circle, circle packing) and its metrics.
 */
self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  const started = performance.now();
  switch (request.kind) {
    case 'layout': {
      const positions = layOut(request.layout, request.nodes, request.edges, request.iterations, (done) =>
        post({ id: request.id, kind: 'progress', done, total: request.iterations }),
      );
      post({ id: request.id, kind: 'layout', positions, ms: performance.now() - started });
      return;
    }
    case 'metrics': {
      post({ id: request.id, kind: 'metrics', metrics: computeMetrics(request.subgraph), ms: performance.now() - started });
      return;
    }
    default: {
      const unknownRequest: never = request;
      throw new Error(`unknown analysis request ${JSON.stringify(unknownRequest)}`);
    }
  }
};

function post(reply: AnalysisReply): void {
  self.postMessage(reply);
}

function layOut(layout: LayoutName, nodes: LayoutNode[], edges: [string, string][], iterations: number, onStep: (done: number) => void): Record<string, Point> {
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  // Grouped layouts walk the nodes in group order, so a circle shows the groups as arcs.
  const ordered = layout === 'forceatlas2' ? nodes : [...nodes].sort((a, b) => a.group.localeCompare(b.group) || a.id.localeCompare(b.id));
  for (const node of ordered) graph.mergeNode(node.id, { x: node.x, y: node.y, group: node.group });
  for (const [source, target] of edges) if (source !== target && graph.hasNode(source) && graph.hasNode(target)) graph.mergeEdge(source, target);
  switch (layout) {
    case 'forceatlas2': {
      const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 250, barnesHutTheta: 1, adjustSizes: false };
      runForceAtlas2(graph, { iterations, settings, iterationsPerStep, onStep });
      break;
    }
    case 'circle':
      circular.assign(graph, { scale: Math.max(1, Math.sqrt(graph.order)) * 10 });
      break;
    case 'types':
    case 'communities':
      circlepack.assign(graph, { hierarchyAttributes: ['group'], rng: seededRandom(1) });
      break;
    default: {
      const unknownLayout: never = layout;
      throw new Error(`unknown layout ${String(unknownLayout)}`);
    }
  }
  const positions: Record<string, Point> = {};
  graph.forEachNode((id, attributes) => {
    positions[id] = { x: Number(attributes.x), y: Number(attributes.y) };
  });
  return positions;
}

/** A small seeded generator (mulberry32), so the same network packs the same way every time. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
