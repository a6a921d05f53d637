import type { Readable } from 'node:stream';

/** One line of a stream: its 1-based number and text, or `tooLong` with its size when it passed the limit. */
export type Line = { number: number; text: string } | { number: number; tooLong: number };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The lines of a byte stream (LF or CRLF), decoded as UTF-8 one line at a time, without ever
 * holding more than `maxLineBytes` of one line: a longer line is counted, not kept, and comes out
 * as `tooLong`, so a feed of any size reads in constant memory and one bad line fails alone. A
 * line that is not UTF-8 throws a `LineEncodingError` naming it, after which reading can go on.
 */
export async function* readLines(stream: Readable, maxLineBytes: number): AsyncGenerator<Line | LineEncodingError> {
  let parts: Buffer[] = [];
  let size = 0;
  let number = 1;
  const finish = (): Line | LineEncodingError => {
    const line = number++;
    if (size > maxLineBytes) return { number: line, tooLong: size };
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    try {
      return { number: line, text: utf8.decode(bytes.subarray(0, end)) };
    } catch {
      return new LineEncodingError(line);
    }
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (let newline = chunk.indexOf(0x0a); newline >= 0; newline = chunk.indexOf(0x0a, start)) {
      keep(chunk.subarray(start, newline));
      yield finish();
      parts = [];
      size = 0;
      start = newline + 1;
    }
    keep(chunk.subarray(start));
  }
  if (size > 0) yield finish();

  function keep(piece: Buffer): void {
    size += piece.length;
    if (size <= maxLineBytes && piece.length > 0) parts.push(piece);
    else if (size > maxLineBytes) parts = [];
  }
}

/** A line that is not valid UTF-8. */
export class LineEncodingError extends Error {
  override name = 'LineEncodingError';
  constructor(readonly number: number) {
    super(`line ${number} is not valid UTF-8 text`);
  }
}
