import { describe, expect, it } from 'vitest';
import type { Entity, ExtractionRecord } from '../../src/extract/record/schema.ts';
import { foldLocalName, foldName, isProvincialName, provinceKey, reportKey, scopeOf } from '../../src/graph/keys.ts';
import { buildLoadPlan } from '../../src/graph/load-plan.ts';
import { resolveRecord } from '../../src/graph/resolve.ts';

const span = { start: 0, end: 0, text: '' };

function record(file: string, province: string | null, entities: Omit<Entity, 'mentions'>[], relations: ExtractionRecord['relations'] = []): ExtractionRecord {
  return {
    document: { id: `hash-${file}`, file, title: '', text: '' },
    province,
    entities: entities.map((e) => ({ ...e, mentions: [] })),
    relations,
    statistics: [],
    warnings: [],
  };
}

function keysOf(r: ExtractionRecord): Record<string, string> {
  return Object.fromEntries([...resolveRecord(r).values()].map((e) => [e.id, e.key]));
}

describe('province keys', () => {
  it('folds tone-mark placement, case and a tỉnh/thành phố prefix away', () => {
    expect(['Hoà Bình', 'Hòa Bình', 'tỉnh Hoà Bình', 'TỈNH HÒA BÌNH', 'hoa binh'].map(provinceKey)).toEqual(Array(5).fill('province:hoa binh'));
    expect(['TP. Hồ Chí Minh', 'Thành phố Hồ Chí Minh', 'Hồ Chí Minh'].map(provinceKey)).toEqual(Array(3).fill('province:ho chi minh'));
  });
});

describe('name folding', () => {
  it('expands abbreviations as whole words only', () => {
    expect(foldName('HTX Nông nghiệp Mỹ Thạnh')).toBe('hop tac xa nong nghiep my thanh');
    expect(foldName('Sở KH&ĐT')).toBe('so ke hoach va dau tu');
    expect(foldName('UBND tỉnh')).toBe('uy ban nhan dan tinh');
    expect(foldName('Hợp tác xã Thành Công')).toBe('hop tac xa thanh cong');
  });

  it('drops the province and a trailing tỉnh from local names', () => {
    const scope = { kind: 'province', folded: 'hoa binh', name: 'Hòa Bình' } as const;
    expect(foldLocalName('Ủy ban nhân dân tỉnh Hoà Bình', scope)).toBe('uy ban nhan dan');
    expect(foldLocalName('UBND tỉnh', scope)).toBe('uy ban nhan dan');
    expect(foldLocalName('Tỉnh ủy', scope)).toBe('tinh uy');
  });

  it('tells names that only exist inside a province', () => {
    expect(['Sở Công Thương', 'Ủy ban nhân dân tỉnh', 'Tỉnh ủy', 'Hội Nông dân tỉnh'].map(isProvincialName)).toEqual([true, true, true, true]);
    expect(['Bộ Kế hoạch và Đầu tư', 'Viện Khoa học công nghệ và môi trường'].map(isProvincialName)).toEqual([false, false]);
  });
});

