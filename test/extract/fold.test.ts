import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fold, foldSlowly } from '../../src/extract/text/fold.ts';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** A small deterministic generator (mulberry32), so a failure can be reproduced. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('fold', () => {
  it('folds the spellings of one name alike', () => {
    expect(['Hoà Bình', 'Hòa Bình', 'hoa binh', ' HOÀ  BÌNH. ', 'Hoa\u0300 Bi\u0300nh'].map(fold)).toEqual(Array(5).fill('hoa binh'));
    expect(fold('Đinh Công Sứ')).toBe('dinh cong su');
    expect(fold('Liên minh HTX tỉnh Thừa Thiên – Huế (2025)')).toBe('lien minh htx tinh thua thien hue 2025');
  });

  it('gives what the definition gives for every code unit on its own and between letters', () => {
    const differing: string[] = [];
    for (let code = 0; code < 0x2100; code++) {
      const char = String.fromCharCode(code);
      for (const text of [char, `a${char}b`, `${char}${char} x`]) {
        if (fold(text) !== foldSlowly(text)) differing.push(`U+${code.toString(16).padStart(4, '0')} in ${JSON.stringify(text)}`);
      }
    }
    expect(differing).toEqual([]);
  });

  it('gives what the definition gives for random text over Vietnamese, punctuation, marks and other scripts', () => {
    const alphabet = [
      ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ0123456789',
      ...'àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ',
      ...'ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ',
      ...' \t\n.,;:-–—()"\'/%&“”‘’…•\u200b\u2028', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u00a0', 'İ', 'ß', 'Σ', 'ς', 'Ω', 'ﬁ', '①', '漢', '😀',
    ];
    const next = random(7);
    const differing: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      const length = Math.floor(next() * 24);
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(next() * alphabet.length)];
      if (fold(text) !== foldSlowly(text)) differing.push(JSON.stringify(text));
    }
    expect(differing).toEqual([]);
  });

  it('gives what the definition gives on every line of the seed reports', () => {
    const lines = readdirSync(SEEDS)
      .filter((name) => name.endsWith('.txt'))
      .flatMap((name) => readFileSync(SEEDS + name, 'utf8').split('\n'));
    expect(lines.length).toBeGreaterThan(50);
    expect(lines.filter((line) => fold(line) !== foldSlowly(line))).toEqual([]);
  });
});
