import { setTimeout as sleep } from 'node:timers/promises';

/**
 * One request at a time per host, each starting at least `delay` after the previous one ended
 * (a host's own delay — robots.txt `Crawl-delay` — when longer), and none while a host asked to
 * wait (`Retry-After`, back-off). Tasks of one host run in the order they were queued; hosts are
 * independent of one another.
 */
export class HostQueue {
  private readonly hosts = new Map<string, { tail: Promise<void>; nextAt: number; delayMs: number }>();

  constructor(private readonly delayMs: number) {}

  private slot(host: string): { tail: Promise<void>; nextAt: number; delayMs: number } {
    let slot = this.hosts.get(host);
    if (!slot) {
      slot = { tail: Promise.resolve(), nextAt: 0, delayMs: this.delayMs };
      this.hosts.set(host, slot);
    }
    return slot;
  }

  /** Runs `task` (one request, its body read whole) in `host`'s turn and returns what it returns. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const slot = this.slot(host);
    const previous = slot.tail;
    let release = (): void => undefined;
    slot.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      const wait = slot.nextAt - Date.now();
      if (wait > 0) await sleep(wait);
      return await task();
    } finally {
      slot.nextAt = Math.max(slot.nextAt, Date.now() + slot.delayMs);
      release();
    }
  }

  /** Makes `host`'s delay at least `ms` (a robots.txt `Crawl-delay`). */
  slowDown(host: string, ms: number): void {
    const slot = this.slot(host);
    slot.delayMs = Math.max(slot.delayMs, ms);
  }

  /** Holds every request to `host` for `ms` from now (a 429's `Retry-After`, a back-off). */
  holdOff(host: string, ms: number): void {
    const slot = this.slot(host);
    slot.nextAt = Math.max(slot.nextAt, Date.now() + ms);
  }
}
