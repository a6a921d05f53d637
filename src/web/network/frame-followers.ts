import type Sigma from 'sigma';

/**
 * Runs `work` (the nodes' places on screen, the labels) after each frame the renderer draws. A
 * frame that follows a change of a graph of more than `deferAbove` nodes already holds the
 * renderer's pass over every node and edge: there the work runs in the next frame, a task of its
 * own, so that neither task holds the page long. (In a timer instead, its drawing on the label
 * canvas waited for the graphics process to finish the frame before, for as long again.) A frame
 * drawn before the deferred work ran does the work itself, and the deferred run is dropped.
 */
export function followFrames(renderer: Sigma, work: () => void, deferAbove: number): void {
  let processed = false;
  let deferred: number | undefined;
  renderer.on('afterProcess', () => {
    processed = true;
  });
  renderer.on('afterRender', () => {
    if (deferred !== undefined) cancelAnimationFrame(deferred);
    deferred = undefined;
    const defer = processed && renderer.getGraph().order > deferAbove;
    processed = false;
    if (!defer) return work();
    deferred = requestAnimationFrame(() => {
      deferred = undefined;
      work();
    });
  });
}
