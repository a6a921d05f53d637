import { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import { describe, expect, it } from 'vitest';
import { runForceAtlas2 } from '../../src/web/network/force-layout.ts';

const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

/** A ring of 60 nodes with chords, placed on a spiral (deterministic). */
function sampleGraph(): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (let i = 0; i < 60; i++) graph.addNode(`n${i}`, { x: Math.cos(i) * (10 + i), y: Math.sin(i) * (10 + i) });
  for (let i = 0; i < 60; i++) {
    graph.mergeEdge(`n${i}`, `n${(i + 1) % 60}`);
    if (i % 7 === 0) graph.mergeEdge(`n${i}`, `n${(i * 11) % 60}`);
  }
  return graph;
}

const positions = (graph: UndirectedGraph) => graph.mapNodes((id, a) => [id, a.x as number, a.y as number]);

describe('ForceAtlas2 in steps', () => {
  it('lays out exactly as one uninterrupted run, reporting progress after each step', () => {
    const settings = { ...forceAtlas2.inferSettings(60), barnesHutOptimize: false };
    const whole = sampleGraph();
    forceAtlas2.assign(whole, { iterations: 300, settings });
    const stepped = sampleGraph();
    const steps: number[] = [];
    runForceAtlas2(stepped, { iterations: 300, settings, iterationsPerStep: 50, onStep: (done) => steps.push(done) });
    expect(steps).toEqual([50, 100, 150, 200, 250, 300]);
    expect(positions(stepped)).toEqual(positions(whole));
    expect(positions(stepped)).not.toEqual(positions(sampleGraph()));
  });
});
