import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/extract.ts';
import type { ExtractionRecord } from '../../src/extract/record/schema.ts';

/** Short reports written for these tests: officials and what they did, as real pages list them. */

function extract(text: string): ExtractionRecord {
  return extractReport({ file: 'o.txt', text });
}

function links(record: ExtractionRecord, type: string): string[] {
  const byId = new Map(record.entities.map((e) => [e.id, e.name]));
  return record.relations
    .filter((r) => r.type === type)
    .map((r) => `${byId.get(r.source)} -> ${byId.get(r.target)}${r.attributes?.title || r.attributes?.role ? ` (${String(r.attributes?.title ?? r.attributes?.role)})` : ''}`);
}

const LEAD = 'Hội nghị tổng kết\nSáng 10/1/2024, Liên minh HTX tỉnh Quảng Bình tổ chức hội nghị tổng kết năm 2023.\n';

describe('officials as real pages list them', () => {
  it('reads a list of title-first items, an office named inside its title, and gives each its own title', () => {
    const r = extract(`${LEAD}Về phía tỉnh có: Bí thư Tỉnh ủy Lê Văn Nam, Trưởng ban Tổ chức Tỉnh ủy Trần Văn Bắc, Phó Chủ tịch UBND tỉnh Đặng Văn Tây cùng 200 đại biểu.`);
    expect(links(r, 'HOLDS_POSITION')).toEqual([
      'Lê Văn Nam -> Tỉnh ủy (Bí thư)',
      'Trần Văn Bắc -> Ban Tổ chức Tỉnh ủy (Trưởng ban)',
      'Đặng Văn Tây -> Ủy ban nhân dân tỉnh (Phó Chủ tịch)',
    ]);
    expect(links(r, 'ATTENDED').filter((l) => !l.startsWith('Liên minh'))).toEqual([
      'Lê Văn Nam -> Hội nghị tổng kết năm 2023 (attended)',
      'Trần Văn Bắc -> Hội nghị tổng kết năm 2023 (attended)',
      'Đặng Văn Tây -> Hội nghị tổng kết năm 2023 (attended)',
    ]);
  });

  it('reads a name without a known surname when a title follows it, and a title glued to a name', () => {
    const r = extract(`${LEAD}Dự hội nghị có các đồng chí: Giàng A Páo, Phó Chủ tịch HĐND tỉnh; Mùa A Vảng, Ủy viên Ban Thường vụ Tỉnh ủy. Đồng chí Hoàng Văn Đông Chủ tịch Liên minh HTX tỉnh phát biểu khai mạc.`);
    expect(links(r, 'HOLDS_POSITION')).toEqual([
      'Giàng A Páo -> Hội đồng nhân dân tỉnh (Phó Chủ tịch)',
      'Mùa A Vảng -> Tỉnh ủy (Ủy viên Ban Thường vụ)',
      'Hoàng Văn Đông -> Liên minh Hợp tác xã tỉnh Quảng Bình (Chủ tịch)',
    ]);
    expect(r.entities.filter((e) => e.type === 'Official').map((e) => e.name)).toEqual(['Giàng A Páo', 'Mùa A Vảng', 'Hoàng Văn Đông']);
  });

  it('shares a verb with everyone listed before it, and takes the strongest verb of a group', () => {
    const r = extract(
      `${LEAD}Chủ tịch Liên minh HTX Việt Nam Nguyễn Văn Hải và Phó Chủ tịch UBND tỉnh Lê Thị Hoa tham dự. Đồng chí Trần Văn Sơn, Ủy viên Ban Thường vụ Tỉnh ủy tham dự và phát biểu chỉ đạo hội nghị. Ông Phạm Văn Tú, Giám đốc Sở Tài chính trao Bằng khen cho các hợp tác xã.`,
    );
    expect(links(r, 'ATTENDED').filter((l) => !l.startsWith('Liên minh'))).toEqual([
      'Nguyễn Văn Hải -> Hội nghị tổng kết năm 2023 (attended)',
      'Lê Thị Hoa -> Hội nghị tổng kết năm 2023 (attended)',
      'Trần Văn Sơn -> Hội nghị tổng kết năm 2023 (directed)',
      'Phạm Văn Tú -> Hội nghị tổng kết năm 2023 (attended)',
    ]);
  });

  it('keeps a former office as such, and adds the office someone is elected to', () => {
    const r = extract(`${LEAD}Ông Nguyễn Văn Tư, nguyên Chủ tịch Liên minh HTX tỉnh dự hội nghị. Ông Lê Văn Năm, Phó Bí thư Đảng ủy Khối được bầu giữ chức Chủ tịch Liên minh HTX tỉnh.`);
    expect(links(r, 'HOLDS_POSITION')).toContain('Nguyễn Văn Tư -> Liên minh Hợp tác xã tỉnh Quảng Bình (nguyên Chủ tịch)');
    expect(links(r, 'HOLDS_POSITION')).toContain('Lê Văn Năm -> Liên minh Hợp tác xã tỉnh Quảng Bình (Chủ tịch)');
  });
});

