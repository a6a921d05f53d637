import { describe, expect, it } from 'vitest';
import { parseNodeRow, rowMapSchema } from '../../src/graph/read-rows.ts';

describe('rows read from Neo4j', () => {
  it('give a node every string property it lacks as null, and a name from title, metric or key', () => {
    const cooperative = parseNodeRow({ key: 'cooperative:a@ha noi', type: 'Cooperative', name: 'HTX A', province: 'Hà Nội', date: null });
    const statistic = parseNodeRow({ key: 'statistic:1', type: 'Statistic', metric: 'cooperatives', value: 12 });
    const titled = parseNodeRow({ key: 'report:x', type: 'Report', title: 'Hội nghị', name: null });
    expect(cooperative).toEqual({
      key: 'cooperative:a@ha noi',
      type: 'Cooperative',
      name: 'HTX A',
      province: 'Hà Nội',
      ...Object.fromEntries(
        ['shortName', 'title', 'date', 'kind', 'attributes', 'url', 'file', 'publishedAt', 'source', 'author', 'contentHash', 'metric', 'unit', 'qualifier', 'period', 'evidence'].map(
          (field) => [field, null],
        ),
      ),
    });
    expect(Object.hasOwn(cooperative, 'value')).toBe(false);
    expect([statistic.name, statistic.value, statistic.unit, titled.name]).toEqual(['cooperatives', 12, null, 'Hội nghị']);
    expect(() => parseNodeRow({ key: 'x', type: 'Planet' })).toThrow(/type/);
    expect(() => parseNodeRow({ key: 'x', type: 'Official', province: 3 })).toThrow(/province/);
  });

  it('check maps without copying them, and refuse what is not one', () => {
    const props = { role: 'spoke', fact: null };
    expect(rowMapSchema.parse(props)).toBe(props);
    for (const bad of [null, [props], 'role', 3]) expect(rowMapSchema.safeParse(bad).success).toBe(false);
    expect(rowMapSchema.safeParse([]).error?.issues[0]?.message).toBe('expected a map');
  });
});
