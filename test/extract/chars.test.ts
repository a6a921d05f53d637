import { describe, expect, it } from 'vitest';
import { findWordCapital } from '../../src/extract/text/chars.ts';
import { unitsOf } from '../../src/extract/text/code-units.ts';

/** The capital scan must find what `/(?<![\p{L}\p{N}])\p{Lu}/gu` finds, from any start. */
const WORD_CAPITAL = /(?<![\p{L}\p{N}])\p{Lu}/gu;

function byRegex(text: string, from: number): number {
  WORD_CAPITAL.lastIndex = from;
  return WORD_CAPITAL.exec(text)?.index ?? -1;
}

describe('findWordCapital', () => {
  const texts = [
    'Phó Chủ tịch UBND tỉnh Đồng Nai Trần Văn Vĩnh',
    'đồng chí Ủy viên; 3Nam, xĐông, (Bình) ǅaa ǄB',
    'chữ 𝐀lpha sau 😀Đà và 𝐚Bc, ΣΟΦΙΑ và Σοφία',
    'không có chữ hoa nào ở đây 123',
    '',
  ];
  it.each(texts)('agrees with the regex from every start in %j', (text) => {
    const units = unitsOf(text);
    for (let from = 0; from <= text.length + 1; from++) expect([from, findWordCapital(units, from)]).toEqual([from, byRegex(text, from)]);
  });

  it('finds the capitals that start words, not those inside them', () => {
    const text = 'Liên minh HTX tỉnh Hòa Bình';
    const found: string[] = [];
    const units = unitsOf(text);
    for (let at = findWordCapital(units, 0); at >= 0; at = findWordCapital(units, at + 1)) found.push(text.slice(at, text.indexOf(' ', at) < 0 ? undefined : text.indexOf(' ', at)));
    expect(found).toEqual(['Liên', 'HTX', 'Hòa', 'Bình']);
  });
});
