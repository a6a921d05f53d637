import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dayPattern, formatDay, formatNumber, parseDayInput } from '../../src/web/i18n/format.ts';
import { pickLanguage } from '../../src/web/i18n/i18n.ts';
import { en } from '../../src/web/i18n/messages-en.ts';
import { vi } from '../../src/web/i18n/messages-vi.ts';
import { splitExamples, withDefinedOperation } from '../../src/web/ide/example-operations.ts';
import { MOST_COLOURED_COMMUNITIES, OTHER_COMMUNITY_COLOUR, paletteForCommunities } from '../../src/web/network/community-palette.ts';
import { distanceToSegment } from '../../src/web/network/cpu-picking.ts';

describe('days and numbers in the interface language', () => {
  it('writes days as dd/mm/yyyy in Vietnamese and as day, month, year in English', () => {
    expect(formatDay('2024-01-04', 'vi')).toBe('04/01/2024');
    expect(formatDay('2024-01-04', 'en')).toBe('4 Jan 2024');
    expect(formatDay('2023-06', 'vi')).toBe('06/2023');
    expect(formatDay('2023', 'vi')).toBe('2023');
    expect(formatDay(null, 'vi')).toBe('');
    expect(dayPattern('vi')).toBe('dd/mm/yyyy');
  });

  it('writes numbers with the language’s separators', () => {
    expect(formatNumber(16300, 'vi')).toBe('16.300');
    expect(formatNumber(2.5, 'vi')).toBe('2,5');
    expect(formatNumber(16300, 'en')).toBe('16,300');
  });

  it('reads the days analysts type, day first or ISO, and refuses days that do not exist', () => {
    expect(parseDayInput('04/01/2024')).toBe('2024-01-04');
    expect(parseDayInput('4/1/2024')).toBe('2024-01-04');
    expect(parseDayInput('4.1.2024')).toBe('2024-01-04');
    expect(parseDayInput('2024-1-4')).toBe('2024-01-04');
    expect(parseDayInput('31/02/2024')).toBeNull();
    expect(parseDayInput('01/13/2024')).toBeNull();
    expect(parseDayInput('hôm qua')).toBeNull();
  });
});

describe('language of the interface', () => {
  it('takes the address first, then the last choice, then the browser’s languages, else English', () => {
    expect(pickLanguage('en', 'vi', ['vi-VN'])).toBe('en');
    expect(pickLanguage(null, 'vi', ['en-US'])).toBe('vi');
    expect(pickLanguage(null, null, ['fr-FR', 'vi-VN', 'en'])).toBe('vi');
    expect(pickLanguage('de', 'xx', ['de-DE'])).toBe('en');
  });

  it('has every English message in Vietnamese too, translated', () => {
    const keys = (messages: object, prefix = ''): string[] =>
      Object.entries(messages).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`)));
    expect(keys(vi).sort()).toEqual(keys(en).sort());
    // Names of products and formats aside, a Vietnamese message is not the English one.
    const same = keys(en).filter((key) => {
      const read = (messages: object) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
      return read(en) === read(vi);
    });
    const names = ['appearance.pagerank', 'search.placeholder', 'panel.pagerank'];
    expect(same.filter((key) => !names.includes(key))).toEqual([]);
  });
});

describe('community colours', () => {
  it('gives few communities a distinct colour each', () => {
    const palette = paletteForCommunities(7);
    const colours = Array.from({ length: 7 }, (_, i) => palette.colourOf(i));
    expect(new Set(colours).size).toBe(7);
    expect(colours).not.toContain(OTHER_COMMUNITY_COLOUR);
  });

  it('colours the largest communities of many and greys the rest', () => {
    const palette = paletteForCommunities(61);
    expect(palette.coloured).toBe(MOST_COLOURED_COMMUNITIES);
    const colours = Array.from({ length: 61 }, (_, i) => palette.colourOf(i));
    expect(new Set(colours.slice(0, MOST_COLOURED_COMMUNITIES)).size).toBe(MOST_COLOURED_COMMUNITIES);
    expect(new Set(colours.slice(MOST_COLOURED_COMMUNITIES))).toEqual(new Set([OTHER_COMMUNITY_COLOUR]));
  });
});

describe('the API examples in the GraphQL IDE', () => {
  it('splits the example document into one operation per tab, each with its comment', () => {
    const document = readFileSync(new URL('../../src/api/examples.graphql', import.meta.url), 'utf8');
    const examples = splitExamples(document);
    expect(examples.map((example) => example.name)).toEqual(['Overview', 'Search', 'Meetings', 'Path', 'Neighborhood', 'CoAttendance', 'CooperationNetwork', 'Timeline', 'Statistics', 'Ingest']);
    const search = examples.find((example) => example.name === 'Search')!;
    expect(search.comment).toBe('Full-text search, accent-insensitive: "hoa binh" finds Hòa Bình.');
    expect(search.query).toMatch(/^# Full-text search.*\nquery Search \{\n {2}search\(text: "dinh cong su", first: 5\)/);
    // The file's heading belongs to no operation.
    expect(examples[0]!.comment).not.toContain('GraphQL IDE');
  });

  it('runs the one operation of a tab even when the name sent is still the last tab’s', () => {
    const search = { query: '# Search\nquery Search { search(text: "x") { score } }', variables: {} };
    expect(withDefinedOperation({ ...search, operationName: 'Overview' })).toEqual(search);
    expect(withDefinedOperation({ ...search, operationName: 'Search' })).toEqual({ ...search, operationName: 'Search' });
    // With several operations the name chooses one: a wrong one is the server's to refuse, as is a document that does not parse.
    const two = { query: 'query A { __typename } query B { __typename }', operationName: 'C' };
    expect(withDefinedOperation(two)).toEqual(two);
    expect(withDefinedOperation({ query: 'query {', operationName: 'A' })).toEqual({ query: 'query {', operationName: 'A' });
  });
});

describe('picking edges on the CPU', () => {
  it('measures the distance to a segment, its ends included', () => {
    expect(distanceToSegment(5, 3, 0, 0, 10, 0)).toBe(3);
    expect(distanceToSegment(-4, 3, 0, 0, 10, 0)).toBe(5);
    expect(distanceToSegment(2, 2, 1, 1, 1, 1)).toBeCloseTo(Math.SQRT2);
  });
});
