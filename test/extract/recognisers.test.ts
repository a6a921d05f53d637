import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/extract.ts';
import type { ExtractionRecord } from '../../src/extract/record/schema.ts';

/** Short reports written for these tests: each states one thing the extractor must read. */

function extract(text: string, extra: { url?: string; source?: string } = {}): ExtractionRecord {
  return extractReport({ file: 'test.txt', text, ...extra });
}

function names(record: ExtractionRecord, type: string): string[] {
  return record.entities.filter((e) => e.type === type).map((e) => `${e.name}${e.province === undefined ? '' : ` @${e.province ?? '?'}`}`);
}

function links(record: ExtractionRecord): string[] {
  const byId = new Map(record.entities.map((e) => [e.id, e.name]));
  return record.relations.map((r) => {
    const attr = r.attributes?.title ?? r.attributes?.role;
    return `${r.type} ${byId.get(r.source)} -> ${byId.get(r.target)}${attr ? ` (${String(attr)})` : ''}`;
  });
}

describe('officials in every common order', () => {
  it('reads name-first, title-first, several titles and a title on the next line', () => {
    const r = extract(
      [
        'Liên minh HTX tỉnh Đồng Nai tổng kết năm 2023',
        'Ngày 12/1/2024, Liên minh Hợp tác xã tỉnh Đồng Nai tổ chức hội nghị tổng kết năm 2023.',
        'Phó Chủ tịch UBND tỉnh Đồng Nai Trần Văn Vĩnh dự và chỉ đạo hội nghị.',
        'Đ/c Nguyễn Khải, Ủy viên Ban chấp hành Liên minh HTX Việt Nam, Chủ tịch Liên minh HTX tỉnh phát biểu khai mạc.',
        'Ông Lê Minh Tâm, Ủy viên BTV Liên minh HTX Việt Nam,',
        'Viện trưởng Viện Kinh tế hợp tác phát biểu tại hội nghị.',
        'Thu Hà',
      ].join('\n'),
    );
    expect(names(r, 'Official')).toEqual(['Trần Văn Vĩnh @Đồng Nai', 'Nguyễn Khải @Đồng Nai', 'Lê Minh Tâm @?']);
    expect(links(r).filter((l) => l.startsWith('HOLDS_POSITION') || l.startsWith('ATTENDED'))).toEqual([
      'HOLDS_POSITION Trần Văn Vĩnh -> Ủy ban nhân dân tỉnh (Phó Chủ tịch)',
      'HOLDS_POSITION Nguyễn Khải -> Liên minh Hợp tác xã Việt Nam (Ủy viên Ban Chấp hành)',
      'HOLDS_POSITION Nguyễn Khải -> Liên minh Hợp tác xã tỉnh Đồng Nai (Chủ tịch)',
      'HOLDS_POSITION Lê Minh Tâm -> Liên minh Hợp tác xã Việt Nam (Ủy viên Ban Thường vụ)',
      'HOLDS_POSITION Lê Minh Tâm -> Viện Kinh tế hợp tác (Viện trưởng)',
      'ATTENDED Trần Văn Vĩnh -> Hội nghị tổng kết năm 2023 (directed)',
      'ATTENDED Nguyễn Khải -> Hội nghị tổng kết năm 2023 (spoke)',
      'ATTENDED Lê Minh Tâm -> Hội nghị tổng kết năm 2023 (spoke)',
    ]);
    expect(r.document.author).toBe('Thu Hà');
  });
});

describe('agencies and abbreviations', () => {
  it('expands abbreviations, drops generic plurals and shares a level word across a list', () => {
    const r = extract(
      [
        'Tin kinh tế tập thể',
        'Liên minh HTX tỉnh Quảng Trị phối hợp với Sở KH&ĐT, Sở NN&PTNT và các sở, ngành liên quan tham mưu Tỉnh ủy, HĐND, UBND tỉnh.',
        'Hội LHPN tỉnh, Ban Chỉ đạo phát triển KTTT tỉnh (BCĐ) và Sở Nông nghiệp và Môi trường cùng tham gia. BCĐ họp định kỳ.',
      ].join('\n'),
    );
    expect(names(r, 'Agency')).toEqual([
      'Sở Kế hoạch và Đầu tư @Quảng Trị',
      'Sở Nông nghiệp và Phát triển nông thôn @Quảng Trị',
      'Tỉnh ủy @Quảng Trị',
      'Hội đồng nhân dân tỉnh @Quảng Trị',
      'Ủy ban nhân dân tỉnh @Quảng Trị',
      'Hội Liên hiệp Phụ nữ tỉnh @Quảng Trị',
      'Ban Chỉ đạo phát triển kinh tế tập thể tỉnh @Quảng Trị',
      'Sở Nông nghiệp và Môi trường @Quảng Trị',
    ]);
    expect(links(r)).toEqual([
      'COOPERATES_WITH Liên minh Hợp tác xã tỉnh Quảng Trị -> Sở Kế hoạch và Đầu tư',
      'COOPERATES_WITH Liên minh Hợp tác xã tỉnh Quảng Trị -> Sở Nông nghiệp và Phát triển nông thôn',
    ]);
    const bcd = r.entities.find((e) => e.name.startsWith('Ban Chỉ đạo'));
    expect(bcd?.mentions.map((m) => m.text)).toEqual(['Ban Chỉ đạo phát triển KTTT tỉnh', 'BCĐ']);
  });
});

