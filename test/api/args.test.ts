import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { assertMayWrite } from '../../src/api/auth.ts';
import { capPageSize, listArgsSchema, parseArgs, pathArgsSchema } from '../../src/api/args.ts';
import { readPresentedKey } from '../../src/api/context.ts';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../../src/graph/read-page.ts';
import { buildSearchQuery } from '../../src/graph/read-search.ts';

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof GraphQLError ? error.extensions.code : (error as Error).name;
  }
  return 'no error';
}

describe('arguments', () => {
  it('refuses bad dates and path lengths as BAD_USER_INPUT naming the argument', () => {
    const bad = () => parseArgs(listArgsSchema, { filter: { from: '04/01/2024' }, orderBy: 'NAME_ASC', first: 5 });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(() => bad()).toThrow(/filter\.from: expected a day that exists, as YYYY-MM-DD/);
    const impossible = () => parseArgs(listArgsSchema, { filter: { to: '2024-13-45' }, orderBy: 'NAME_ASC', first: 5 });
    expect(() => impossible()).toThrow(/filter\.to: expected a day that exists, as YYYY-MM-DD/);
    expect(parseArgs(listArgsSchema, { filter: { from: '2024-02-29' }, orderBy: 'NAME_ASC', first: 5 }).filter).toEqual({ from: '2024-02-29' });
    expect(codeOf(() => parseArgs(pathArgsSchema, { from: 'a', to: 'b', maxLength: 9, throughProvinces: false, first: 1 }))).toBe('BAD_USER_INPUT');
  });

  it('caps page sizes at the configured maximum', () => {
    expect([capPageSize(10, 50), capPageSize(1000, 50), capPageSize(undefined, 50)]).toEqual([10, 50, 20]);
  });
});

describe('cursors', () => {
  it('round-trip and reject what the server did not make', () => {
    expect(decodeCursor(encodeCursor('hoa binh', 'province:hoa binh'))).toEqual({ sortValue: 'hoa binh', key: 'province:hoa binh' });
    expect(() => decodeCursor('bm90IGpzb24')).toThrow(InvalidCursorError);
  });
});

describe('search queries', () => {
  it('fold Vietnamese, require every word and let the last be a prefix', () => {
    expect(buildSearchQuery('Đinh Công Sứ')).toBe('+dinh +cong +(su^2 OR su*)');
    expect(buildSearchQuery('tập thể')).toBe('+tap +(the^2 OR the*)');
    expect(buildSearchQuery('  ?!  ')).toBeNull();
  });
});

describe('API key', () => {
  const config = (apiKey?: string) => ({ apiKey }) as Parameters<typeof assertMayWrite>[0]['config'];

  it('reads Bearer and x-api-key headers', () => {
    expect(readPresentedKey({ authorization: 'Bearer s3cret' })).toBe('s3cret');
    expect(readPresentedKey({ 'x-api-key': 'k' })).toBe('k');
    expect(readPresentedKey({ authorization: 'Basic abc' })).toBeNull();
  });

  it('refuses mutations without the key, with a wrong key, and when none is configured', () => {
    expect(codeOf(() => assertMayWrite({ config: config('k'), presentedKey: null }))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => assertMayWrite({ config: config('k'), presentedKey: 'x' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => assertMayWrite({ config: config(undefined), presentedKey: 'k' }))).toBe('FORBIDDEN');
    expect(codeOf(() => assertMayWrite({ config: config('k'), presentedKey: 'k' }))).toBe('no error');
  });
});
