import type Sigma from 'sigma';

type Picking = {
  getNodeAtPosition(position: { x: number; y: number }): string | null;
  getEdgeAtPoint(x: number, y: number): string | null;
};

/**
 * Sigma finds the node or edge under the mouse on every mouse move and wheel turn by reading a
 * pixel back from the GPU, which makes the page wait until the GPU has drawn every frame still
 * queued. While the view is being dragged or zoomed, frames queue up and nobody points at a node,
 * so each move would freeze the page for the time of those frames (seconds for a network of
 * thousands of nodes on a machine that draws WebGL in software). This guard answers "nothing
 * there" while the camera moves and reads the pixel as sigma does once it has stopped: hovering,
 * clicking and double-clicking are as before. Sigma 3 offers no setting for it, so its two
 * (private) picking methods are wrapped.
 */
export function skipPickingWhileMoving(renderer: Sigma): void {
  const picking = renderer as unknown as Picking;
  const captor = renderer.getMouseCaptor();
  const camera = renderer.getCamera();
  const moving = () => camera.isAnimated() || captor.isMoving || captor.draggedEvents > 0 || captor.currentWheelDirection !== 0;
  const nodeAt = picking.getNodeAtPosition.bind(renderer);
  const edgeAt = picking.getEdgeAtPoint.bind(renderer);
  picking.getNodeAtPosition = (position) => (moving() ? null : nodeAt(position));
  picking.getEdgeAtPoint = (x, y) => (moving() ? null : edgeAt(x, y));
}
