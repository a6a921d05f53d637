import { describe, expect, it } from 'vitest';
import { readArchiveMarker, readDateline, readUrlDate } from '../../src/extract/text/datelines.ts';
import { normaliseText } from '../../src/extract/text/normalise.ts';
import { shadowOf } from '../../src/extract/text/fold.ts';
import { canonicalToneMarks } from '../../src/extract/places/provinces.ts';
import { extractReport } from '../../src/extract/extract.ts';

const dateline = (line: string) => readDateline(shadowOf(line));

describe('the page around an article', () => {
  it('reads datelines portals print above or below an article, and nothing else', () => {
    expect(dateline('Thứ ba - 03/11/2020 10:05')).toEqual({ year: 2020, month: 11, day: 3 });
    expect(dateline('08:40 - Chủ nhật, 05/05/2024 Lượt xem: 212 In bài viết')).toEqual({ year: 2024, month: 5, day: 5 });
    expect(dateline('Cập nhật: 16:20 21/06/2019')).toEqual({ year: 2019, month: 6, day: 21 });
    expect(dateline('(09:12 | 14/02/2022)')).toEqual({ year: 2022, month: 2, day: 14 });
    expect(dateline('Ngày 15-08-2023 - Lượt xem: 7')).toEqual({ year: 2023, month: 8, day: 15 });
    expect(dateline('2021-12-30 07:45')).toEqual({ year: 2021, month: 12, day: 30 });
    // a lead that opens with its date, a sentence, an impossible date
    expect(dateline('Ngày 12/03/2024,')).toBeNull();
    expect(dateline('Ngày 12/03/2024, Liên minh HTX tỉnh tổ chức hội nghị')).toBeNull();
    expect(dateline('Thứ hai - 31/02/2020 09:00')).toBeNull();
  });

  it('reads an archive marker opening a text, and the date in an address path', () => {
    expect(readArchiveMarker('date 2021-07 Ngày 3/7, Sở Tài chính tổ chức')).toEqual({ date: { year: 2021, month: 7 }, end: 13 });
    expect(readArchiveMarker('date 2024-02-29 Hotline')).toEqual({ date: { year: 2024, month: 2, day: 29 }, end: 16 });
    expect(readArchiveMarker('date of the event')).toBeNull();
    expect(readUrlDate('https://lmhtx.example.vn/2023/04/07/hoi-nghi-so-ket/')).toEqual({ year: 2023, month: 4, day: 7 });
    expect(readUrlDate('https://bao.example.vn/channel/12/202205/tin-123/')).toEqual({ year: 2022, month: 5 });
    expect(readUrlDate('https://bao.example.vn/tin-tuc/hoi-nghi-2023-123.html')).toBeNull();
  });

  it('drops datelines and the archive marker from the text, keeping the page date aside', () => {
    const norm = normaliseText(' date 2022-09 Ngày 5-9, Liên minh HTX tỉnh tổ chức hội nghị.\nThứ hai - 05/09/2022 14:00\nNội dung.', canonicalToneMarks);
    expect(norm.text).toBe('Ngày 5-9, Liên minh HTX tỉnh tổ chức hội nghị.\nNội dung.');
    expect(norm.pageDate).toEqual({ year: 2022, month: 9 });
  });

  it('joins a hard-wrapped text back into paragraphs, names broken over lines included', () => {
    const raw = [
      'Ngày 10/01/2024,',
      'Liên minh Hợp tác xã tỉnh tổ chức Hội nghị Ban Chấp hành lần thứ 8; đồng chí Lê',
      'Văn Khải, Phó Chủ tịch UBND tỉnh dự và chỉ đạo hội nghị. Tham dự có đại diện các',
      'sở, ngành của tỉnh và các hợp tác xã thành viên tiêu biểu trên địa bàn, cùng các',
      'tập thể được khen thưởng.',
      '',
      'Đoạn sau.',
    ].join('\n');
    expect(normaliseText(raw, canonicalToneMarks).text).toBe(
      'Ngày 10/01/2024, Liên minh Hợp tác xã tỉnh tổ chức Hội nghị Ban Chấp hành lần thứ 8; đồng chí Lê Văn Khải, Phó Chủ tịch UBND tỉnh dự và chỉ đạo hội nghị. Tham dự có đại diện các sở, ngành của tỉnh và các hợp tác xã thành viên tiêu biểu trên địa bàn, cùng các tập thể được khen thưởng.\nĐoạn sau.',
    );
    // an ordinary page, whose lines are paragraphs and captions, is left as it is
    const page = 'Tiêu đề bài viết về hợp tác xã\nĐồng chí Lê Văn Khải phát biểu tại hội nghị\nNội dung bài viết dài hơn bốn mươi ký tự không có dấu chấm\nNội dung khác.';
    expect(normaliseText(page, canonicalToneMarks).lines).toHaveLength(4);
  });

  it('takes the headline as title only when the text opens with one', () => {
    const withHeadline = extractReport({ file: 'a.txt', text: 'Hội nghị tổng kết kinh tế tập thể năm 2023\n\nNgày 5/1/2024, Liên minh HTX tỉnh Phú Thọ tổ chức hội nghị tổng kết.' });
    expect(withHeadline.document.title).toBe('Hội nghị tổng kết kinh tế tập thể năm 2023');
    const kicker = extractReport({ file: 'b.txt', text: 'Liên minh HTX tỉnh Phú Thọ:\nTổng kết năm 2023 và triển khai nhiệm vụ năm 2024\nNgày 5/1/2024, Liên minh HTX tỉnh tổ chức hội nghị tổng kết.' });
    expect(kicker.document.title).toBe('Tổng kết năm 2023 và triển khai nhiệm vụ năm 2024');
    // a text that opens with its lead sentence: the lead is part of the body, and the title is derived from it
    const lead = extractReport({ file: 'c.txt', text: 'Sáng ngày 5/1/2024, Liên minh HTX tỉnh Phú Thọ tổ chức Hội nghị tổng kết công tác năm 2023 và triển khai nhiệm vụ năm 2024 với sự tham dự của đại biểu các sở, ngành.' });
    expect(lead.entities.find((e) => e.type === 'Meeting')?.date).toBe('2024-01-05');
    expect(lead.document.title).toBe('Sáng ngày 5/1/2024, Liên minh HTX tỉnh Phú Thọ tổ chức Hội nghị tổng kết công tác năm 2023 và triển…');
    expect(lead.document.titleDerived).toBe(true);
    expect(withHeadline.document.titleDerived).toBeUndefined();
  });

  it('makes a title of a report without one from its first sentence, or from its address when the text opens with none', () => {
    const paragraph = extractReport({
      file: 'd.txt',
      text: '(ABC) - Ngày 5/1, Liên minh HTX tỉnh Phú Thọ tổ chức hội nghị. Tham dự có lãnh đạo các sở, ngành, và đông đảo đại biểu các hợp tác xã trên địa bàn tỉnh cùng nhiều khách mời khác.',
    });
    expect(paragraph.document).toMatchObject({ title: 'Ngày 5/1, Liên minh HTX tỉnh Phú Thọ tổ chức hội nghị', titleDerived: true });
    const banner = extractReport({ file: 'e.txt', url: 'https://lmhtx.example.vn/tin-tuc/lien-minh-htx-tinh-tong-ket-nam-2023-a123.html', text: 'Tìm kiếm\nNgày 5/1, Liên minh HTX tỉnh Phú Thọ tổ chức hội nghị tổng kết năm 2023.' });
    expect(banner.document).toMatchObject({ title: 'Lien minh htx tinh tong ket nam 2023', titleDerived: true });
    const given = extractReport({ file: 'f.txt', title: 'Tổng kết năm', text: 'Ngày 5/1, Liên minh HTX tỉnh Phú Thọ tổ chức hội nghị tổng kết.' });
    expect(given.document.titleDerived).toBeUndefined();
  });
});

