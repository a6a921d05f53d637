import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/extract.ts';
import type { ExtractionRecord } from '../../src/extract/record/schema.ts';
import { provinceFromUrl } from '../../src/extract/places/provinces.ts';

/** Short reports written for these tests, in the ways real pages open: each states one thing about the event. */

function meetingOf(text: string, extra: { url?: string; publishedAt?: string } = {}): { date?: string; province?: string | null; organisers: string[] } | undefined {
  const record: ExtractionRecord = extractReport({ file: 'm.txt', text, ...extra });
  const meeting = record.entities.find((e) => e.type === 'Meeting');
  if (!meeting) return undefined;
  const byId = new Map(record.entities.map((e) => [e.id, e.name]));
  const organisers = record.relations.filter((r) => r.type === 'ORGANIZED' && r.target === meeting.id).map((r) => byId.get(r.source) ?? '?');
  return { ...(meeting.date ? { date: meeting.date } : {}), province: meeting.province, organisers };
}

describe('the event a report covers', () => {
  it('is found whatever verb introduces it, and dated by the first day of a span', () => {
    expect(meetingOf('Hội nghị tổng kết\nTrong 3 ngày 14, 15 và 16/3/2023, Liên minh HTX tỉnh Lào Cai tổ chức lớp tập huấn cho cán bộ hợp tác xã.')).toEqual({
      date: '2023-03-14',
      province: 'Lào Cai',
      organisers: ['Liên minh Hợp tác xã tỉnh Lào Cai'],
    });
    expect(meetingOf('Thăm hợp tác xã\nNgày 21/11/2022, Liên minh HTX tỉnh Sơn La đã tổ chức đoàn công tác thăm, tặng quà các hợp tác xã bị thiệt hại.')?.date).toBe('2022-11-21');
    // a sentence that opens with its date and names the event, with no holding verb
    expect(meetingOf('Đại hội thành công\nChiều 5-6, Đại hội đại biểu Liên minh HTX tỉnh Yên Bái lần thứ VI, nhiệm kỳ 2020-2025 bước vào phiên làm việc thứ hai.')).toEqual({
      date: '2020-06-05',
      province: 'Yên Bái',
      organisers: ['Liên minh Hợp tác xã tỉnh Yên Bái'],
    });
  });

  it('takes the missing year from the page date, the congress term or the years around it', () => {
    // the page is dated after the event: a day later in the year than the page's belongs to the year before
    expect(meetingOf('Hội nghị\nSáng nay (27/12), Liên minh HTX tỉnh Hà Nam tổ chức hội nghị tổng kết.', { publishedAt: '2024-01-03' })?.date).toBe('2023-12-27');
    expect(meetingOf('Hội nghị\nSáng 4/1, Liên minh HTX tỉnh Hà Nam tổ chức hội nghị.', { url: 'https://lmhtx.example.vn/2024/01/05/hoi-nghi/' })?.date).toBe('2024-01-04');
    // a review of one year and the plan of the next: held at the turn of the year
    expect(meetingOf('Hội nghị\nSáng 9/1, Liên minh HTX tỉnh Hà Nam tổ chức hội nghị tổng kết năm 2022, triển khai nhiệm vụ năm 2023.')?.date).toBe('2023-01-09');
    expect(meetingOf('Hội nghị\nSáng 28/12, Liên minh HTX tỉnh Hà Nam tổ chức hội nghị tổng kết năm 2022, triển khai nhiệm vụ năm 2023.')?.date).toBe('2022-12-28');
    // a term's end is not the year of a session held during it; the next sentence's report period is
    expect(meetingOf('Hội nghị\nSáng 20-12, Liên minh HTX tỉnh Hà Nam tổ chức Hội nghị Ban Chấp hành lần thứ 7, nhiệm kỳ 2020-2025. Tính đến tháng 11-2022, toàn tỉnh có 200 HTX.')?.date).toBe('2022-12-20');
    // an anniversary's range gives the year but is not the event's date
    expect(meetingOf('Kỷ niệm\nNgày 8/5, Liên minh HTX tỉnh Hà Nam tổ chức Lễ kỷ niệm 30 năm thành lập (10/5/1993 - 10/5/2023).')?.date).toBe('2023-05-08');
    // no year anywhere: left undated
    expect(meetingOf('Hội nghị\nSáng 8/5, Liên minh HTX tỉnh Hà Nam tổ chức hội nghị.')?.date).toBeUndefined();
  });

  it('is not a document, a deadline or a decision, and an undated event takes the date a later sentence gives it', () => {
    const decision = meetingOf('Khen thưởng\nUBND tỉnh Hà Nam vừa ban hành Quyết định số 120/QĐ-UBND ngày 2/3/2021 về khen thưởng.');
    expect(decision).toBeUndefined();
    expect(
      meetingOf('Hội thi\nThực hiện Kế hoạch số 15/KH-LMHTX ngày 3/2/2023, Liên minh HTX tỉnh Hà Nam tổ chức hội thi sản phẩm tiêu biểu. Hội thi dự kiến diễn ra vào ngày 20/4/2023.')
        ?.date,
    ).toBe('2023-04-20');
  });

  it('takes the term as a congress’s year only for a congress itself', () => {
    expect(
      meetingOf('Sơ kết\nSáng ngày 20/8, Liên minh HTX tỉnh Hà Nam tổ chức Hội nghị sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội lần thứ V, nhiệm kỳ 2020 – 2025. Đến ngày 31/7/2023, toàn tỉnh có 300 HTX.')?.date,
    ).toBe('2023-08-20');
  });

  it('is named by its phrase, never cut inside a bracket', () => {
    const record = extractReport({ file: 'b.txt', text: 'Tin tức\nNgày 3/7/2024, Liên minh HTX tỉnh Bình Định tổ chức họp mặt kỷ niệm ngày Hợp tác xã Việt Nam (11.4); hội nghị tổng kết năm.' });
    expect(record.entities.find((e) => e.type === 'Meeting')?.name).toBe('Họp mặt kỷ niệm ngày Hợp tác xã Việt Nam');
  });

  it('places a national event where it was held, and names its organisers', () => {
    // `X chủ trì, phối hợp với A, B tổ chức`: X and the partners named before the verb
    expect(
      meetingOf('Cuộc họp\nNgày 6/6/2023, Liên minh HTX tỉnh Ninh Thuận chủ trì phối hợp với Sở Công Thương, Trung tâm Khuyến nông tỉnh tổ chức cuộc họp.')?.organisers,
    ).toEqual(['Liên minh Hợp tác xã tỉnh Ninh Thuận', 'Sở Công Thương', 'Trung tâm Khuyến nông tỉnh']);
    expect(
      meetingOf('Lễ tôn vinh\nNgày 11/4/2024, tại Hà Nội, Liên minh Hợp tác xã Việt Nam tổ chức Lễ tôn vinh hợp tác xã tiêu biểu.', { url: 'https://baolongan.vn/x' }),
    ).toEqual({ date: '2024-04-11', province: 'Hà Nội', organisers: ['Liên minh Hợp tác xã Việt Nam'] });
    // `X phối hợp với Y tổ chức`: both organised
    expect(meetingOf('Diễn đàn\nNgày 3-10-2024, UBND tỉnh Long An phối hợp với Liên minh HTX Việt Nam tổ chức Diễn đàn kinh tế tập thể.')?.organisers).toEqual([
      'Ủy ban nhân dân tỉnh',
      'Liên minh Hợp tác xã Việt Nam',
    ]);
    // `Dự án` (a project) is no one attending: the subject before the verb still organised
    expect(meetingOf('Diễn đàn\nNgày 4-11-2025, UBND tỉnh Long An phối hợp với Liên minh HTX Việt Nam và Dự án DGRV tổ chức Diễn đàn kinh tế tập thể.')?.organisers).toEqual([
      'Ủy ban nhân dân tỉnh',
      'Liên minh Hợp tác xã Việt Nam',
    ]);
    // a guest attending is not an organiser: the congress is its alliance's own
    expect(
      meetingOf('Đại hội\nNgày 9/10/2020, đồng chí Nguyễn Văn Bình, Chủ tịch Liên minh HTX Việt Nam tham dự Đại hội Liên minh HTX tỉnh Long An lần thứ VI.')?.organisers,
    ).toEqual(['Liên minh Hợp tác xã tỉnh Long An']);
  });
});

