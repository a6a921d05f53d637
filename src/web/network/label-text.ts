/** The mark put where words were left out of a name. */
export const ELLIPSIS = '…';

/**
 * A name shortened to at most `maxChars` characters for a node label, keeping its end: the names
 * of a network differ at the end ("Liên minh Hợp tác xã tỉnh Đắk Nông", "… tỉnh Đắk Lắk"; a
 * person's given name), so the last words are kept whole (up to about half the room) and as many
 * first words as still fit are kept in front, with "…" where words were left out: "Liên minh …
 * tỉnh Đắk Nông". A name that fits is kept as it is; a last word too long for the label keeps its
 * last characters.
 */
export function shortenLabel(name: string, maxChars: number): string {
  const text = name.replace(/\s+/g, ' ').trim();
  if (text.length <= maxChars) return text;
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
  const startRoom = maxChars - endLength - 3;
  const start: string[] = [];
  let startLength = -1;
  for (const word of words.slice(0, words.length - end.length)) {
    const next = startLength + 1 + word.length;
    if (next > startRoom) break;
    start.push(word);
    startLength = next;
  }
  return start.length === 0 ? `${ELLIPSIS} ${end.join(' ')}` : `${start.join(' ')} ${ELLIPSIS} ${end.join(' ')}`;
}
