import { describe, expect, it } from 'vitest';
import type { Entity, ExtractionRecord } from '../../src/extract/record/schema.ts';
import { buildLoadPlan, groupLoad } from '../../src/graph/load-plan.ts';

function record(file: string, publishedAt: string, entities: Entity[], relations: ExtractionRecord['relations'] = []): ExtractionRecord {
  return { document: { id: `hash-${file}`, file, title: '', text: '', publishedAt }, province: 'Hòa Bình', entities, relations, statistics: [], warnings: [] };
}

const at = (start: number, text: string) => ({ start, end: start + text.length, text });

describe('groupLoad', () => {
  // Two reports that name the same alliance and official (with other spellings) and state the
  // same position; the second also names an agency whose key sorts before everything else.
  const first = record('a.txt', '2024-01-04', [
    { id: 'z', type: 'Alliance', name: 'Liên minh Hợp tác xã tỉnh Hòa Bình', province: 'Hòa Bình', mentions: [at(0, 'Liên minh HTX tỉnh')] },
    { id: 'o', type: 'Official', name: 'Trần An Định', mentions: [at(40, 'Trần An Định')] },
  ], [
    { type: 'HOLDS_POSITION', source: 'o', target: 'z', attributes: { title: 'Chủ tịch' }, evidence: at(30, 'Chủ tịch Trần An Định') },
  ]);
  const second = record('b.txt', '2024-02-01', [
    { id: 'k', type: 'Agency', name: 'Sở Công Thương', province: 'Hòa Bình', mentions: [at(5, 'Sở Công Thương')] },
    { id: 'o', type: 'Official', name: 'Trần An Định', mentions: [at(60, 'ông Trần An Định')] },
    { id: 'z', type: 'Alliance', name: 'Liên minh Hợp tác xã tỉnh Hòa Bình', province: 'Hòa Bình', mentions: [at(9, 'LMHTX tỉnh')] },
  ], [
    { type: 'HOLDS_POSITION', source: 'o', target: 'z', attributes: { title: 'Chủ tịch' }, evidence: at(50, 'Chủ tịch Liên minh') },
    { type: 'COOPERATES_WITH', source: 'k', target: 'z', evidence: at(70, 'phối hợp') },
  ]);
  const plans = [first, second].map(buildLoadPlan);
  const group = groupLoad(plans);

  it('holds each entity and relationship once, sorted by key across the whole group', () => {
    expect(group.entities.map((e) => e.key)).toEqual(['agency:so cong thuong@hoa binh', 'alliance:hoa binh', 'official:tran an dinh@hoa binh']);
    expect(group.relationships.map((r) => r.type)).toEqual(['COOPERATES_WITH', 'HOLDS_POSITION']);
    expect(group.provinces.map((p) => p.key)).toEqual(['province:hoa binh']);
  });

  it('keeps every report’s mentions and evidence, and the aliases of all reports in report order', () => {
    const alliance = group.entities.find((e) => e.type === 'Alliance');
    const [fromFirst, fromSecond] = plans.map((plan) => plan.entities.find((e) => e.type === 'Alliance'));
    expect(alliance?.mentions).toEqual([
      { report: 'report:a.txt', spans: fromFirst?.spans },
      { report: 'report:b.txt', spans: fromSecond?.spans },
    ]);
    expect(alliance?.aliases).toEqual([...new Set([...(fromFirst?.aliases ?? []), ...(fromSecond?.aliases ?? [])])]);
    expect(alliance?.aliases).toEqual(expect.arrayContaining(['lien minh htx tinh', 'lmhtx tinh']));
    const position = group.relationships.find((r) => r.type === 'HOLDS_POSITION');
    expect(position?.evidence).toEqual([
      { report: 'report:a.txt', publishedAt: '2024-01-04', ...at(30, 'Chủ tịch Trần An Định') },
      { report: 'report:b.txt', publishedAt: '2024-02-01', ...at(50, 'Chủ tịch Liên minh') },
    ]);
  });

  it('keeps what belongs to one report per report, in the group’s order', () => {
    expect(group.reports.map((r) => [r.report, r.reportProvinceKey])).toEqual([
      ['report:a.txt', 'province:hoa binh'],
      ['report:b.txt', 'province:hoa binh'],
    ]);
  });
});