describe('the province a site serves', () => {
  it('reads the province from the host in the gazetteer’s own spelling, not from a list of hosts', () => {
    expect(provinceFromUrl('https://lmhtxquangtri.vn/2023/x/')).toBe('Quảng Trị');
    expect(provinceFromUrl('https://lienminhhtxthanhhoa.org.vn/tin-tuc/x')).toBe('Thanh Hóa');
    expect(provinceFromUrl('https://sonongnghiep.camau.gov.vn/x')).toBe('Cà Mau');
    expect(provinceFromUrl('https://baolaichau.vn/x')).toBe('Lai Châu');
    expect(provinceFromUrl('https://www.hochiminhcity.gov.vn/x')).toBe('Hồ Chí Minh');
    expect(provinceFromUrl('https://tinhte.vn/x')).toBeNull();
    expect(provinceFromUrl('https://vca.org.vn/x')).toBeNull();
  });
});

describe('bodies acting together', () => {
  it('makes the bodies listed before `phối hợp tổ chức` partners', () => {
    const record = extractReport({ file: 'p.txt', text: 'Hội nghị\nSáng 30.7.2020, Liên minh HTX hai tỉnh Hải Dương, Nghệ An phối hợp tổ chức hội nghị kết nối cung cầu.' });
    const byId = new Map(record.entities.map((e) => [e.id, e.name]));
    expect(record.relations.filter((r) => r.type === 'COOPERATES_WITH').map((r) => [byId.get(r.source), byId.get(r.target)].sort().join(' + '))).toEqual([
      'Liên minh Hợp tác xã tỉnh Hải Dương + Liên minh Hợp tác xã tỉnh Nghệ An',
    ]);
  });
});

