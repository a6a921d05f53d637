import { Buffer } from 'node:buffer';

/**
 * A text's UTF-16 code units in a typed array, copied out by one native call, and back.
 * Loops that read a text character by character index this array instead of calling
 * `text.charCodeAt(i)`: V8 gives flat, sliced and joined strings different hidden
 * classes, and a loop that meets several of them makes every `charCodeAt` a slow
 * megamorphic call. The buffer route is also faster than TextDecoder for the way back.
 */

/** The code units of `text` (a fresh array the caller may overwrite). */
export function unitsOf(text: string): Uint16Array {
  const bytes = Buffer.from(text, 'utf16le');
  if (bytes.byteOffset % 2 === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, text.length);
  // Node's pooled buffers start on 8-byte boundaries; this copy only guards against a change
  const units = new Uint16Array(text.length);
  for (let i = 0; i < units.length; i++) units[i] = bytes.readUInt16LE(2 * i);
  return units;
}

/** The text those code units spell (the inverse of unitsOf). */
export function textOf(units: Uint16Array): string {
  return Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
}
