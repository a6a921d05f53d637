import { unwrapResolverError } from '@apollo/server/errors';
import type { UnknownSelection } from '../export/read-selection.ts';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import createDebug from 'debug';
import { DatabaseUnavailableError, QueryTimeoutError } from '../graph/gateway.ts';
import { InvalidCursorError } from '../graph/read-page.ts';
import { WorkTimeoutError, WorkerBusyError } from '../workers/worker-pool.ts';

const log = createDebug('hoptac:api:error');

/** The `extensions.code` values clients can rely on. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COMPLEX',
  'OPERATION_NOT_SUPPORTED',
  'RESPONSE_TOO_LARGE',
  'SERVER_BUSY',
  'TIMEOUT',
  'DATABASE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Characters of a client's argument an error message quotes at most. */
export const QUOTED_PREFIX_CHARS = 60;

/**
 * A client's argument as an error message quotes it: in quotes, cut to its first
 * `QUOTED_PREFIX_CHARS` characters (with its length) when longer, so an answer never echoes a
 * 10 KB id back.
 */
export function quoteArgument(value: string): string {
  if (value.length <= QUOTED_PREFIX_CHARS) return JSON.stringify(value);
  return `${JSON.stringify(`${prefixOf(value)}…`)} (${value.length} characters)`;
}

/** The `NOT_FOUND` message of a selection naming what the graph does not have, as `neighborhood` and `statistics` word it. */
export function describeNotFound({ field, value }: UnknownSelection): string {
  return field === 'around' ? `No node has the id ${quoteArgument(value)}.` : `No province is named ${quoteArgument(value)}.`;
}

/** The first `QUOTED_PREFIX_CHARS` characters of a text, never half a surrogate pair. */
function prefixOf(value: string): string {
  const prefix = value.slice(0, QUOTED_PREFIX_CHARS);
  return /[\ud800-\udbff]$/.test(prefix) ? prefix.slice(0, -1) : prefix;
}

/** A client-facing error with a stable code. */
export function createApiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** Codes Apollo and graphql-js set themselves for malformed requests; they pass through as they are. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Driver error codes that mean the database cannot be reached right now (the gateway maps most; these are the rest). */
const UNAVAILABLE_DRIVER_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/**
 * Apollo's `formatError`: every error leaves with a stable code; internal messages, Cypher and
 * stack traces stay on the server unless in development mode.
 */
export function createErrorFormatter(development: boolean): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const original = unwrapResolverError(error);
    const code = classifyError(formatted, original);
    const safe = code !== 'INTERNAL_SERVER_ERROR' || development;
    if (code === 'INTERNAL_SERVER_ERROR') log('internal error: %O', original);
    const message = safe ? shortenQuotes(messageOf(code, formatted, original)) : 'Internal server error';
    const { stacktrace, ...rest } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return {
      message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { ...(development ? rest : pickPublic(rest)), code, ...(development && stacktrace ? { stacktrace } : {}) },
    };
  };
}

function classifyError(formatted: GraphQLFormattedError, original: unknown): string {
  if (original instanceof DatabaseUnavailableError) return 'DATABASE_UNAVAILABLE';
  if (original instanceof QueryTimeoutError || original instanceof WorkTimeoutError) return 'TIMEOUT';
  if (original instanceof WorkerBusyError) return 'SERVER_BUSY';
  if (original instanceof InvalidCursorError) return 'BAD_USER_INPUT';
  if (isDriverUnavailable(original)) return 'DATABASE_UNAVAILABLE';
  // Our own errors may come from another copy of graphql-js, which Apollo re-wraps: read their code directly.
  const own = codeOf(original);
  if (own !== null && (ERROR_CODES as readonly string[]).includes(own)) return own;
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && ((ERROR_CODES as readonly string[]).includes(code) || REQUEST_CODES.has(code))) {
    // Apollo marks its own unexpected failures INTERNAL_SERVER_ERROR too; those stay hidden.
    return code;
  }
  return 'INTERNAL_SERVER_ERROR';
}

function codeOf(error: unknown): string | null {
  if (error === null || typeof error !== 'object' || !('extensions' in error)) return null;
  const extensions = (error as { extensions: unknown }).extensions;
  if (extensions === null || typeof extensions !== 'object' || !('code' in extensions)) return null;
  const code = (extensions as { code: unknown }).code;
  return typeof code === 'string' ? code : null;
}

function messageOf(code: string, formatted: GraphQLFormattedError, original: unknown): string {
  switch (code) {
    case 'DATABASE_UNAVAILABLE':
      return 'The database is unavailable; try again shortly.';
    case 'TIMEOUT':
      if (original instanceof WorkTimeoutError) return `${capitalise(original.message)}; the work was stopped.`;
      return 'The query took longer than the configured time limit.';
    case 'SERVER_BUSY':
      return 'The server is busy with other work of this kind; try again shortly.';
    default:
      if (original instanceof InvalidCursorError) return 'Invalid cursor: use a cursor this API returned.';
      return codeOf(original) === code && original instanceof Error ? original.message : formatted.message;
  }
}

/** Longest message an answer carries; graphql-js quotes whole values in its own (a bad variable's). */
const MAX_MESSAGE_CHARS = 500;

/** A double-quoted value (escapes allowed) longer than what `quoteArgument` leaves of one. */
const LONG_QUOTED = new RegExp(`"((?:[^"\\\\]|\\\\.){${QUOTED_PREFIX_CHARS + 2},})"`, 'g');

/** A message with every long quoted value cut to a prefix (see `quoteArgument`), and at most `MAX_MESSAGE_CHARS` long. */
function shortenQuotes(message: string): string {
  const cut = message.replace(LONG_QUOTED, (_quoted, inner: string) => `"${prefixOf(inner)}…" (${inner.length} characters)`);
  return cut.length <= MAX_MESSAGE_CHARS ? cut : `${cut.slice(0, MAX_MESSAGE_CHARS)}…`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isDriverUnavailable(error: unknown): boolean {
  return error instanceof Error && 'code' in error && UNAVAILABLE_DRIVER_CODES.has(String((error as { code: unknown }).code));
}

function pickPublic(extensions: Record<string, unknown>): Record<string, unknown> {
  const { exception: _exception, ...rest } = extensions;
  return rest;
}
