import { describe, expect, it } from 'vitest';
import type { ExtractionRecord } from '../../src/extract/record/schema.ts';
import { fullName } from '../../src/graph/full-names.ts';
import { buildLoadPlan } from '../../src/graph/load-plan.ts';

const body = (type: string, name: string, province: string | null, date: string | null = null) => fullName({ type, name, province, date });

describe('full names', () => {
  it('completes a provincial body with its province, as a reader writes it', () => {
    expect(body('Agency', 'Ủy ban nhân dân tỉnh', 'Đắk Nông')).toBe('Ủy ban nhân dân tỉnh Đắk Nông');
    expect(body('Agency', 'Sở Kế hoạch và Đầu tư', 'Đắk Nông')).toBe('Sở Kế hoạch và Đầu tư tỉnh Đắk Nông');
    expect(body('Agency', 'Sở Kế hoạch và Đầu tư', 'Cần Thơ')).toBe('Sở Kế hoạch và Đầu tư thành phố Cần Thơ');
    expect(body('Agency', 'Ủy ban nhân dân thành phố', 'Hải Phòng')).toBe('Ủy ban nhân dân thành phố Hải Phòng');
    expect(body('Agency', 'Tỉnh ủy', 'Lâm Đồng')).toBe('Tỉnh ủy Lâm Đồng');
    expect(body('Agency', 'Ban Tổ chức Tỉnh ủy', 'Lâm Đồng')).toBe('Ban Tổ chức Tỉnh ủy Lâm Đồng');
    expect(body('Agency', 'Ngân hàng Chính sách xã hội - Chi nhánh', 'Bắc Kạn')).toBe('Ngân hàng Chính sách xã hội - Chi nhánh tỉnh Bắc Kạn');
    expect(body('Alliance', 'Liên minh Hợp tác xã tỉnh', 'Phú Thọ')).toBe('Liên minh Hợp tác xã tỉnh Phú Thọ');
  });

  it('leaves a name that already names a province, and national bodies, as they are', () => {
    expect(body('Alliance', 'Liên minh Hợp tác xã tỉnh Hòa Bình', 'Hòa Bình')).toBe('Liên minh Hợp tác xã tỉnh Hòa Bình');
    expect(body('Agency', 'Sở Công Thương tỉnh Đắk Nông', 'Lâm Đồng')).toBe('Sở Công Thương tỉnh Đắk Nông');
    expect(body('Alliance', 'Liên minh Hợp tác xã Việt Nam', null)).toBe('Liên minh Hợp tác xã Việt Nam');
    expect(body('Agency', 'Bộ Kế hoạch và Đầu tư', null)).toBe('Bộ Kế hoạch và Đầu tư');
    expect(body('Official', 'Nguyễn Văn An', 'Đắk Nông')).toBe('Nguyễn Văn An');
    expect(body('Cooperative', 'Hợp tác xã Thành Công', 'Đắk Nông')).toBe('Hợp tác xã Thành Công');
    expect(body('Province', 'Đắk Nông', 'Đắk Nông')).toBe('Đắk Nông');
  });

  it('tells meetings and awards from their namesakes by where and when', () => {
    expect(body('Meeting', 'Hội nghị giao ban', 'Đắk Nông', '2024-03-12')).toBe('Hội nghị giao ban (Đắk Nông, 12/03/2024)');
    expect(body('Meeting', 'Đại hội Liên minh Hợp tác xã tỉnh Phú Thọ lần thứ VI', 'Phú Thọ', '2020-09-25')).toBe(
      'Đại hội Liên minh Hợp tác xã tỉnh Phú Thọ lần thứ VI (25/09/2020)',
    );
    expect(body('Award', 'Bằng khen của Ủy ban nhân dân tỉnh', 'Sơn La', '2023-10-16')).toBe('Bằng khen của Ủy ban nhân dân tỉnh Sơn La (16/10/2023)');
    // an award given by a national body is not made provincial; where it was presented goes in brackets
    expect(body('Award', 'Bằng khen của Liên minh Hợp tác xã Việt Nam', 'Thanh Hóa', '2025-08-14')).toBe(
      'Bằng khen của Liên minh Hợp tác xã Việt Nam (Thanh Hóa, 14/08/2025)',
    );
    expect(body('Meeting', 'Hội nghị tổng kết', null, null)).toBe('Hội nghị tổng kết');
  });

  it('names the report of a node known from that report only', () => {
    const title = 'Liên minh Hợp tác xã tỉnh giao ban công tác quý I năm 2024 với các tổ thành viên';
    expect(fullName({ type: 'Agency', name: 'Sở Kế hoạch và Đầu tư', province: null, date: null, report: title })).toBe(
      'Sở Kế hoạch và Đầu tư (theo bài «Liên minh Hợp tác xã tỉnh giao ban công tác quý…»)',
    );
  });
});

describe('the load plan', () => {
  const record: ExtractionRecord = {
    document: { id: 'x', file: 'x.txt', title: 'Giao ban', text: 'Ngày 12/3/2024, Ủy ban nhân dân tỉnh Đắk Nông tổ chức hội nghị giao ban.' },
    province: 'Đắk Nông',
    entities: [
      { id: 'p', type: 'Province', name: 'Đắk Nông', mentions: [] },
      { id: 'u', type: 'Agency', name: 'Ủy ban nhân dân tỉnh', province: 'Đắk Nông', mentions: [{ start: 16, end: 45, text: 'Ủy ban nhân dân tỉnh Đắk Nông' }] },
      { id: 'm', type: 'Meeting', name: 'Hội nghị giao ban', province: 'Đắk Nông', date: '2024-03-12', mentions: [] },
    ],
    relations: [{ type: 'ORGANIZED', source: 'u', target: 'm', evidence: { start: 0, end: 72, text: 'Ngày 12/3/2024, Ủy ban nhân dân tỉnh Đắk Nông tổ chức hội nghị giao ban.' } }],
    statistics: [],
    warnings: [],
  };

  it('loads the full name, keeps the short one beside it and among the searchable spellings, and keys by neither', () => {
    const agency = buildLoadPlan(record).entities.find((e) => e.type === 'Agency');
    expect(agency).toMatchObject({
      key: 'agency:uy ban nhan dan@dak nong',
      name: 'Ủy ban nhân dân tỉnh Đắk Nông',
      shortName: 'Ủy ban nhân dân tỉnh',
      nameFolded: 'uy ban nhan dan tinh dak nong',
    });
    expect(agency?.aliases).toContain('uy ban nhan dan tinh');
    expect(buildLoadPlan(record).entities.find((e) => e.type === 'Meeting')?.name).toBe('Hội nghị giao ban (Đắk Nông, 12/03/2024)');
  });
});
