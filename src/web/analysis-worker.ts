import { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import { computeMetrics } from '../metrics/compute-metrics.ts';
import { runForceAtlas2 } from './force-layout.ts';
import type { AnalysisReply, AnalysisRequest, Point } from './analysis-protocol.ts';

// CommonJS package typed with `export default`; the bundler hands over the function itself.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

/** ForceAtlas2 runs in steps of this many iterations, reporting progress after each. */
const iterationsPerStep = 50;

/**
 * Runs the heavy work of the page off the main thread, so a 2,000-node network
 * never freezes it: ForceAtlas2 layout (Barnes–Hut) and the network metrics.
 */
self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  const started = performance.now();
  switch (request.kind) {
    case 'layout': {
      const positions = layoutPositions(request.nodes, request.edges, request.iterations, (done) =>
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

function layoutPositions(
  nodes: ({ id: string } & Point)[],
  edges: [string, string][],
  iterations: number,
  onStep: (done: number) => void,
): Record<string, Point> {
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  for (const node of nodes) graph.mergeNode(node.id, { x: node.x, y: node.y });
  for (const [source, target] of edges) if (source !== target) graph.mergeEdge(source, target);
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 250, barnesHutTheta: 1, adjustSizes: false };
  runForceAtlas2(graph, { iterations, settings, iterationsPerStep, onStep });
  const positions: Record<string, Point> = {};
  graph.forEachNode((id, attributes) => {
    positions[id] = { x: Number(attributes.x), y: Number(attributes.y) };
  });
  return positions;
}
