import { buildSchema, parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_SIZE, measureOperation } from '../../src/api/limits.ts';
import { readTypeDefs } from '../../src/api/type-defs.ts';
import { buildNestedQuery } from './support/nested-query.ts';

const schema = buildSchema(readTypeDefs());

function measure(query: string, variables: Record<string, unknown> = {}, maxPageSize = 100) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  if (!operation) throw new Error('no operation');
  return measureOperation(schema, document, operation, variables, maxPageSize);
}

describe('measureOperation', () => {
  it('counts field levels as depth, through inline fragments and named fragments', () => {
    expect(measure('{ search(text: "a") { node { id } } }').depth).toBe(3);
    expect(measure('query { node(id: "x") { ...M } } fragment M on Meeting { attendees { attendee { name } } }').depth).toBe(4);
    expect(measure(buildNestedQuery(12)).depth).toBe(12);
  });

  it('multiplies the cost of a list by its page size, capped, and plain lists by the default size', () => {
    // meetings(first: 10): 1 + 10 × (id + attendees(1 + 3 × role)) = 1 + 10 × (1 + 1 + 3) = 51
    expect(measure('{ meetings(first: 10) { nodes { id attendees { role } } } }').cost).toBe(1 + 10 * (1 + (1 + (1 + DEFAULT_LIST_SIZE * 1))));
    expect(measure('{ meetings(first: $n) { nodes { id } } }', { n: 5 }).cost).toBe(1 + 5 * 2);
    expect(measure('{ meetings(first: 100000) { nodes { id } } }', {}, 50).cost).toBe(1 + 50 * 2);
  });

  it('counts aliases anywhere and leaves introspection free', () => {
    expect(measure('{ a: node(id: "1") { id } b: node(id: "2") { i: id } }').aliases).toBe(3);
    expect(measure('{ __schema { types { name fields { name type { ofType { ofType { name } } } } } } }')).toEqual({ depth: 0, cost: 0, aliases: 0 });
  });
});
