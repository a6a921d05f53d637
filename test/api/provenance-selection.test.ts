import { Kind, parse } from 'graphql';
import type { FieldNode, FragmentDefinitionNode, OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsProvenance } from '../../src/api/resolvers/related.ts';

/** What a resolver of `positions` sees: its field nodes in the query, and the query's fragments. */
function infoOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const node = operation.selectionSet.selections[0] as FieldNode;
  const official = node.selectionSet!.selections.find((s) => s.kind === Kind.INLINE_FRAGMENT)!;
  const fieldNodes = official.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'positions');
  return { fieldNodes, fragments };
}

describe('whether a relationship field needs its evidence read', () => {
  it.each([
    ['evidence on the edge', '{ node(id: "x") { ... on Official { positions { title evidence { text } } } } }', true],
    ['only the count', '{ node(id: "x") { ... on Official { positions { evidenceCount } } } }', true],
    ['in an inline fragment', '{ node(id: "x") { ... on Official { positions { ... on Position { evidence { text } } } } } }', true],
    ['in a named fragment', '{ node(id: "x") { ... on Official { positions { ...P } } } } fragment P on Position { evidence { text } }', true],
    ['in one of two selections of the field', '{ node(id: "x") { ... on Official { positions { title } positions { evidenceCount } } } }', true],
    ['not at all', '{ node(id: "x") { ... on Official { positions { title organisation { id name } } } } }', false],
    ['not in a fragment', '{ node(id: "x") { ... on Official { positions { ...P } } } } fragment P on Position { title }', false],
  ])('%s', (_name, query, expected) => {
    expect(selectsProvenance(infoOf(query))).toBe(expected);
  });
});
