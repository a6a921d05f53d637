import type { Span } from '../record/schema.ts';

/**
 * Splits normalised text into sentences with their offsets. Lines are always
 * boundaries (titles, captions and paragraphs are separate statements); inside a
 * line a sentence ends at . ! ? … followed by a space and a capital, a digit or a
 * quote, unless the dot closes a common abbreviation (TP., ThS., Đ/c. …).
 */

const ABBREVIATION_BEFORE_DOT = /(?:^|[\s(])(?:TP|Tp|TS|ThS|PGS|GS|BS|KS|CN|Th\.S|St|Mr|Mrs|Đ\/c|đ\/c|[A-ZĐ])$/u;
const BOUNDARY = /[.!?…]+["”’)]*(?=\s+["“‘(]?[\p{Lu}\p{N}])/gu;

/** The sentences of `text` within the given line spans, as spans of `text` (trimmed, non-empty). */
export function splitSentences(text: string, lines: { start: number; end: number }[]): Span[] {
  const out: Span[] = [];
  const push = (start: number, end: number): void => {
    while (start < end && /\s/.test(text[start] as string)) start++;
    while (end > start && /\s/.test(text[end - 1] as string)) end--;
    if (end > start) out.push({ start, end, text: text.slice(start, end) });
  };
  for (const line of lines) {
    const body = text.slice(line.start, line.end);
    let from = 0;
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(body); m; m = BOUNDARY.exec(body)) {
      if (m[0].startsWith('.') && ABBREVIATION_BEFORE_DOT.test(body.slice(Math.max(0, m.index - 6), m.index))) continue;
      const end = m.index + m[0].length;
      push(line.start + from, line.start + end);
      from = end;
    }
    push(line.start + from, line.end);
  }
  return out;
}
