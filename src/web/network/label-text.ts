/** The mark put where words were left out of a name. */
export const ELLIPSIS = '…';

/** A closing bracket group at the end of a name: a meeting's or award's place and day, `(Hòa Bình, 04/01/2024)`. */
const TRAILING_BRACKET = /\s(\([^()]*\))$/u;

/**
 * A name shortened to at most `maxChars` characters for a node label, keeping its end: the names
 * of a network differ at the end ("Liên minh Hợp tác xã tỉnh Đắk Nông", "… tỉnh Đắk Lắk"; a
 * person's given name; a meeting's place and day in brackets), so the last words are kept whole
 * (up to about half the room, or a closing bracket group whole when it leaves room for a word) and
 * as many first words as still fit are kept in front, with "…" where words were left out:
 * "Liên minh … tỉnh Đắk Nông", "Hội nghị … (Hòa Bình, 04/01/2024)". A name that fits is kept as
 * it is; a last word too long for the label keeps its last characters.
 */
export function shortenLabel(name: string, maxChars: number): string {
  const text = name.replace(/\s+/g, ' ').trim();
  if (text.length <= maxChars) return text;
  const bracket = TRAILING_BRACKET.exec(text)?.[1];
  if (bracket !== undefined && bracket.length <= maxChars - 4) {
    const start = keepFirstWords(text.slice(0, -bracket.length - 1).split(' '), maxChars - bracket.length - 3);
    return start === '' ? `${ELLIPSIS} ${bracket}` : `${start} ${ELLIPSIS} ${bracket}`;
  }
  const words = text.split(' ');
  const last = words.at(-1) ?? '';
  if (words.length === 1 || last.length > maxChars - 2) return `${ELLIPSIS}${text.slice(-(maxChars - 1))}`;
  const endRoom = Math.max(last.length, Math.floor(maxChars / 2));
  const end = [last];
  let endLength = last.length;
  for (let i = words.length - 2; i > 0; i--) {
    const next = endLength + 1 + words[i]!.length;
    if (next > endRoom) break;
    end.unshift(words[i]!);
    endLength = next;
  }
  const start = keepFirstWords(words.slice(0, words.length - end.length), maxChars - endLength - 3);
  return start === '' ? `${ELLIPSIS} ${end.join(' ')}` : `${start} ${ELLIPSIS} ${end.join(' ')}`;
}

/** As many of `words`, from the first, as fit in `room` characters with their spaces ('' when none does). */
function keepFirstWords(words: string[], room: number): string {
  const kept: string[] = [];
  let length = -1;
  for (const word of words) {
    const next = length + 1 + word.length;
    if (next > room) break;
    kept.push(word);
    length = next;
  }
  return kept.join(' ');
}
