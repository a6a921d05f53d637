/**
 * A bounded first-in first-out channel between producers (the fetching workers) and one consumer
 * (an async iterator): `push` waits while `capacity` items are unread, so fetching never runs far
 * ahead of extraction and loading.
 */
export class Channel<T> {
  private readonly items: T[] = [];
  private readonly readers: ((value: IteratorResult<T>) => void)[] = [];
  private readonly writers: (() => void)[] = [];
  private closed = false;

  constructor(private readonly capacity: number) {}

  /** Adds `item`, waiting while the channel is full. */
  async push(item: T): Promise<void> {
    while (this.items.length >= this.capacity && this.readers.length === 0) await new Promise<void>((resolve) => this.writers.push(resolve));
    const reader = this.readers.shift();
    if (reader) reader({ value: item, done: false });
    else this.items.push(item);
  }

  /** No more items: the iterator ends once the items already pushed are read. */
  close(): void {
    this.closed = true;
    for (const reader of this.readers.splice(0)) reader({ value: undefined, done: true });
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      const item = this.items.shift();
      if (item !== undefined) {
        this.writers.shift()?.();
        yield item;
        continue;
      }
      if (this.closed) return;
      const next = await new Promise<IteratorResult<T>>((resolve) => this.readers.push(resolve));
      if (next.done) return;
      yield next.value;
    }
  }
}
