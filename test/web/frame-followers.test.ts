import { EventEmitter } from 'node:events';
import type Sigma from 'sigma';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followFrames } from '../../src/web/network/frame-followers.ts';

/** A renderer as `followFrames` sees it: the two events it listens to and the size of its graph. */
function fakeRenderer(order: number): { renderer: Sigma; frame(processed: boolean): void } {
  const events = new EventEmitter();
  const renderer = { on: (event: string, listener: () => void) => events.on(event, listener), getGraph: () => ({ order }) } as unknown as Sigma;
  return {
    renderer,
    frame(processed) {
      if (processed) events.emit('afterProcess');
      events.emit('afterRender');
    },
  };
}

describe('followFrames (the work after each frame: the nodes’ places, the labels)', () => {
  let frames: Map<number, () => void>;
  const nextFrame = () => {
    const due = [...frames.values()];
    frames.clear();
    for (const callback of due) callback();
  };

  beforeEach(() => {
    frames = new Map();
    let id = 0;
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => {
      frames.set(++id, callback);
      return id;
    });
    vi.stubGlobal('cancelAnimationFrame', (cancelled: number) => frames.delete(cancelled));
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('runs after a frame that moved the camera, and after a change of a small network, in the same task', () => {
    const { renderer, frame } = fakeRenderer(500);
    const work = vi.fn();
    followFrames(renderer, work, 1000);
    frame(false);
    frame(true);
    expect(work).toHaveBeenCalledTimes(2);
    expect(frames.size).toBe(0);
  });

  it('runs in the next frame after a change of a large network, whose frame already holds the renderer’s pass over it', () => {
    const { renderer, frame } = fakeRenderer(5000);
    const work = vi.fn();
    followFrames(renderer, work, 1000);
    frame(true);
    expect(work).not.toHaveBeenCalled();
    nextFrame();
    expect(work).toHaveBeenCalledTimes(1);
    // Moving the camera afterwards: at once again.
    frame(false);
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('drops the deferred run when a frame comes first and does the work itself', () => {
    const { renderer, frame } = fakeRenderer(5000);
    const work = vi.fn();
    followFrames(renderer, work, 1000);
    frame(true);
    frame(false);
    expect(work).toHaveBeenCalledTimes(1);
    nextFrame();
    expect(work).toHaveBeenCalledTimes(1);
  });
});