describe('offices at national and party bodies', () => {
  it('reads the national steering committee among national offices, a party group as its body, and an aside before a name', () => {
    const r = extract(
      `${LEAD}Đồng chí Trần Văn Bình, Phó Trưởng Ban Chỉ đạo đổi mới, phát triển kinh tế tập thể, hợp tác xã, Bí thư Đảng đoàn, Chủ tịch Liên minh Hợp tác xã Việt Nam tham dự và phát biểu chỉ đạo. Ông Lê Văn Hòa, Bí thư Đảng đoàn Liên minh HTX Việt Nam được bầu giữ chức Chủ tịch Liên minh HTX Việt Nam. Cùng dự có Ủy viên Thường trực Ủy ban Kinh tế Quốc hội (khóa XV) Phạm Thị Thu và nguyên Chủ tịch Liên minh HTX tỉnh Đỗ Văn Tâm.`,
    );
    expect(links(r, 'HOLDS_POSITION')).toEqual([
      'Trần Văn Bình -> Ban Chỉ đạo đổi mới, phát triển kinh tế tập thể, hợp tác xã (Phó Trưởng ban)',
      'Trần Văn Bình -> Liên minh Hợp tác xã Việt Nam (Chủ tịch)',
      'Lê Văn Hòa -> Liên minh Hợp tác xã Việt Nam (Bí thư)',
      'Lê Văn Hòa -> Liên minh Hợp tác xã Việt Nam (Chủ tịch)',
      'Phạm Thị Thu -> Ủy ban Kinh tế Quốc hội (Ủy viên Thường trực)',
      'Đỗ Văn Tâm -> Liên minh Hợp tác xã tỉnh Quảng Bình (nguyên Chủ tịch)',
    ]);
    expect(r.entities.find((e) => e.name.startsWith('Ban Chỉ đạo'))?.province).toBeNull();
    expect(links(r, 'ATTENDED').find((l) => l.startsWith('Trần Văn Bình'))).toBe('Trần Văn Bình -> Hội nghị tổng kết năm 2023 (directed)');
  });

  it('takes a party committee’s standing committee for the committee', () => {
    const r = extract(`${LEAD}Hội nghị triển khai Chỉ thị của Ban Thường vụ Tỉnh ủy Quảng Bình.`);
    expect(r.entities.filter((e) => e.type === 'Agency').map((e) => e.name)).toEqual(['Tỉnh ủy']);
  });
});

describe('offices whose body the sentence gives elsewhere', () => {
  it('places the office of a delegation’s leader in the delegation’s province, and an office without a body at the side someone came from', () => {
    const r = extract(
      `${LEAD}Liên minh HTX tỉnh Quảng Bình tiếp đoàn công tác tỉnh Hà Tĩnh do ông Phan Văn Đông, Phó Chủ tịch Liên minh HTX tỉnh làm trưởng đoàn. Về phía Ủy ban Dân tộc, có Phó Chủ nhiệm Lò Văn Tâm tham dự.`,
    );
    expect(links(r, 'HOLDS_POSITION')).toEqual(['Phan Văn Đông -> Liên minh Hợp tác xã tỉnh Hà Tĩnh (Phó Chủ tịch)', 'Lò Văn Tâm -> Ủy ban Dân tộc (Phó Chủ nhiệm)']);
  });

  it('gives those elected together at a congress the alliance’s offices', () => {
    const r = extract(`${LEAD}Trải qua 5 kỳ đại hội, tại đại hội lần thứ V, ông Lê Văn Sáu đã được đại hội bầu làm Chủ tịch, bà Trần Thị Bảy làm Phó Chủ tịch.`);
    expect(links(r, 'HOLDS_POSITION')).toEqual([
      'Lê Văn Sáu -> Liên minh Hợp tác xã tỉnh Quảng Bình (Chủ tịch)',
      'Trần Thị Bảy -> Liên minh Hợp tác xã tỉnh Quảng Bình (Phó Chủ tịch)',
    ]);
  });
});
