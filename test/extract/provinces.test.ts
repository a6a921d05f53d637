import { describe, expect, it } from 'vitest';
import raw from '../../src/extract/data/provinces.json' with { type: 'json' };
import { loadGazetteer } from '../../src/extract/places/gazetteer.ts';
import {
  canonicalProvince,
  canonicalToneMarks,
  findProvinceMentions,
  isPostMerger,
  listProvinces,
  mergerTarget,
  provinceFromSource,
  provinceFromUrl,
  resolveProvinceAt,
} from '../../src/extract/places/provinces.ts';

/** The 63 → 34 table of `../shared/reference/provinces-2025.md`: old unit → unit from 1 Jul 2025. */
const MERGER: Record<string, string> = {
  'An Giang': 'An Giang', 'Bà Rịa - Vũng Tàu': 'Hồ Chí Minh', 'Bắc Giang': 'Bắc Ninh', 'Bắc Kạn': 'Thái Nguyên',
  'Bạc Liêu': 'Cà Mau', 'Bắc Ninh': 'Bắc Ninh', 'Bến Tre': 'Vĩnh Long', 'Bình Định': 'Gia Lai',
  'Bình Dương': 'Hồ Chí Minh', 'Bình Phước': 'Đồng Nai', 'Bình Thuận': 'Lâm Đồng', 'Cà Mau': 'Cà Mau',
  'Cần Thơ': 'Cần Thơ', 'Cao Bằng': 'Cao Bằng', 'Đà Nẵng': 'Đà Nẵng', 'Đắk Lắk': 'Đắk Lắk', 'Đắk Nông': 'Lâm Đồng',
  'Điện Biên': 'Điện Biên', 'Đồng Nai': 'Đồng Nai', 'Đồng Tháp': 'Đồng Tháp', 'Gia Lai': 'Gia Lai',
  'Hà Giang': 'Tuyên Quang', 'Hà Nam': 'Ninh Bình', 'Hà Nội': 'Hà Nội', 'Hà Tĩnh': 'Hà Tĩnh', 'Hải Dương': 'Hải Phòng',
  'Hải Phòng': 'Hải Phòng', 'Hậu Giang': 'Cần Thơ', 'Hòa Bình': 'Phú Thọ', 'Huế': 'Huế', 'Hưng Yên': 'Hưng Yên',
  'Khánh Hòa': 'Khánh Hòa', 'Kiên Giang': 'An Giang', 'Kon Tum': 'Quảng Ngãi', 'Lai Châu': 'Lai Châu',
  'Lâm Đồng': 'Lâm Đồng', 'Lạng Sơn': 'Lạng Sơn', 'Lào Cai': 'Lào Cai', 'Long An': 'Tây Ninh', 'Nam Định': 'Ninh Bình',
  'Nghệ An': 'Nghệ An', 'Ninh Bình': 'Ninh Bình', 'Ninh Thuận': 'Khánh Hòa', 'Phú Thọ': 'Phú Thọ', 'Phú Yên': 'Đắk Lắk',
  'Quảng Bình': 'Quảng Trị', 'Quảng Nam': 'Đà Nẵng', 'Quảng Ngãi': 'Quảng Ngãi', 'Quảng Ninh': 'Quảng Ninh',
  'Quảng Trị': 'Quảng Trị', 'Sóc Trăng': 'Cần Thơ', 'Sơn La': 'Sơn La', 'Tây Ninh': 'Tây Ninh', 'Thái Bình': 'Hưng Yên',
  'Thái Nguyên': 'Thái Nguyên', 'Thanh Hóa': 'Thanh Hóa', 'Tiền Giang': 'Đồng Tháp', 'Hồ Chí Minh': 'Hồ Chí Minh',
  'Trà Vinh': 'Vĩnh Long', 'Tuyên Quang': 'Tuyên Quang', 'Vĩnh Long': 'Vĩnh Long', 'Vĩnh Phúc': 'Phú Thọ',
  'Yên Bái': 'Lào Cai',
};

