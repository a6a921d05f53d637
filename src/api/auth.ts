import { timingSafeEqual, createHash } from 'node:crypto';
import type { ApiContext } from './context.ts';
import { createApiError } from './errors.ts';

/**
 * Mutations need the configured API key. With no key configured they are disabled
 * (`FORBIDDEN`); a missing or wrong key is `UNAUTHENTICATED`. Queries stay open.
 */
export function assertMayWrite(context: Pick<ApiContext, 'config' | 'presentedKey'>): void {
  const expected = context.config.apiKey;
  if (!expected) throw createApiError('FORBIDDEN', 'Mutations are disabled: the server has no API key configured (HOPTAC_API_KEY).');
  if (context.presentedKey === null) {
    throw createApiError('UNAUTHENTICATED', 'This mutation needs the API key: send "Authorization: Bearer <key>" or "x-api-key: <key>".');
  }
  if (!isSameKey(context.presentedKey, expected)) throw createApiError('UNAUTHENTICATED', 'The API key is not valid.');
}

/** Compares keys in constant time (digests first, so lengths leak nothing either). */
function isSameKey(presented: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
