import type { AbstractGraph } from 'graphology-types';
import defaults from 'graphology-layout-forceatlas2/defaults.js';
import helpers from 'graphology-layout-forceatlas2/helpers.js';
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';

/**
 * ForceAtlas2 run in steps on one set of the library's own layout arrays, so the layout can
 * report progress between steps and still be the same as one uninterrupted run: the arrays carry
 * each node's speed and convergence from step to step (`forceAtlas2.assign` rebuilds them on every
 * call, so steps of it restart those from zero). Edges are unweighted. Writes `x`/`y` to the graph.
 */
export function runForceAtlas2(
  graph: AbstractGraph,
  options: { iterations: number; settings: ForceAtlas2Settings; iterationsPerStep: number; onStep?: (done: number) => void },
): void {
  const settings = helpers.assign({}, defaults, options.settings);
  const matrices = helpers.graphToByteArrays(graph, () => 1);
  for (let done = 0; done < options.iterations; ) {
    const step = Math.min(options.iterationsPerStep, options.iterations - done);
    for (let i = 0; i < step; i++) iterate(settings, matrices.nodes, matrices.edges);
    done += step;
    options.onStep?.(done);
  }
  helpers.assignLayoutChanges(graph, matrices.nodes, null);
}
