import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../src/extract/text/normalise.ts';
import { canonicalToneMarks } from '../../src/extract/places/provinces.ts';
import { extractReport } from '../../src/extract/extract.ts';

describe('normalisation', () => {
  it('removes BOM, CR, runs of spaces, page debris and image file names, keeping outlet and date aside', () => {
    const raw =
      '\ufeffChào mừng bạn đến với Cổng thông tin điện tử Tỉnh An Giang\r\ncổng thông tin điện tử tỉnh an giang\r\n\r\nHội nghị   tổng kết\r\nNgày đăng: 01/02/2021\r\nXem với cở chữ : A- A A+\r\nscreenshot-2024-07-10-122551-1720589315.png\r\nResponsive image\r\nTrang chủ | Tin tức | Liên hệ\r\n  Nội dung\tchính.  \r\n';
    expect(normaliseText(raw, canonicalToneMarks)).toEqual({
      text: 'Hội nghị tổng kết\nNội dung chính.',
      lines: [
        { start: 0, end: 17 },
        { start: 18, end: 33 },
      ],
      welcomeOutlet: 'Cổng thông tin điện tử Tỉnh An Giang',
      outletLine: 'cổng thông tin điện tử tỉnh an giang',
      pageDate: { year: 2021, month: 2, day: 1 },
      dropped: 7,
    });
  });

  it('makes one spelling of tone marks and composes decomposed letters', () => {
    const decomposed = 'Ho\u0300a Bi\u0300nh, Uỷ ban, Khoá VI, Đăk Lăk'.normalize('NFD');
    expect(normaliseText(decomposed, canonicalToneMarks).text).toBe('Hòa Bình, Ủy ban, Khóa VI, Đắk Lắk');
  });

  it('drops invisible characters before spelling, so a word they split is spelled as one', () => {
    const split = 'Ho\u00adà Bình, Khánh Ho\u200bà, \u2060Uỷ ban';
    expect(normaliseText(split, canonicalToneMarks).text).toBe('Hòa Bình, Khánh Hòa, Ủy ban');
  });

  it('gives offsets that point into the record text', () => {
    const record = extractReport({ file: 'x.txt', text: 'Tiêu đề\r\n\r\nNgày 6/4/2021, Liên  minh HTX tỉnh Hoà Bình tổ chức hội nghị.\r\nNguyễn Văn A' });
    for (const e of record.entities) for (const m of e.mentions) expect(record.document.text.slice(m.start, m.end)).toBe(m.text);
    for (const r of record.relations) expect(record.document.text.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.text);
    expect(record.entities.map((e) => [e.type, e.name])).toEqual([
      ['Province', 'Hòa Bình'],
      ['Alliance', 'Liên minh Hợp tác xã tỉnh Hòa Bình'],
      ['Meeting', 'Hội nghị'],
    ]);
  });
});
