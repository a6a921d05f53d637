/// <reference types="vite/client" />

// The parts of graphology-layout-forceatlas2 its `assign` is built from (see force-layout.ts).
declare module 'graphology-layout-forceatlas2/defaults.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
  const defaults: Required<ForceAtlas2Settings>;
  export default defaults;
}
declare module 'graphology-layout-forceatlas2/helpers.js' {
  import type { AbstractGraph } from 'graphology-types';
  const helpers: {
    assign<T extends object>(target: T, ...sources: object[]): T;
    graphToByteArrays(graph: AbstractGraph, getEdgeWeight: () => number): { nodes: Float32Array; edges: Float32Array };
    assignLayoutChanges(graph: AbstractGraph, nodes: Float32Array, outputReducer: null): void;
  };
  export default helpers;
}
declare module 'graphology-layout-forceatlas2/iterate.js' {
  const iterate: (settings: object, nodes: Float32Array, edges: Float32Array) => void;
  export default iterate;
}
