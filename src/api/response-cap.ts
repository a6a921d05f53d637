import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Caps the size of GraphQL answers (`API_MAX_RESPONSE_BYTES`). A 1.8 KB query asking 30 aliases
 * of one large report's text made a 294 MB answer (2 GB of memory): the data itself was one
 * string, the answer 30 copies of it. The answer is measured before it is serialised, and
 * measuring stops as soon as the cap is passed, so refusing costs at most the cap in work.
 */
export function createResponseCap(maxBytes: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          if (measureJsonBytes(response.body.singleResult, maxBytes) <= maxBytes) return;
          response.body.singleResult = {
            errors: [
              {
                message: `The answer would be larger than ${maxBytes} bytes (API_MAX_RESPONSE_BYTES): ask for fewer items or fields; download large exports with GET /export.`,
                extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes },
              },
            ],
          };
        },
      };
    },
  };
}

/**
 * The size of `value` as compact JSON, in UTF-8 bytes (string escapes aside), counted up to just
 * past `stopAfter`: once the count exceeds it the walk ends and returns what it has. Iterative, so
 * a deeply nested value cannot overflow the stack.
 */
export function measureJsonBytes(value: unknown, stopAfter: number): number {
  let bytes = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && bytes <= stopAfter) {
    const next = stack.pop();
    if (typeof next === 'string') bytes += Buffer.byteLength(next, 'utf8') + 2;
    else if (typeof next === 'number' || typeof next === 'boolean' || typeof next === 'bigint') bytes += String(next).length;
    else if (next === null || next === undefined) bytes += 4;
    else if (Array.isArray(next)) {
      bytes += 2 + Math.max(0, next.length - 1);
      for (const item of next) stack.push(item);
    } else if (typeof next === 'object') {
      const entries = Object.entries(next);
      bytes += 2 + Math.max(0, entries.length - 1);
      for (const [key, item] of entries) {
        bytes += Buffer.byteLength(key, 'utf8') + 3;
        stack.push(item);
      }
    }
  }
  return bytes;
}