describe('a signing and its witnesses', () => {
  it('takes the witnesses of a signing for attending, and the hall it was held in for no party', () => {
    const record = extractReport({
      file: 'k.txt',
      text: 'Ký kết\nSáng 11/9/2025, tại Hội trường UBND tỉnh, Liên minh Hợp tác xã tỉnh Lào Cai và Hội Nông dân tỉnh đã ký kết Chương trình phối hợp. Chứng kiến lễ ký kết có bà Lê Thị Hoa, Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh; đại diện Sở Nông nghiệp và Môi trường.',
    });
    const byId = new Map(record.entities.map((e) => [e.id, e.name]));
    expect(record.relations.filter((r) => r.type === 'COOPERATES_WITH').map((r) => [byId.get(r.source), byId.get(r.target)].sort().join(' + '))).toEqual([
      'Hội Nông dân tỉnh + Liên minh Hợp tác xã tỉnh Lào Cai',
    ]);
    expect(record.relations.filter((r) => r.type === 'ATTENDED').map((r) => byId.get(r.source))).toEqual(['Sở Nông nghiệp và Môi trường', 'Lê Thị Hoa']);
  });
});

describe('places and alliances a report lists', () => {
  it('gives one alliance per province listed, and every province named as a place', () => {
    const record = extractReport({
      file: 'l.txt',
      text: 'Ký kết phối hợp\nNgày 5/5/2023, Liên minh Hợp tác xã tỉnh Kon Tum, Gia Lai và Đắk Lắk ký kết chương trình phối hợp. Dự lễ có lãnh đạo liên minh HTX các tỉnh: Phú Yên, Bình Định. Sản phẩm của HTX Thủy sản Quảng Ninh được giới thiệu.\nKhánh Hòa',
    });
    const byId = new Map(record.entities.map((e) => [e.id, e.name]));
    expect(record.entities.filter((e) => e.type === 'Alliance').map((e) => e.province)).toEqual(['Kon Tum', 'Gia Lai', 'Đắk Lắk', 'Phú Yên', 'Bình Định']);
    // a province inside a cooperative's name or the byline is no place of the report
    expect(record.entities.filter((e) => e.type === 'Province').map((e) => e.name)).toEqual(['Kon Tum', 'Gia Lai', 'Đắk Lắk', 'Phú Yên', 'Bình Định']);
    expect(record.relations.filter((r) => r.type === 'COOPERATES_WITH').map((r) => [byId.get(r.source), byId.get(r.target)].sort().join(' + '))).toEqual([
      'Liên minh Hợp tác xã tỉnh Gia Lai + Liên minh Hợp tác xã tỉnh Kon Tum',
      'Liên minh Hợp tác xã tỉnh Kon Tum + Liên minh Hợp tác xã tỉnh Đắk Lắk',
      'Liên minh Hợp tác xã tỉnh Gia Lai + Liên minh Hợp tác xã tỉnh Đắk Lắk',
    ]);
    expect(record.relations.filter((r) => r.type === 'ATTENDED').map((r) => byId.get(r.source))).toEqual(
      expect.arrayContaining(['Liên minh Hợp tác xã tỉnh Phú Yên', 'Liên minh Hợp tác xã tỉnh Bình Định']),
    );
  });
});
