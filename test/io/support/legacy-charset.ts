import iconv from 'iconv-lite';

/**
 * Vietnamese text in windows-1258, as a legacy page stores it: the code page has the letters
 * with circumflex, breve and horn (â, ê, ô, ă, ơ, ư, đ) but writes the tone marks as separate
 * combining characters, so `ế` is `ê` + U+0301.
 */
export function encodeWindows1258(text: string): Buffer {
  const decomposed = text.normalize('NFD').replace(/([A-Za-z])([\u0300-\u036f]+)/g, (_, letter: string, marks: string) => {
    const shape = marks.replace(/[^\u0302\u0306\u031b]/g, '');
    return `${letter}${shape}`.normalize('NFC') + marks.replace(/[\u0302\u0306\u031b]/g, '');
  });
  return iconv.encode(decomposed, 'windows-1258');
}
