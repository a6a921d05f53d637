import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/extract.ts';
import type { ExtractionRecord } from '../../src/extract/record/schema.ts';

/** Short reports written for these tests: awards as real pages hand them out. */

function extract(text: string): ExtractionRecord {
  return extractReport({ file: 'a.txt', text: `Lễ kỷ niệm\nNgày 5/7/2024, Liên minh HTX tỉnh Lào Cai tổ chức Lễ kỷ niệm Ngày Hợp tác xã quốc tế.\n${text}` });
}

function awardLinks(record: ExtractionRecord): string[] {
  const byId = new Map(record.entities.map((e) => [e.id, e]));
  return record.relations
    .filter((r) => ['AWARDED_BY', 'RECEIVED', 'PRESENTED_AT'].includes(r.type))
    .map((r) => `${r.type} ${byId.get(r.source)?.name} -> ${byId.get(r.target)?.name}`);
}

const awardsOf = (record: ExtractionRecord) => record.entities.filter((e) => e.type === 'Award').map((e) => `${e.kind} ${e.date ?? '?'}`);

describe('awards as real pages hand them out', () => {
  it('reads kinds in their canonical spelling, a certificate with what it certifies, and only where one is handed out', () => {
    const r = extract(
      'Đồng chí Lê Văn An, Phó Chủ tịch UBND tỉnh trao Bức trướng của UBND tỉnh cho Liên minh HTX tỉnh. Ban Tổ chức trao Chứng nhận sản phẩm tiêu biểu cho HTX Mận Bắc Hà. Nhiều HTX đạt chứng nhận OCOP. Liên minh HTX Việt Nam trao danh hiệu Ngôi sao HTX cho HTX Chè Shan Tuyết.',
    );
    expect(awardsOf(r)).toEqual(['Bức trướng 2024-07-05', 'Chứng nhận sản phẩm tiêu biểu 2024-07-05', 'Ngôi sao Hợp tác xã 2024-07-05']);
    expect(awardLinks(r)).toEqual(
      expect.arrayContaining([
        'AWARDED_BY Bức trướng của Ủy ban nhân dân tỉnh -> Ủy ban nhân dân tỉnh',
        'RECEIVED Liên minh Hợp tác xã tỉnh Lào Cai -> Bức trướng của Ủy ban nhân dân tỉnh',
        'RECEIVED Hợp tác xã Mận Bắc Hà -> Chứng nhận sản phẩm tiêu biểu',
        'RECEIVED Hợp tác xã Chè Shan Tuyết -> Ngôi sao Hợp tác xã của Liên minh Hợp tác xã Việt Nam',
        'AWARDED_BY Ngôi sao Hợp tác xã của Liên minh Hợp tác xã Việt Nam -> Liên minh Hợp tác xã Việt Nam',
      ]),
    );
  });

  it('reads a list of awards under the line that hands them out, and no award where none is handed out', () => {
    const listed = extract('Tại hội nghị trao tặng danh hiệu cho các HTX có thành tích:\n• 01 Cờ thi đua của UBND tỉnh.\n• 05 Bằng khen của Chủ tịch UBND tỉnh.');
    expect(awardsOf(listed)).toEqual(['Cờ thi đua 2024-07-05', 'Bằng khen 2024-07-05']);
    expect(awardLinks(listed).filter((l) => l.startsWith('AWARDED_BY'))).toEqual([
      'AWARDED_BY Cờ thi đua của Ủy ban nhân dân tỉnh -> Ủy ban nhân dân tỉnh',
      'AWARDED_BY Bằng khen của Ủy ban nhân dân tỉnh -> Ủy ban nhân dân tỉnh',
    ]);
    expect(awardsOf(extract('Các tỉnh thành lập Hội đồng bình chọn giải thưởng “Ngôi sao HTX” năm 2024.'))).toEqual([]);
    // `công nhận` (to recognise) and `tặng quà` (gifts) hand out no award
    expect(awardsOf(extract('Hội đồng xét chọn giải thưởng “Ngôi sao HTX” trình Liên minh HTX Việt Nam xem xét công nhận.'))).toEqual([]);
  });

  it('gives an award in the name of the body its giver heads, and to the units listed after a count', () => {
    const r = extract(
      'Ba sản phẩm được chọn là mật ong của HTX Ong Sa Pa, gạo của HTX Nông nghiệp Mường Khương và chè của HTX Chè Bát Xát. Bà Trần Thị Lan, Chủ tịch Liên minh HTX tỉnh trao Giấy khen cho 3 HTX. Dịp này, UBND tỉnh tặng Bằng khen cho 2 tập thể có thành tích xuất sắc gồm: HTX Dịch vụ Bảo Yên và HTX Vận tải Lào Cai.',
    );
    expect(awardLinks(r).filter((l) => !l.startsWith('PRESENTED_AT'))).toEqual([
      'AWARDED_BY Giấy khen của Liên minh Hợp tác xã tỉnh Lào Cai -> Liên minh Hợp tác xã tỉnh Lào Cai',
      'RECEIVED Hợp tác xã Ong Sa Pa -> Giấy khen của Liên minh Hợp tác xã tỉnh Lào Cai',
      'RECEIVED Hợp tác xã Nông nghiệp Mường Khương -> Giấy khen của Liên minh Hợp tác xã tỉnh Lào Cai',
      'RECEIVED Hợp tác xã Chè Bát Xát -> Giấy khen của Liên minh Hợp tác xã tỉnh Lào Cai',
      'AWARDED_BY Bằng khen của Ủy ban nhân dân tỉnh -> Ủy ban nhân dân tỉnh',
      'RECEIVED Hợp tác xã Dịch vụ Bảo Yên -> Bằng khen của Ủy ban nhân dân tỉnh',
      'RECEIVED Hợp tác xã Vận tải Lào Cai -> Bằng khen của Ủy ban nhân dân tỉnh',
    ]);
  });

  it('names the winners of the one award of a report that calls it only a prize, and dates awards by decision when no meeting does', () => {
    const winners = extract('Liên minh HTX Việt Nam trao Giải thưởng Ngôi sao HTX năm 2024. Lào Cai có 2 HTX được tôn vinh, trao giải thưởng, đó là HTX Chè Tả Van và HTX Dược liệu Sín Chéng.');
    expect(awardLinks(winners).filter((l) => l.startsWith('RECEIVED'))).toEqual([
      'RECEIVED Hợp tác xã Chè Tả Van -> Ngôi sao Hợp tác xã của Liên minh Hợp tác xã Việt Nam',
      'RECEIVED Hợp tác xã Dược liệu Sín Chéng -> Ngôi sao Hợp tác xã của Liên minh Hợp tác xã Việt Nam',
    ]);
    const decided = extractReport({
      file: 'd.txt',
      text: 'Khen thưởng\nUBND tỉnh Lào Cai vừa ban hành Quyết định số 88/QĐ-UBND ngày 2/3/2022 về việc khen thưởng các hợp tác xã. Theo đó, tặng Cờ thi đua của UBND tỉnh cho 5 đơn vị dẫn đầu.',
    });
    expect(awardsOf(decided)).toEqual(['Cờ thi đua 2022-03-02']);
  });
});

describe('several awards from one giver', () => {
  it('carries the giver of one award on to the next it hands out in the same sentence', () => {
    const r = extract('Liên minh HTX Việt Nam tặng Cờ thi đua cho Liên minh HTX tỉnh Yên Bái và tặng Bằng khen cho Liên minh HTX tỉnh Hà Giang.');
    expect(awardLinks(r).filter((l) => l.startsWith('AWARDED_BY'))).toEqual([
      'AWARDED_BY Cờ thi đua của Liên minh Hợp tác xã Việt Nam -> Liên minh Hợp tác xã Việt Nam',
      'AWARDED_BY Bằng khen của Liên minh Hợp tác xã Việt Nam -> Liên minh Hợp tác xã Việt Nam',
    ]);
  });
});