describe('entity resolution', () => {
  it('gives one key to one body however a report spells it', () => {
    const a = keysOf(record('a.txt', 'Hoà Bình', [
      { id: 'x', type: 'Agency', name: 'Sở Kế hoạch và Đầu tư', province: 'Hoà Bình' },
      { id: 'y', type: 'Alliance', name: 'Liên minh HTX tỉnh Hoà Bình', province: 'Hoà Bình' },
      { id: 'c', type: 'Cooperative', name: 'HTX Chè Tân Lập', province: 'Hoà Bình' },
    ]));
    const b = keysOf(record('b.txt', 'Hòa Bình', [
      { id: 'x', type: 'Agency', name: 'Sở KH&ĐT', province: 'tỉnh Hòa Bình' },
      { id: 'y', type: 'Alliance', name: 'Liên minh Hợp tác xã tỉnh Hòa Bình', province: 'Hòa Bình' },
      { id: 'c', type: 'Cooperative', name: 'Hợp tác xã Chè Tân Lập', province: 'Hòa Bình' },
    ]));
    expect(a).toEqual({ x: 'agency:so ke hoach va dau tu@hoa binh', y: 'alliance:hoa binh', c: 'cooperative:hop tac xa che tan lap@hoa binh' });
    expect(b).toEqual(a);
  });

  it('never merges entities without a province with another report’s, nor with a province’s', () => {
    const unknown = (file: string) =>
      keysOf(record(file, null, [
        { id: 'u', type: 'Agency', name: 'Ủy ban nhân dân tỉnh', province: null },
        { id: 'a', type: 'Alliance', name: 'Liên minh Hợp tác xã tỉnh', province: null },
      ]));
    expect(unknown('a.txt')).toEqual({ u: 'agency:uy ban nhan dan@?:report:a.txt', a: 'alliance:?:report:a.txt' });
    expect(unknown('b.txt')).toEqual({ u: 'agency:uy ban nhan dan@?:report:b.txt', a: 'alliance:?:report:b.txt' });
    const provincial = keysOf(record('c.txt', 'An Giang', [{ id: 'u', type: 'Agency', name: 'Ủy ban nhân dân tỉnh', province: null }]));
    expect(provincial).toEqual({ u: 'agency:uy ban nhan dan@?:report:c.txt' });
  });

  it('treats a null-province body of a provincial report as national only when its name is not provincial', () => {
    const r = record('a.txt', 'Hòa Bình', [
      { id: 'v', type: 'Agency', name: 'Viện Khoa học công nghệ và môi trường', province: null },
      { id: 'n', type: 'Alliance', name: 'Liên minh Hợp tác xã Việt Nam', province: null },
      { id: 's', type: 'Agency', name: 'Sở Công Thương', province: null },
    ]);
    expect(keysOf(r)).toEqual({ v: 'agency:vien khoa hoc cong nghe va moi truong@national', n: 'alliance:viet nam', s: 'agency:so cong thuong@?:report:a.txt' });
    expect(scopeOf({ type: 'Alliance', name: 'Liên minh HTX Việt Nam', province: null }, { province: null })).toEqual({ kind: 'national' });
  });

  it('places officials with the body they serve, else in the report’s province, else in the report alone', () => {
    const held = (title: string, body: string) => ({ type: 'HOLDS_POSITION' as const, source: 'o', target: body, attributes: { title }, evidence: span });
    const local = record('a.txt', 'Phú Thọ', [
      { id: 'o', type: 'Official', name: 'Nguyễn Văn An' },
      { id: 'b', type: 'Agency', name: 'Ủy ban nhân dân tỉnh', province: 'Hòa Bình' },
    ], [held('Phó Chủ tịch', 'b')]);
    const national = record('b.txt', 'Phú Thọ', [
      { id: 'o', type: 'Official', name: 'Nguyễn Văn An' },
      { id: 'n', type: 'Alliance', name: 'Liên minh Hợp tác xã Việt Nam', province: null },
    ], [held('Phó Chủ tịch', 'n')]);
    const unplaced = record('c.txt', 'Phú Thọ', [{ id: 'o', type: 'Official', name: 'Nguyễn Văn An' }]);
    const nowhere = record('d.txt', null, [{ id: 'o', type: 'Official', name: 'Nguyễn Văn An' }]);
    expect([local, national, unplaced, nowhere].map((r) => keysOf(r).o)).toEqual([
      'official:nguyen van an@hoa binh',
      'official:nguyen van an@national',
      'official:nguyen van an@phu tho',
      'official:nguyen van an@?:report:d.txt',
    ]);
  });

  it('keys meetings by date, province and organiser, and awards by kind, province and date', () => {
    const r = record('a.txt', 'Phú Thọ', [
      { id: 'a', type: 'Alliance', name: 'Liên minh Hợp tác xã tỉnh Phú Thọ', province: 'Phú Thọ' },
      { id: 'm', type: 'Meeting', name: 'Hội nghị', province: 'Phú Thọ', date: '2021-04-06' },
      { id: 'u', type: 'Meeting', name: 'Hội nghị khác', province: 'Phú Thọ' },
      { id: 'w', type: 'Award', name: 'Bằng khen của Chủ tịch UBND tỉnh', province: 'Phú Thọ' },
      { id: 'g', type: 'Award', name: 'Giấy khen', kind: 'Giấy khen', province: 'Phú Thọ', date: '2021-04-06' },
    ], [
      { type: 'ORGANIZED', source: 'a', target: 'm', evidence: span },
      { type: 'PRESENTED_AT', source: 'w', target: 'm', evidence: span },
    ]);
    expect(keysOf(r)).toEqual({
      a: 'alliance:phu tho',
      m: 'meeting:2021-04-06@phu tho@alliance:phu tho',
      u: 'meeting:?:report:a.txt:2',
      w: 'award:bang khen@phu tho@2021-04-06',
      g: 'award:giay khen@phu tho@2021-04-06',
    });
  });

  it('prefers the URL to the file name for the report key', () => {
    expect(reportKey({ file: 'feed.jsonl#4', url: 'https://example.org/a' })).toBe('report:https://example.org/a');
    expect(reportKey({ file: 'a.txt' })).toBe('report:a.txt');
  });
});