describe('who wrote a report and where it was filed', () => {
  const meta = (text: string, url?: string) => {
    const r = extractReport({ file: 'b.txt', text, ...(url ? { url } : {}) });
    return { author: r.document.author, source: r.document.source, province: r.province };
  };

  it('reads bylines set in capitals, under the headline, glued to an address or followed by an office', () => {
    expect(meta('Hội nghị tổng kết kinh tế tập thể\n\nNgày 5/1/2024, Liên minh HTX tỉnh Phú Thọ tổ chức hội nghị.\n\nTRẦN VĂN HẢI').author).toBe('Trần Văn Hải');
    expect(meta('Hội nghị tổng kết kinh tế tập thể\nLê Thị Hoa\nNgày 5/1/2024, Liên minh HTX tỉnh Phú Thọ tổ chức hội nghị.\nNội dung.').author).toBe('Lê Thị Hoa');
    expect(meta('Hội nghị tổng kết kinh tế tập thể\nNgày 5/1/2024, Liên minh HTX tỉnh Phú Thọ tổ chức hội nghị.\nNGỌC LINHhttps://baophutho.vn/').author).toBe('Ngọc Linh');
    expect(meta('Hội nghị tổng kết kinh tế tập thể\nNgày 5/1/2024, Liên minh HTX tỉnh Phú Thọ tổ chức hội nghị.\nNguyễn Thị Mai – Chi cục PTNT').author).toBe('Nguyễn Thị Mai');
  });

  it('reads an outlet’s address as a tag, and a place opening the body as where the report was filed', () => {
    expect(meta('Hội nghị tổng kết kinh tế tập thể\n(Baophutho.vn) - Ngày 5/1/2024, Liên minh HTX tỉnh tổ chức hội nghị.').source).toBe('Baophutho.vn');
    expect(meta('Tập trung phát triển hợp tác xã kiểu mới\nĐÀ NẴNG – Ngày 29-11, Liên minh HTX thành phố tổ chức Đại hội.').province).toBe('Đà Nẵng');
  });
});
