import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';

/**
 * Long work off the event loop: a pool of worker threads (piscina) running one module's default
 * export, each task with a time limit counted from the call (waiting included) and a bound on
 * the tasks waiting. A task past its limit is aborted and its thread terminated (piscina starts
 * another), so a report that takes minutes to extract or a whole-graph measure cannot hold a
 * thread, nor the API's event loop, for longer than the limit.
 */

/** The work ran past its time limit; the thread doing it was stopped. */
export class WorkTimeoutError extends Error {
  override name = 'WorkTimeoutError';
}

/** Every thread is busy and the queue is full: the work was refused before it started. */
export class WorkerBusyError extends Error {
  override name = 'WorkerBusyError';
}

export type WorkerPoolOptions = {
  /** The worker module (a `.ts` file run through tsx); its default export does one task. */
  module: URL;
  /** Names the pool in messages (`extraction`, `export`). */
  name: string;
  threads: number;
  /** Tasks that may wait for a thread; more are refused with `WorkerBusyError`. */
  maxQueue: number;
  /** Time limit of each task, from the call, in milliseconds, and the variable that sets it (for messages). */
  timeoutMs: number;
  timeoutVariable: string;
  /**
   * Lower priority of the threads (Linux nice increment): on a machine whose cores are all busy,
   * the event loop answering other clients is served first.
   */
  niceIncrement?: number;
};

export type WorkerPool<Input, Output> = {
  run(input: Input): Promise<Output>;
  close(): Promise<void>;
};

/**
 * Nice increment of the API's threads: their work (an export, a report's extraction) waits while
 * the event loop, which answers every other client, needs a core. On the 2-core machine under
 * load, +5 still let `/healthz` reach 870 ms while a 4.5 MB report was extracted.
 */
export const API_THREAD_NICENESS = 10;

/** The tsx loader the threads import, resolved from here so that it is found from any working directory. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Starts a pool; threads start on the first task and stay (a thread costs about a second to start: it compiles its modules). */
export function createWorkerPool<Input, Output>(options: WorkerPoolOptions): WorkerPool<Input, Output> {
  const pool = new Piscina<Input, Output>({
    filename: options.module.href,
    minThreads: 0,
    maxThreads: options.threads,
    maxQueue: options.maxQueue,
    idleTimeout: 10 * 60_000,
    execArgv: [`--import=${TSX_LOADER}`],
    niceIncrement: options.niceIncrement ?? 0,
  });
  // Counted here, not left to piscina: while its threads start it queues tasks without bound.
  let accepted = 0;
  return {
    async run(input) {
      if (accepted >= options.threads + options.maxQueue) throw busy(options);
      accepted++;
      try {
        return await pool.run(input, { signal: AbortSignal.timeout(options.timeoutMs) });
      } catch (error) {
        if (error instanceof Error && error.name === 'AbortError') {
          throw new WorkTimeoutError(`${options.name} took longer than ${options.timeoutMs / 1000} s (${options.timeoutVariable})`, { cause: error });
        }
        if (error instanceof Error && /queue is at limit/i.test(error.message)) throw busy(options);
        throw error;
      } finally {
        accepted--;
      }
    },
    close: () => pool.destroy(),
  };
}

function busy(options: WorkerPoolOptions): WorkerBusyError {
  return new WorkerBusyError(`${options.name}: all ${options.threads} threads are busy and ${options.maxQueue} tasks wait already`);
}
