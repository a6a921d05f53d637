import { connectAddress } from '../graph/database.ts';
import type { DatabaseAddress } from '../graph/database.ts';
import { DatabaseUnavailableError, QueryTimeoutError } from '../graph/gateway.ts';
import type { Gateway } from '../graph/gateway.ts';

let connection: { uri: string; gateway: Promise<Gateway> } | null = null;

/**
 * The gateway of this worker thread: a thread cannot use the main thread's driver, so it opens
 * its own at the first task and keeps it for the next ones (the driver reconnects by itself after
 * a database restart). A connection that fails is not kept: the next task tries again.
 */
export function threadGateway(address: DatabaseAddress): Promise<Gateway> {
  if (connection?.uri !== address.uri) connection = { uri: address.uri, gateway: connectAddress(address) };
  const opened = connection.gateway;
  opened.catch(() => {
    if (connection?.gateway === opened) connection = null;
  });
  return opened;
}

/** A database failure a thread expected, as a value: errors cross threads as plain `Error`s, losing their class. */
export type ThreadFailure = { ok: false; error: 'unavailable' | 'timeout'; message: string };

/** The expected database failures as a `ThreadFailure`; anything else is thrown on. */
export function describeThreadFailure(error: unknown): ThreadFailure {
  if (error instanceof DatabaseUnavailableError) return { ok: false, error: 'unavailable', message: error.message };
  if (error instanceof QueryTimeoutError) return { ok: false, error: 'timeout', message: error.message };
  throw error;
}

/** The error a `ThreadFailure` stands for, on the main thread. */
export function reviveThreadFailure(failure: ThreadFailure): Error {
  return failure.error === 'unavailable' ? new DatabaseUnavailableError(failure.message) : new QueryTimeoutError(failure.message);
}
