import { describe, expect, it } from 'vitest';
import { findDates, parseLooseDate } from '../../src/extract/text/dates.ts';
import { parseVietnameseNumber } from '../../src/extract/text/numbers.ts';
import { shadowOf } from '../../src/extract/text/fold.ts';

const dates = (text: string) => findDates(shadowOf(text)).map(({ day, month, year }) => ({ day, month, ...(year ? { year } : {}) }));

describe('dates as reports write them', () => {
  it('reads every common form, with and without the year', () => {
    expect(dates('Ngày 6/4/2021, BCH Liên minh tổ chức hội nghị')).toEqual([{ day: 6, month: 4, year: 2021 }]);
    expect(dates('Chiều ngày 29-01-2021, Liên minh HTX')).toEqual([{ day: 29, month: 1, year: 2021 }]);
    expect(dates('Ngày 30 tháng 9 năm 2022, tại Vinh')).toEqual([{ day: 30, month: 9, year: 2022 }]);
    expect(dates('Ngày 8/7, Liên minh HTX tỉnh')).toEqual([{ day: 8, month: 7 }]);
    expect(dates('Ngày 26 - 2, UBND tỉnh tổ chức họp')).toEqual([{ day: 26, month: 2 }]);
    expect(dates('Sáng 15.3, tại hội trường')).toEqual([{ day: 15, month: 3 }]);
    expect(dates('Sáng nay (14/5), tại hội trường')).toEqual([{ day: 14, month: 5 }]);
    expect(dates('Hôm qua 2.9, Liên minh HTX')).toEqual([{ day: 2, month: 9 }]);
    // the first day of a span
    expect(dates('trong 2 ngày (20 và 21/8), các đoàn')).toEqual([{ day: 20, month: 8 }]);
    expect(dates('Trong 2 ngày 06 và 07/10/2022, tại')).toEqual([{ day: 6, month: 10, year: 2022 }]);
  });

  it('tells event dates from ranges and bracketed asides', () => {
    const found = findDates(shadowOf('Nhân Ngày Quốc tế (1/7), Lễ kỷ niệm 20 năm (2/3/2004 - 2/3/2024) diễn ra ngày 5/3/2024.'));
    expect(found.map(({ day, month, aside, ranged }) => ({ day, month, ...(aside ? { aside } : {}), ...(ranged ? { ranged } : {}) }))).toEqual([
      { day: 1, month: 7, aside: true },
      { day: 2, month: 3, ranged: true },
      { day: 2, month: 3, ranged: true },
      { day: 5, month: 3 },
    ]);
  });

  it('ignores impossible dates and plain numbers', () => {
    expect(dates('Ngày 31/2/2023 và tỷ lệ 18/20 HTX')).toEqual([]);
    expect(dates('đạt 2,5 tỷ đồng năm 2021')).toEqual([]);
  });

  it('parses publication dates in day-first and ISO forms', () => {
    expect([parseLooseDate('01/02/2021'), parseLooseDate('Thứ Hai, 12/05/2024 14:20'), parseLooseDate('2024-03-18'), parseLooseDate('hôm qua')]).toEqual([
      '2021-02-01',
      '2024-05-12',
      '2024-03-18',
      null,
    ]);
  });
});

describe('Vietnamese numbers', () => {
  it('reads thousands dots, decimal commas and leading zeros', () => {
    expect(['1.300', '141.099', '2,5', '16,3', '4,54', '06', '3.664', '1.234.567', 'abc'].map(parseVietnameseNumber)).toEqual([
      1300, 141099, 2.5, 16.3, 4.54, 6, 3664, 1234567, null,
    ]);
  });
});