const THE_34 = [
  'Hà Nội', 'Huế', 'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh',
  'Cao Bằng', 'Tuyên Quang', 'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên', 'Hải Phòng', 'Ninh Bình',
  'Quảng Trị', 'Đà Nẵng', 'Quảng Ngãi', 'Gia Lai', 'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Hồ Chí Minh', 'Đồng Nai',
  'Tây Ninh', 'Cần Thơ', 'Vĩnh Long', 'Đồng Tháp', 'Cà Mau', 'An Giang',
];

/** The mentions of a text as `[province, text as written, prefixed]`. */
function mentionsOf(text: string): [string, string, boolean][] {
  return findProvinceMentions(text).map((m) => [m.province, m.text, m.prefixed]);
}

describe('the units', () => {
  it('lists the 63 units before the merger and the 34 after it', () => {
    expect(listProvinces().map((p) => p.name).sort()).toEqual(Object.keys(MERGER).sort());
    expect(listProvinces('pre-merger')).toHaveLength(63);
    expect(listProvinces('post-merger').map((p) => p.name).sort()).toEqual([...THE_34].sort());
  });

  it('resolves every one of the 63 and the 34 by its own name, and without diacritics', () => {
    for (const name of [...Object.keys(MERGER), ...THE_34]) {
      expect(canonicalProvince(name)).toBe(name);
      expect(canonicalProvince(name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd'))).toBe(name);
    }
  });

  it('maps every old unit to the unit it belongs to from 1 Jul 2025, one of the 34', () => {
    const targets = Object.fromEntries(Object.keys(MERGER).map((name) => [name, mergerTarget(name)]));
    expect(targets).toEqual(MERGER);
    for (const target of Object.values(targets)) expect(THE_34).toContain(target);
    expect(listProvinces().filter((p) => p.mergedInto !== null)).toHaveLength(52);
  });

  it('spot-checks the merger facts', () => {
    expect(mergerTarget('tỉnh Hoà Bình')).toBe('Phú Thọ');
    expect(mergerTarget('Bình Dương')).toBe('Hồ Chí Minh');
    expect(mergerTarget('BR-VT')).toBe('Hồ Chí Minh');
    expect(mergerTarget('Hà Giang')).toBe('Tuyên Quang');
    expect(mergerTarget('Yên Bái')).toBe('Lào Cai');
    expect(mergerTarget('Kon Tum')).toBe('Quảng Ngãi');
    expect(mergerTarget('Bình Định')).toBe('Gia Lai');
    expect(mergerTarget('Đăk Nông')).toBe('Lâm Đồng');
    expect(mergerTarget('Long An')).toBe('Tây Ninh');
    expect(mergerTarget('Tiền Giang')).toBe('Đồng Tháp');
    expect(mergerTarget('Kiên Giang')).toBe('An Giang');
    expect(mergerTarget('Thừa Thiên Huế')).toBe('Huế');
    expect(mergerTarget('Thanh Hoá')).toBe('Thanh Hóa');
    expect(mergerTarget('Atlantis')).toBeNull();
    expect(listProvinces().find((p) => p.name === 'Phú Thọ')?.formedFrom).toEqual(['Phú Thọ', 'Hòa Bình', 'Vĩnh Phúc']);
    expect(isPostMerger('Hòa Bình')).toBe(false);
    expect(isPostMerger('Phú Thọ')).toBe(true);
  });

  it('reads a name as the unit of its date', () => {
    expect(resolveProvinceAt('Hòa Bình', '2024-01-04')).toBe('Hòa Bình');
    expect(resolveProvinceAt('Hòa Bình', '2025-07-01')).toBe('Phú Thọ');
    expect(resolveProvinceAt('Gia Lai', '2025-09-30')).toBe('Gia Lai');
  });
});

describe('canonicalProvince', () => {
  it.each([
    ['tỉnh Hoà Bình', 'Hòa Bình'],
    ['Tỉnh Hòa Bình', 'Hòa Bình'],
    ['hoa binh', 'Hòa Bình'],
    ['TP. Hồ Chí Minh', 'Hồ Chí Minh'],
    ['Thành phố Hồ Chí Minh', 'Hồ Chí Minh'],
    ['TP.HCM', 'Hồ Chí Minh'],
    ['TPHCM', 'Hồ Chí Minh'],
    ['TP HCM', 'Hồ Chí Minh'],
    ['thành phố Cần Thơ', 'Cần Thơ'],
    ['Tp.Cần Thơ', 'Cần Thơ'],
    ['Khánh Hoà', 'Khánh Hòa'],
    ['Thanh Hoá', 'Thanh Hóa'],
    ['Đăk Lăk', 'Đắk Lắk'],
    ['Đắc Lắc', 'Đắk Lắk'],
    ['Dak Lak', 'Đắk Lắk'],
    ['Bà Rịa – Vũng Tàu', 'Bà Rịa - Vũng Tàu'],
    ['Bà Rịa Vũng Tàu', 'Bà Rịa - Vũng Tàu'],
    ['BR-VT', 'Bà Rịa - Vũng Tàu'],
    ['Thừa Thiên - Huế', 'Huế'],
    ['tỉnh Thừa Thiên Huế', 'Huế'],
    ['TT-Huế', 'Huế'],
    ['Bắc Cạn', 'Bắc Kạn'],
    ['Bạc Liêu (cũ)', 'Bạc Liêu'],
    ['  HÀ NỘI ', 'Hà Nội'],
  ])('%s → %s', (name, expected) => {
    expect(canonicalProvince(name)).toBe(expected);
  });

  it.each(['Hà Tây', 'Thái Bình Dương', 'tỉnh', 'Việt Nam', '', 'Hòa Bình Xanh'])('%s names no province', (name) => {
    expect(canonicalProvince(name)).toBeNull();
  });
});

describe('outlets and hosts', () => {
  it.each([
    ['https://baothaibinh.com.vn/tin-tuc/2/123/lien-minh-htx', 'Thái Bình'],
    ['http://www.baophutho.vn/kinh-te/abc.htm', 'Phú Thọ'],
    ['https://hoabinh.gov.vn/web/guest/tin-tuc', 'Hòa Bình'],
    ['sonnptnt.phutho.gov.vn/news', 'Phú Thọ'],
    ['https://baodongkhoi.vn/x', 'Bến Tre'],
    ['https://sggp.org.vn/x', 'Hồ Chí Minh'],
    ['https://thuathienhue.gov.vn/vi-vn/', 'Huế'],
  ])('%s → %s', (url, expected) => {
    expect(provinceFromUrl(url)).toBe(expected);
  });

  it.each(['https://nhandan.vn/x', 'https://vca.org.vn', 'not a url', ''])('%s names no province', (url) => {
    expect(provinceFromUrl(url)).toBeNull();
  });

  it.each([
    ['PhuthoPortal', 'Phú Thọ'],
    ['phuthoportal', 'Phú Thọ'],
    ['HoabinhPortal', 'Hòa Bình'],
    ['Báo Hòa Bình', 'Hòa Bình'],
    ['Báo Hoà Bình', 'Hòa Bình'],
    ['Báo Phú Thọ', 'Phú Thọ'],
    ['Cổng TTĐT tỉnh An Giang', 'An Giang'],
    ['Cổng TTĐT tỉnh AG', 'An Giang'],
    ['Cổng thông tin điện tử tỉnh Bắc Ninh', 'Bắc Ninh'],
    ['cổng thông tin điện tử tỉnh an giang', 'An Giang'],
    ['Đài PT-TH Thanh Hoá', 'Thanh Hóa'],
    ['Báo Đồng Khởi', 'Bến Tre'],
    ['Sài Gòn Giải Phóng', 'Hồ Chí Minh'],
  ])('%s → %s', (tag, expected) => {
    expect(provinceFromSource(tag)).toBe(expected);
  });

  it.each(['Báo Nhân Dân', 'VCA', 'Báo Hòa Bình và Báo Phú Thọ', 'AG'])('%s names no single province', (tag) => {
    expect(provinceFromSource(tag)).toBeNull();
  });
});

describe('canonicalToneMarks', () => {
  it('moves the tone mark of open oa/oe/uy syllables and keeps the length', () => {
    const text = 'Hoà Bình, Thanh Hoá, Khánh Hoà, Uỷ ban, UỶ BAN, khoẻ, Thuỷ, tuỳ, Khoá XIII, Đăk Lăk, ĐĂK NÔNG';
    const canonical = canonicalToneMarks(text);
    expect(canonical).toBe('Hòa Bình, Thanh Hóa, Khánh Hòa, Ủy ban, ỦY BAN, khỏe, Thủy, tùy, Khóa XIII, Đắk Lắk, ĐẮK NÔNG');
    expect(canonical.length).toBe(text.length);
  });

  it('leaves closed syllables, three-vowel syllables and qu- alone', () => {
    const text = 'hoàn thành, toàn tỉnh, ngoài ra, hoài niệm, quý, Quỳnh, khuyến nông, đắc cử, lắc đầu';
    expect(canonicalToneMarks(text)).toBe(text);
  });

  it('returns NFC for decomposed input', () => {
    expect(canonicalToneMarks('Hoà Bình'.normalize('NFD'))).toBe('Hòa Bình');
  });
});

describe('findProvinceMentions', () => {
  it('finds prefixed and bare names with offsets into the text', () => {
    const text = 'Liên minh HTX tỉnh Hoà Bình làm việc với TP.HCM, thành phố Cần Thơ và Bắc Ninh.';
    const mentions = findProvinceMentions(text);
    expect(mentions).toEqual([
      { province: 'Hòa Bình', start: 19, end: 27, text: 'Hoà Bình', prefixed: true, prefix: { start: 14, end: 18, text: 'tỉnh' }, former: false },
      { province: 'Hồ Chí Minh', start: 41, end: 47, text: 'TP.HCM', prefixed: true, prefix: null, former: false },
      { province: 'Cần Thơ', start: 59, end: 66, text: 'Cần Thơ', prefixed: true, prefix: { start: 49, end: 58, text: 'thành phố' }, former: false },
      { province: 'Bắc Ninh', start: 70, end: 78, text: 'Bắc Ninh', prefixed: false, prefix: null, former: false },
    ]);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('does not report names inside personal names', () => {
    expect(mentionsOf('Ông Lê Thái Bình, Chủ tịch Hội Nông dân, phát biểu.')).toEqual([]);
    expect(mentionsOf('Bà Hà Giang cho biết sẽ mở rộng sản xuất.')).toEqual([]);
    expect(mentionsOf('Đồng chí Nguyễn Văn Long An dự hội nghị.')).toEqual([]);
    expect(mentionsOf('Chị Nguyễn Thị Bình Định là giám đốc HTX.')).toEqual([]);
    expect(mentionsOf('Đ/c Quảng Ninh phát biểu.')).toEqual([]);
    expect(mentionsOf('Đồng chí Nguyễn Hà Giang, Chủ tịch UBND tỉnh Hà Giang')).toEqual([['Hà Giang', 'Hà Giang', true]]);
  });

  it('does not report communes, streets, firms and longer names', () => {
    expect(mentionsOf('Hội nghị tại xã Hòa Bình, huyện Long Thành, đường Thái Bình.')).toEqual([]);
    expect(mentionsOf('HTX Hòa Bình và Công ty TNHH Quảng Ninh nhận Bằng khen.')).toEqual([]);
    expect(mentionsOf('Nhà hàng Hòa Bình Xanh; Thái Bình Dương; tỉnh Hà Nam Ninh cũ.')).toEqual([]);
    expect(mentionsOf('Liên minh HTX Hòa Bình tổ chức hội nghị.')).toEqual([['Hòa Bình', 'Hòa Bình', false]]);
  });

  it('marks old units named as former ones in post-merger texts', () => {
    const mentions = findProvinceMentions('Liên minh HTX tỉnh Cà Mau – Bạc Liêu (cũ) và tỉnh Hòa Bình cũ; tỉnh Phú Thọ mới.');
    expect(mentions.map((m) => [m.province, m.former])).toEqual([
      ['Cà Mau', false],
      ['Bạc Liêu', true],
      ['Hòa Bình', true],
      ['Phú Thọ', false],
    ]);
  });

  it('does not read Việt Nam followed by a capitalised word as Nam Định', () => {
    expect(mentionsOf('Liên minh HTX Việt Nam Định hướng phát triển')).toEqual([]);
  });

  it('reads a prefixed name followed by an official as the province', () => {
    expect(mentionsOf('Phó Chủ tịch UBND tỉnh Thái Bình Dương Văn Minh phát biểu.')).toEqual([['Thái Bình', 'Thái Bình', true]]);
    expect(mentionsOf('Chủ tịch UBND tỉnh Hòa Bình Bùi Văn Khánh.')).toEqual([['Hòa Bình', 'Hòa Bình', true]]);
  });

  it('needs a prefix for lower-case words and for Hồ Chí Minh', () => {
    expect(mentionsOf('vì hòa bình và thái bình')).toEqual([]);
    expect(mentionsOf('cổng thông tin điện tử tỉnh an giang')).toEqual([['An Giang', 'an giang', true]]);
    expect(mentionsOf('học tập tư tưởng, đạo đức, phong cách Hồ Chí Minh; Đoàn TNCS Hồ Chí Minh')).toEqual([]);
    expect(mentionsOf('Thành phố Hồ Chí Minh và TP. Hồ Chí Minh')).toEqual([
      ['Hồ Chí Minh', 'Hồ Chí Minh', true],
      ['Hồ Chí Minh', 'Hồ Chí Minh', true],
    ]);
  });

  it('matches both tone-mark spellings, upper case and hyphenated forms', () => {
    expect(mentionsOf('LIÊN MINH HTX TỈNH HOÀ BÌNH; Khánh Hoà; Thanh Hóa; Đăk Lăk; Bà Rịa - Vũng Tàu; Thừa Thiên-Huế')).toEqual([
      ['Hòa Bình', 'HOÀ BÌNH', true],
      ['Khánh Hòa', 'Khánh Hoà', false],
      ['Thanh Hóa', 'Thanh Hóa', false],
      ['Đắk Lắk', 'Đăk Lăk', false],
      ['Bà Rịa - Vũng Tàu', 'Bà Rịa - Vũng Tàu', false],
      ['Huế', 'Thừa Thiên-Huế', false],
    ]);
  });

  it('lists names after one prefix, each on its own', () => {
    expect(mentionsOf('các tỉnh Hà Giang, Tuyên Quang, Lào Cai và Yên Bái')).toEqual([
      ['Hà Giang', 'Hà Giang', true],
      ['Tuyên Quang', 'Tuyên Quang', false],
      ['Lào Cai', 'Lào Cai', false],
      ['Yên Bái', 'Yên Bái', false],
    ]);
  });

  it('reads text written without diacritics on its diacritic-free spellings', () => {
    const text = 'Lien minh HTX tinh Hoa Binh to chuc hoi nghi. Ong Le Thai Binh phat bieu. Vi hoa binh.';
    expect(mentionsOf(text)).toEqual([['Hòa Bình', 'Hoa Binh', true]]);
    expect(mentionsOf('Hoi nghi tai Hoa Binh va thanh pho Can Tho')).toEqual([
      ['Hòa Bình', 'Hoa Binh', false],
      ['Cần Thơ', 'Can Tho', true],
    ]);
  });

  it('takes a diacritic-free spelling in text with diacritics only as a capitalised name', () => {
    expect(mentionsOf('Đoàn công tác của Hoa Binh đến thăm; hoa binh là gì')).toEqual([['Hòa Bình', 'Hoa Binh', false]]);
  });
});

describe('the data file check', () => {
  it('accepts the project data', () => {
    expect(loadGazetteer(raw).provinces).toHaveLength(63);
  });

  it('names the unit and the field of a bad entry', () => {
    const broken = structuredClone(raw);
    const unit = broken.units.find((u) => u.name === 'Hòa Bình');
    if (unit === undefined) throw new Error('Hòa Bình missing from the data');
    (unit as { type: string }).type = 'huyện';
    expect(() => loadGazetteer(broken)).toThrow(/unit "Hòa Bình", field type/);
  });

  it('rejects a merger into a unit that no longer exists', () => {
    const broken = structuredClone(raw);
    const unit = broken.units.find((u) => u.name === 'Yên Bái');
    if (unit === undefined) throw new Error('Yên Bái missing from the data');
    unit.mergedInto = 'Hà Giang';
    expect(() => loadGazetteer(broken)).toThrow(/unit "Yên Bái", field mergedInto/);
  });
});