describe('load plan', () => {
  it('merges entities of one key, orders COOPERATES_WITH ends, keys relations per role and title, drops self-loops', () => {
    const r = record('a.txt', 'Hòa Bình', [
      { id: 'p1', type: 'Province', name: 'Hoà Bình' },
      { id: 'p2', type: 'Province', name: 'Hòa Bình' },
      { id: 'z', type: 'Alliance', name: 'Liên minh Hợp tác xã tỉnh Hòa Bình', province: 'Hòa Bình' },
      { id: 'k', type: 'Agency', name: 'Sở Kế hoạch và Đầu tư', province: 'Hòa Bình' },
      { id: 'o', type: 'Official', name: 'Trần An Định' },
      { id: 'm', type: 'Meeting', name: 'Hội nghị', province: 'Hòa Bình', date: '2024-01-04' },
    ], [
      { type: 'COOPERATES_WITH', source: 'z', target: 'k', evidence: { start: 1, end: 5, text: 'phối' } },
      { type: 'COOPERATES_WITH', source: 'k', target: 'z', evidence: span },
      { type: 'ATTENDED', source: 'o', target: 'm', attributes: { role: 'spoke' }, evidence: span },
      { type: 'ATTENDED', source: 'o', target: 'm', attributes: { role: 'chaired' }, evidence: span },
      { type: 'HOLDS_POSITION', source: 'o', target: 'z', attributes: { title: 'Chủ tịch' }, evidence: span },
      { type: 'COOPERATES_WITH', source: 'p1', target: 'p2', evidence: span },
    ]);
    const plan = buildLoadPlan(r);
    expect(plan.entities.map((e) => e.key)).toEqual([
      'agency:so ke hoach va dau tu@hoa binh',
      'alliance:hoa binh',
      'meeting:2024-01-04@hoa binh@-',
      'official:tran an dinh@hoa binh',
      'province:hoa binh',
    ]);
    expect(plan.provinces).toEqual([{ key: 'province:hoa binh', name: 'Hòa Bình', nameFolded: 'hoa binh' }]);
    expect(plan.relationships.map(({ type, source, target, role, titleKey }) => [type, source, target, role, titleKey])).toEqual([
      ['COOPERATES_WITH', 'agency:so ke hoach va dau tu@hoa binh', 'alliance:hoa binh', null, null],
      ['ATTENDED', 'official:tran an dinh@hoa binh', 'meeting:2024-01-04@hoa binh@-', 'chaired', null],
      ['ATTENDED', 'official:tran an dinh@hoa binh', 'meeting:2024-01-04@hoa binh@-', 'spoke', null],
      ['HOLDS_POSITION', 'official:tran an dinh@hoa binh', 'alliance:hoa binh', null, 'chu tich'],
    ]);
    expect(plan.relationships[0]?.evidence).toEqual({ start: 1, end: 5, text: 'phối' });
    expect(plan.relationships.map((r) => r.fact)).toEqual([
      'agency:so ke hoach va dau tu@hoa binh|COOPERATES_WITH|alliance:hoa binh||',
      'official:tran an dinh@hoa binh|ATTENDED|meeting:2024-01-04@hoa binh@-|chaired|',
      'official:tran an dinh@hoa binh|ATTENDED|meeting:2024-01-04@hoa binh@-|spoke|',
      'official:tran an dinh@hoa binh|HOLDS_POSITION|alliance:hoa binh||chu tich',
    ]);
  });
});
