import createDebug from 'debug';
import { Neo4jError, isRetryableError } from 'neo4j-driver';
import type { Driver, ManagedTransaction, QueryResult, Session } from 'neo4j-driver';
import pLimit from 'p-limit';
import type { LimitFunction } from 'p-limit';
import { cypher } from './cypher.ts';

const log = createDebug('hoptac:graph');

/** The database cannot be reached (down, restarting, network gone). Clients see `DATABASE_UNAVAILABLE`. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** A query ran past its time limit and the server terminated it. Clients see `TIMEOUT`. */
export class QueryTimeoutError extends Error {
  override name = 'QueryTimeoutError';
}

/** Options of one unit of work. */
export type WorkOptions = { timeoutMs?: number };

/**
 * How the gateway shares the database. `maxConcurrentReads` bounds the `readOne` statements
 * running at once; the others wait in arrival order. Unset: no bound beyond the driver's pool.
 */
export type GatewayOptions = { maxConcurrentReads?: number };

/** The work a read or write runs inside one managed (retried-on-transient-error) transaction. */
export type TransactionWork<T> = (tx: ManagedTransaction) => Promise<T>;

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.TransientError.Database.DatabaseUnavailable',
]);

const DEADLOCK_CODE = 'Neo.TransientError.Transaction.DeadlockDetected';

/**
 * Attempts a write makes without waiting while Neo4j keeps picking it as a deadlock's victim; the
 * last of them is the driver's first, whose later retries wait a second, then two, …
 */
export const IMMEDIATE_DEADLOCK_ATTEMPTS = 5;

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

/**
 * The one owner of the Neo4j driver. Every session names its database and access mode explicitly
 * and is closed in `finally`; driver errors that mean "unreachable" or "timed out" come out as
 * `DatabaseUnavailableError` / `QueryTimeoutError`, everything else unchanged.
 */
export class Gateway {
  /** The database every session uses (`neo4j` unless configured otherwise). */
  readonly database: string;
  /** Writes Neo4j rolled back to break a deadlock and this gateway ran again at once, since it opened. */
  deadlockRetries = 0;
  private closed = false;
  private readonly readSlots: LimitFunction | null;

  constructor(
    private readonly driver: Driver,
    database?: string,
    options: GatewayOptions = {},
  ) {
    this.database = database ?? 'neo4j';
    this.readSlots = options.maxConcurrentReads === undefined ? null : pLimit(options.maxConcurrentReads);
  }

  /** `readOne` statements running now and waiting for a slot (both 0 when reads are not bounded). */
  get reads(): { running: number; waiting: number } {
    return { running: this.readSlots?.activeCount ?? 0, waiting: this.readSlots?.pendingCount ?? 0 };
  }

  /** Runs `work` in a read transaction (routed to a reader on a cluster). */
  read<T>(work: TransactionWork<T>, opts?: WorkOptions): Promise<T> {
    return this.run('READ', work, opts);
  }

  /**
   * Runs one read statement as an auto-commit transaction in read mode (routed to a reader on a
   * cluster): one round trip instead of the four of a managed transaction (BEGIN, RUN+PULL,
   * COMMIT), which halves the driver's work per API request. Not retried: a single read has no
   * partial effect to redo, and the caller (an API request) reports the error.
   *
   * With `maxConcurrentReads` the statement first waits for a slot. Its time limit counts from the
   * call, so the wait is part of it: a statement still waiting when its limit is up fails with
   * `QueryTimeoutError` without being sent.
   */
  async readOne(text: string, params: Record<string, unknown>, opts?: WorkOptions): Promise<QueryResult> {
    if (this.closed) throw new DatabaseUnavailableError('the database connection is closed');
    const slots = this.readSlots;
    if (slots === null) return this.runOne(text, params, opts?.timeoutMs);
    const called = performance.now();
    return slots(() => {
      if (opts?.timeoutMs === undefined) return this.runOne(text, params, undefined);
      const waited = performance.now() - called;
      const left = Math.floor(opts.timeoutMs - waited);
      if (left < 1) {
        throw new QueryTimeoutError(
          `query waited ${Math.round(waited)} ms for one of the ${slots.concurrency} read slots, past its limit of ${opts.timeoutMs} ms`,
        );
      }
      return this.runOne(text, params, left);
    });
  }

