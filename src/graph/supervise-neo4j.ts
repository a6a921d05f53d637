import createDebug from 'debug';
import type { JvmExit, LocalNeo4j } from './local-neo4j.ts';

const log = createDebug('hoptac:neo4j');

/** Where the supervised JVM is: serving, being restarted, stopped on request, or given up on. */
export type SupervisorState = 'running' | 'restarting' | 'stopped' | 'failed';

export type SupervisorOptions = {
  /** Starts the JVM again (same port, same data). */
  restart: () => Promise<LocalNeo4j>;
  /** Restarts in a row before giving up (`NEO4J_LOCAL_RESTARTS`); 0 gives up at the first death. */
  maxRestarts: number;
  /** Wait before the first restart, doubled for each further one up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A JVM that served this long before dying counts as healthy: its death starts a new series of restarts. */
  stableMs?: number;
  /** One line for the operator per death, restart attempt and recovery (`npm start` writes them to stderr). */
  say: (line: string) => void;
  /** Called once when restarts keep failing (the caller stops, exit code 3). */
  onGiveUp: (reason: string) => void;
};

export type SupervisedNeo4j = {
  /** The JVM serving now (or the last one). */
  readonly current: LocalNeo4j;
  readonly state: SupervisorState;
  /** Stops supervising and stops the JVM. */
  stop(): Promise<void>;
};

/**
 * Keeps the built-in Neo4j running: when its JVM dies (killed, crashed, out of memory), it is
 * started again on the same port and data, after 1 s, then 2, 4 … (at most 30 s), each death,
 * attempt and recovery said in one line; `state` is `restarting` meanwhile (`/readyz` answers
 * 503 at once). The driver reconnects by itself: the address does not change. After
 * `maxRestarts` attempts in a row without a JVM that stayed up for `stableMs`, it gives up.
 */
export function superviseLocalNeo4j(first: LocalNeo4j, options: SupervisorOptions): SupervisedNeo4j {
  const initialDelayMs = options.initialDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const stableMs = options.stableMs ?? 60_000;
  let current = first;
  let state: SupervisorState = 'running';
  let startedAt = performance.now();
  /** Restarts since the last JVM that stayed up `stableMs`. */
  let streak = 0;
  let wake: (() => void) | null = null;
  // Read through a function: `stop()` changes the state while a restart awaits.
  const isStopped = (): boolean => state === 'stopped';

  const watch = (local: LocalNeo4j): void => {
    void local.exited.then((exit) => {
      if (isStopped() || local !== current) return;
      void recover(local, exit);
    });
  };

  const recover = async (dead: LocalNeo4j, exit: JvmExit): Promise<void> => {
    const diedAt = performance.now();
    const upSeconds = (diedAt - startedAt) / 1000;
    if (upSeconds * 1000 >= stableMs) streak = 0;
    state = 'restarting';
    options.say(`hoptac: the local Neo4j (pid ${dead.pid}) died (${describeExit(exit)}) after ${upSeconds.toFixed(0)} s up; the API answers DATABASE_UNAVAILABLE until it is back`);
    let lastFailure = describeExit(exit);
    while (streak < options.maxRestarts) {
      streak++;
      const delayMs = Math.min(maxDelayMs, initialDelayMs * 2 ** (streak - 1));
      options.say(`hoptac: restarting the local Neo4j in ${delayMs / 1000} s (attempt ${streak} of ${options.maxRestarts})`);
      await new Promise<void>((done) => {
        const timer = setTimeout(done, delayMs);
        wake = () => {
          clearTimeout(timer);
          done();
        };
      });
      wake = null;
      if (isStopped()) return;
      try {
        const local = await options.restart();
        if (isStopped()) {
          await local.stop();
          return;
        }
        current = local;
        startedAt = performance.now();
        state = 'running';
        options.say(`hoptac: the local Neo4j is back (pid ${local.pid}), ${((startedAt - diedAt) / 1000).toFixed(1)} s after it died`);
        watch(local);
        return;
      } catch (error) {
        lastFailure = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        options.say(`hoptac: restarting the local Neo4j failed: ${lastFailure}`);
        log('restart failed: %O', error);
      }
    }
    state = 'failed';
    const reason = `the local Neo4j died and ${options.maxRestarts === 0 ? 'restarts are off (NEO4J_LOCAL_RESTARTS=0)' : `${options.maxRestarts} restarts in a row failed (last: ${lastFailure})`}`;
    options.say(`hoptac: ${reason}; giving up`);
    options.onGiveUp(reason);
  };

  watch(first);
  return {
    get current() {
      return current;
    },
    get state() {
      return state;
    },
    async stop() {
      state = 'stopped';
      wake?.();
      await current.stop();
    },
  };
}

function describeExit(exit: JvmExit): string {
  return exit.signal !== null ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}
