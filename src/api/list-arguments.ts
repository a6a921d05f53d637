import type { DocumentNode } from 'graphql';
import { Kind, visit } from 'graphql';

/**
 * Every list a request passes (an argument written in the query, or a variable's value) is
 * bounded: `nodes(ids:)` with 100,000 ids kept a request busy for seconds before any limit saw it.
 */

/** Where a list longer than `max` items is, and how long it is; null when there is none. */
export type LongList = { where: string; items: number };

/** The first list in the document's arguments or in the variables with more than `max` items. */
export function findLongList(document: DocumentNode, variables: Record<string, unknown>, max: number): LongList | null {
  let found: LongList | null = null;
  visit(document, {
    Argument(node) {
      if (found || node.value.kind !== Kind.LIST) return;
      const items = countLongest(node.value);
      if (items > max) found = { where: `argument ${node.name.value}`, items };
    },
  });
  if (found) return found;
  for (const [name, value] of Object.entries(variables)) {
    const items = longestArray(value);
    if (items > max) return { where: `variable $${name}`, items };
  }
  return null;
}

type ListLike = { kind: string; values?: readonly ListLike[]; fields?: readonly { value: ListLike }[] };

/** The most items of any list in a literal value, nested lists and input objects included. */
function countLongest(value: ListLike): number {
  let longest = 0;
  const stack: ListLike[] = [value];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.kind === Kind.LIST && next.values) {
      longest = Math.max(longest, next.values.length);
      stack.push(...next.values);
    } else if (next.kind === Kind.OBJECT && next.fields) {
      for (const field of next.fields) stack.push(field.value);
    }
  }
  return longest;
}

/** The most items of any array inside a JSON value, walked without recursion (variables may nest deeply). */
function longestArray(value: unknown): number {
  let longest = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (Array.isArray(next)) {
      longest = Math.max(longest, next.length);
      for (const item of next) if (item !== null && typeof item === 'object') stack.push(item);
    } else if (next !== null && typeof next === 'object') {
      for (const item of Object.values(next)) if (item !== null && typeof item === 'object') stack.push(item);
    }
  }
  return longest;
}