  private async runOne(text: string, params: Record<string, unknown>, timeoutMs: number | undefined): Promise<QueryResult> {
    if (this.closed) throw new DatabaseUnavailableError('the database connection is closed');
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'READ' });
    try {
      return await session.run(text, params, timeoutMs === undefined ? {} : { timeout: timeoutMs });
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs `work` in a write transaction. A deadlock victim is run again at once, for up to
   * `IMMEDIATE_DEADLOCK_ATTEMPTS` attempts in all: Neo4j has rolled it back, so the other
   * transaction already goes on, and waiting gains nothing. Other transient errors (a leader
   * switch, a restart) and deadlocks beyond that are retried by the driver, which waits between
   * attempts.
   */
  write<T>(work: TransactionWork<T>, opts?: WorkOptions): Promise<T> {
    return this.run('WRITE', work, opts);
  }

  /**
   * True when the database answers a trivial query now; never throws (for `/readyz`). One
   * attempt, outside the read slots: a managed read would retry a lost database for 15 s, and a
   * probe must not queue behind the API's reads.
   */
  async ping(): Promise<boolean> {
    try {
      await this.runOne(cypher('platform/ping'), {}, 5000);
      return true;
    } catch (error) {
      log('ping failed: %s', (error as Error).message);
      return false;
    }
  }

  /** Closes the driver and its connections; later calls are no-ops. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }

  private async run<T>(mode: 'READ' | 'WRITE', work: TransactionWork<T>, opts?: WorkOptions): Promise<T> {
    if (this.closed) throw new DatabaseUnavailableError('the database connection is closed');
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode });
    const config = opts?.timeoutMs === undefined ? {} : { timeout: opts.timeoutMs };
    try {
      if (mode === 'READ') return await session.executeRead(work, config);
      for (let attempt = 1; attempt < IMMEDIATE_DEADLOCK_ATTEMPTS; attempt++) {
        const outcome = await attemptWrite(session, work, config);
        if (outcome.kind === 'committed') return outcome.value;
        if (outcome.kind === 'transient') break;
        this.deadlockRetries++;
        log('write chosen as a deadlock victim (attempt %d); running it again at once', attempt);
      }
      return await session.executeWrite(work, config);
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }
}

/**
 * One attempt at `work` in an explicit write transaction: its value once committed, `deadlock`
 * when Neo4j rolled it back to break a deadlock, `transient` after another error worth retrying
 * (left to the driver). Every other error is thrown.
 */
async function attemptWrite<T>(
  session: Session,
  work: TransactionWork<T>,
  config: { timeout?: number },
): Promise<{ kind: 'committed'; value: T } | { kind: 'deadlock' | 'transient' }> {
  const tx = session.beginTransaction(config);
  try {
    // A ManagedTransaction is a Transaction without commit and rollback: `work` cannot end it.
    const value = await work(tx as unknown as ManagedTransaction);
    await tx.commit();
    return { kind: 'committed', value };
  } catch (error) {
    if (error instanceof Neo4jError && error.code === DEADLOCK_CODE) return { kind: 'deadlock' };
    if (isRetryableError(error)) return { kind: 'transient' };
    throw error;
  } finally {
    // Rolls the transaction back when it is still open (the work or the commit failed).
    await tx.close().catch(() => undefined);
  }
}

/** Maps a driver error to the typed errors above, keeping the original as `cause`. */
export function mapDriverError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (UNAVAILABLE_CODES.has(error.code)) {
    return new DatabaseUnavailableError(`Neo4j is unavailable: ${error.message}`, { cause: error });
  }
  if (TIMEOUT_CODES.has(error.code) || /timed? ?out/i.test(error.code)) {
    return new QueryTimeoutError(`query exceeded its time limit: ${error.message}`, { cause: error });
  }
  return error;
}
