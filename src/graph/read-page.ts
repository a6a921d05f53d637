import { z } from 'zod';
import { fold } from '../extract/text/fold.ts';
import { cypher } from './cypher.ts';
import type { Gateway } from './gateway.ts';
import { provinceKey } from './keys.ts';
import { NODE_TYPES, parseNodeRow, toCypherParams, toPlain } from './read-rows.ts';
import type { NodeRow, NodeType, ReadOptions } from './read-rows.ts';

/**
 * Root lists with keyset (cursor) paging: the cursor holds the sort value and the key of the
 * last node, so a page continues exactly after it whatever was loaded meanwhile, and ties on
 * names are broken by the unique key.
 */

export type PageFilter = { name?: string | null; province?: string | null; from?: string | null; to?: string | null; kind?: string | null };
export type PageOrder = 'NAME_ASC' | 'NAME_DESC' | 'DATE_ASC' | 'DATE_DESC';
export type PageRequest = { type: NodeType; filter: PageFilter; order: PageOrder; first: number; after?: string | null };
export type PageItem = { cursor: string; node: NodeRow };
export type Page = { items: PageItem[]; hasNextPage: boolean; hasPreviousPage: boolean };

/** Thrown for a cursor this server did not make; the API reports it as bad input. */
export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor');
    this.name = 'InvalidCursorError';
  }
}

const cursorSchema = z.tuple([z.string(), z.string()]);
const pageRowSchema = z.object({ sortValue: z.string(), node: z.unknown() });

/** An opaque cursor for a node at a sort value. */
export function encodeCursor(sortValue: string, key: string): string {
  return Buffer.from(JSON.stringify([sortValue, key]), 'utf8').toString('base64url');
}

/** The sort value and key inside a cursor; throws InvalidCursorError for anything else. */
export function decodeCursor(cursor: string): { sortValue: string; key: string } {
  try {
    const [sortValue, key] = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { sortValue, key };
  } catch {
    throw new InvalidCursorError();
  }
}

/** One page of nodes of a type after a cursor, with whether more follow. */
export async function readPage(gateway: Gateway, request: PageRequest, options: ReadOptions = {}): Promise<Page> {
  const after = request.after ? decodeCursor(request.after) : null;
  const kinds = request.filter.kind ? await readMatchingKinds(gateway, request.type, request.filter.kind, options) : null;
  const params = {
    ...filterParams(request.filter, kinds),
    byDate: request.order.startsWith('DATE'),
    descending: request.order.endsWith('DESC'),
    afterValue: after?.sortValue ?? null,
    afterKey: after?.key ?? null,
    limit: request.first + 1,
  };
  const text = withLabel(cypher('api/list-page'), request.type);
  const rows = await gateway.readOne(text, toCypherParams(params), options);
  const items = rows.records.map((record) => {
    const { sortValue, node } = pageRowSchema.parse(toPlain(record.toObject()));
    const parsed = parseNodeRow(node);
    return { cursor: encodeCursor(sortValue, parsed.key), node: parsed };
  });
  return { items: items.slice(0, request.first), hasNextPage: items.length > request.first, hasPreviousPage: after !== null };
}

/** How many nodes of a type match a filter. */
export async function countPage(gateway: Gateway, type: NodeType, filter: PageFilter, options: ReadOptions = {}): Promise<number> {
  const kinds = filter.kind ? await readMatchingKinds(gateway, type, filter.kind, options) : null;
  const text = withLabel(cypher('api/list-count'), type);
  const result = await gateway.readOne(text, toCypherParams(filterParams(filter, kinds)), options);
  return z.number().int().parse(toPlain(result.records[0]?.get('total') ?? 0));
}

function filterParams(filter: PageFilter, kinds: string[] | null): Record<string, unknown> {
  const name = filter.name ? fold(filter.name) : null;
  return {
    name: name || null,
    nameLower: filter.name ? filter.name.toLowerCase().normalize('NFC') : null,
    provinceKey: filter.province ? provinceKey(filter.province) : null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    kinds,
  };
}

/** The stored kinds of a type that fold to the asked kind (`bang khen` matches `Bằng khen`). */
async function readMatchingKinds(gateway: Gateway, type: NodeType, kind: string, options: ReadOptions): Promise<string[]> {
  const text = withLabel(cypher('api/list-kinds'), type);
  const result = await gateway.readOne(text, {}, options);
  const wanted = fold(kind);
  return result.records.map((r) => String(r.get('kind'))).filter((k) => fold(k) === wanted);
}

/** Puts a label from the fixed list into a statement; anything else is a programming error. */
export function withLabel(text: string, label: NodeType): string {
  if (!NODE_TYPES.includes(label)) throw new Error(`unknown label ${String(label)}`);
  return text.replaceAll('__LABEL__', label);
}
