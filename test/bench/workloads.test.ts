import { describe, expect, it } from 'vitest';
import { spread } from '../../bench/workloads.ts';

describe('spread', () => {
  it('takes items evenly spaced over the list, the first included', () => {
    const list = Array.from({ length: 10 }, (_, i) => i);
    expect(spread(list, 4)).toEqual([0, 2, 5, 7]);
    expect(spread(list, 1)).toEqual([0]);
    expect(spread(list, 10)).toEqual(list);
  });

  it('gives the whole list when it is not longer than asked', () => {
    expect(spread(['a', 'b'], 5)).toEqual(['a', 'b']);
    expect(spread([], 3)).toEqual([]);
  });
});