describe('awards', () => {
  it('reads kind, authority, counts and named recipients', () => {
    const r = extract(
      [
        'Liên minh HTX tỉnh Sơn La tổng kết năm 2022',
        'Ngày 10/1/2023, Liên minh Hợp tác xã tỉnh Sơn La tổ chức hội nghị tổng kết năm 2022.',
        'Dịp này, Chủ tịch UBND tỉnh tặng Bằng khen cho 3 tập thể, 4 cá nhân, trong đó có HTX Nông nghiệp Chiềng Sơn.',
        'HTX Dịch vụ Mộc Châu được Liên minh HTX Việt Nam trao danh hiệu Ngôi sao HTX.',
      ].join('\n'),
    );
    const awards = r.entities.filter((e) => e.type === 'Award').map((e) => ({ kind: e.kind, date: e.date, province: e.province, attributes: e.attributes }));
    expect(awards).toEqual([
      { kind: 'Bằng khen', date: '2023-01-10', province: 'Sơn La', attributes: { collectives: 3, individuals: 4 } },
      { kind: 'Ngôi sao Hợp tác xã', date: '2023-01-10', province: 'Sơn La', attributes: { written: 'Ngôi sao HTX' } },
    ]);
    expect(links(r).filter((l) => /AWARDED_BY|RECEIVED/.test(l))).toEqual([
      'AWARDED_BY Bằng khen của Ủy ban nhân dân tỉnh -> Ủy ban nhân dân tỉnh',
      'RECEIVED Hợp tác xã Nông nghiệp Chiềng Sơn -> Bằng khen của Ủy ban nhân dân tỉnh',
      'AWARDED_BY Ngôi sao Hợp tác xã của Liên minh Hợp tác xã Việt Nam -> Liên minh Hợp tác xã Việt Nam',
      'RECEIVED Hợp tác xã Dịch vụ Mộc Châu -> Ngôi sao Hợp tác xã của Liên minh Hợp tác xã Việt Nam',
    ]);
  });
});

describe('statistics', () => {
  it('reads Vietnamese number formats and qualifiers, skipping targets and ranges', () => {
    const r = extract(
      [
        'Kinh tế tập thể tỉnh Nam Định',
        'Đến nay, toàn tỉnh Nam Định có trên 1.300 HTX, gần 2.500 tổ hợp tác, thu hút 16,3 nghìn thành viên và 28 nghìn lao động.',
        'Tổng số vốn điều lệ đạt 2,5 nghìn tỷ đồng; thu nhập bình quân của người lao động đạt 4,54 triệu đồng/người/tháng.',
        'Phấn đấu năm 2025 thành lập mới 50 HTX; dự kiến có từ 8-10 HTX kiểu mới.',
      ].join('\n'),
    );
    expect(r.statistics.map(({ metric, value, qualifier, province }) => ({ metric, value, qualifier, province }))).toEqual([
      { metric: 'cooperatives_total', value: 1300, qualifier: 'over', province: 'Nam Định' },
      { metric: 'cooperative_groups_total', value: 2500, qualifier: 'about', province: 'Nam Định' },
      { metric: 'members_total', value: 16300, qualifier: 'about', province: 'Nam Định' },
      { metric: 'workers_total', value: 28000, qualifier: 'exact', province: 'Nam Định' },
      { metric: 'charter_capital_billion_vnd', value: 2500, qualifier: 'exact', province: 'Nam Định' },
      { metric: 'avg_income_million_vnd_month', value: 4.54, qualifier: 'exact', province: 'Nam Định' },
    ]);
  });
});

describe('province resolution', () => {
  it('takes the province from the URL host or outlet tag and never from a person', () => {
    expect(extract('Hội nghị\nNgày 5/3/2024, Liên minh HTX tỉnh tổ chức hội nghị.', { url: 'https://baothaibinh.com.vn/tin-tuc/1' }).province).toBe('Thái Bình');
    expect(extract('Hội nghị\nPhuthoPortal - Ngày 5/3/2024, Liên minh HTX tỉnh tổ chức hội nghị.').province).toBe('Phú Thọ');
    const none = extract('Hội nghị\nNgày 5/3, UBND tỉnh tổ chức họp. Đồng chí Lê Thái Bình, Phó Chủ tịch UBND tỉnh chủ trì.');
    expect({ province: none.province, meetingDate: none.entities.find((e) => e.type === 'Meeting')?.date }).toEqual({ province: null, meetingDate: undefined });
  });
});

describe('officials named only by their title', () => {
  it('resolves `đồng chí Phó Chủ tịch UBND tỉnh` to the one official introduced with that title', () => {
    const r = extract(
      [
        'Họp Ban Chỉ đạo kinh tế tập thể',
        'Ngày 3/3/2023, UBND tỉnh Hà Giang tổ chức họp Ban Chỉ đạo phát triển kinh tế tập thể tỉnh.',
        'Đồng chí Lò Văn Pằng, Phó Chủ tịch UBND tỉnh dự họp.',
        'Kết luận cuộc họp, đồng chí Phó Chủ tịch UBND tỉnh yêu cầu các sở, ngành phối hợp chặt chẽ.',
      ].join('\n'),
    );
    const pang = r.entities.find((e) => e.name === 'Lò Văn Pằng');
    expect(pang?.mentions.map((m) => m.text)).toEqual(['Lò Văn Pằng', 'Phó Chủ tịch UBND tỉnh']);
    expect(links(r).filter((l) => l.startsWith('ATTENDED Lò'))).toEqual(['ATTENDED Lò Văn Pằng -> Họp Ban Chỉ đạo phát triển kinh tế tập thể tỉnh (directed)']);
  });
});
