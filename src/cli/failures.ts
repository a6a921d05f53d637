import createDebug from 'debug';
import { ConfigError } from '../config.ts';
import { DatabaseUnavailableError } from '../graph/gateway.ts';
import { LocalNeo4jError } from '../graph/local-neo4j.ts';
import { EXIT } from './exit-codes.ts';
import type { ExitCode } from './exit-codes.ts';

const log = createDebug('hoptac:cli');

/** A usage error found after parsing (a bad value, an unwritable output): one line, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * What a command failing with `error` tells the user, in one line, and the exit code: bad
 * configuration and usage 2, an unreachable or lost database 3, a port in use or anything
 * unexpected 1. The stack trace is never in the line; `DEBUG=hoptac:cli` (or `hoptac:*`) logs it.
 */
export function describeFailure(error: unknown): { message: string; exitCode: ExitCode } {
  if (error instanceof ConfigError || error instanceof UsageError) return { message: error.message, exitCode: EXIT.usage };
  if (error instanceof LocalNeo4jError || error instanceof DatabaseUnavailableError) {
    return { message: firstLine(error.message), exitCode: EXIT.database };
  }
  if (isErrnoError(error) && error.code === 'EADDRINUSE') {
    return { message: `the API port is in use (${firstLine(error.message)}); set PORT to another port`, exitCode: EXIT.failed };
  }
  if (isErrnoError(error) && typeof error.path === 'string') return { message: describeFileError(error, error.path), exitCode: EXIT.failed };
  return { message: `unexpected error: ${firstLine(error instanceof Error ? error.message : String(error))}`, exitCode: EXIT.failed };
}

/**
 * Writes a failure of `command` to stderr as one line (`hoptac export: …`) and returns its exit
 * code; the stack trace goes to the `hoptac:cli` debug log.
 */
export function reportFailure(command: string, error: unknown): ExitCode {
  const { message, exitCode } = describeFailure(error);
  process.stderr.write(`${command}: ${message}${log.enabled ? '' : hint(exitCode)}\n`);
  log('%O', error);
  return exitCode;
}

/** `cannot write out/x.csv: permission denied`: a file-system error on a path, in words. */
export function describeFileError(error: NodeJS.ErrnoException, path: string, verb = error.syscall === 'open' || error.syscall === 'write' ? 'write' : 'use'): string {
  const known: Record<string, string> = {
    ENOENT: 'no such folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a folder',
    ENOTDIR: 'a part of the path is not a folder',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
  };
  return `cannot ${verb} ${path}: ${known[error.code ?? ''] ?? error.code ?? error.message}`;
}

function hint(exitCode: ExitCode): string {
  return exitCode === EXIT.failed ? ' (DEBUG=hoptac:cli shows the stack trace)' : '';
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

function isErrnoError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
