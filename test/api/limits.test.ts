import { buildSchema, parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildFanOutQuery } from '../../bench/attack-load.ts';
import { DEFAULT_LIST_SIZE, MEASURE_BUDGET, MeasureBudgetError, createOperationMeasurer, measureOperation } from '../../src/api/limits.ts';
import { readTypeDefs } from '../../src/api/type-defs.ts';
import { buildNestedQuery } from './support/nested-query.ts';

const schema = buildSchema(readTypeDefs());

function parseOperation(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  if (!operation) throw new Error('no operation');
  return { document, operation };
}

function measure(query: string, variables: Record<string, unknown> = {}, maxPageSize = 100) {
  const { document, operation } = parseOperation(query);
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

  it('measures each fragment once: a fan-out of ten spreads per level costs what its expansion would, at any depth, at once', () => {
    // figures of the walk that expanded every spread (it took 0.4 s at depth 5, 3.9 s at 6, minutes at 9)
    expect([3, 4, 5].map((depth) => measure(buildFanOutQuery(depth)).cost)).toEqual([2000, 20_000, 200_000]);
    const started = performance.now();
    expect(measure(buildFanOutQuery(12))).toEqual({ depth: 2, cost: 2 * 10 ** 12, aliases: 0 });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('counts the ids of nodes(ids:) as its items', () => {
    expect(measure('{ nodes(ids: ["a", "b", "c", "d", "e"]) { id } }').cost).toBe(1 + 5 * 1);
    expect(measure('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['a', 'b'] }).cost).toBe(1 + 2 * 1);
  });

  it('stops measuring past its budget of selections', () => {
    const wide = `{ ${Array.from({ length: MEASURE_BUDGET + 1 }, (_, i) => `f${i}: __typename`).join(' ')} }`;
    expect(() => measure(wide)).toThrow(MeasureBudgetError);
  });

  it('counts aliases anywhere and leaves introspection free', () => {
    expect(measure('{ a: node(id: "1") { id } b: node(id: "2") { i: id } }').aliases).toBe(3);
    expect(measure('{ __schema { types { name fields { name type { ofType { ofType { name } } } } } } }')).toEqual({ depth: 0, cost: 0, aliases: 0 });
  });
});

describe('createOperationMeasurer', () => {
  const query = 'query($n: Int, $m: Int) { meetings(first: $n) { nodes { id attendees { role } } } reports(first: $m) { nodes { id } } }';

  it('measures as measureOperation does, for every combination of the `first` variables', () => {
    const measurer = createOperationMeasurer(schema, 50);
    const { document, operation } = parseOperation(query);
    for (const variables of [{ n: 5, m: 1 }, { n: 10, m: 1 }, { n: 5, m: 2 }, { n: 500, m: 1 }, {}, { n: 'x' }, { n: 5, m: 1 }]) {
      expect(measurer(document, operation, variables)).toEqual(measureOperation(schema, document, operation, variables, 50));
    }
  });

  it('walks an operation once per combination of `first` values and reuses that measure', () => {
    const measurer = createOperationMeasurer(schema, 50);
    const { document, operation } = parseOperation(query);
    const first = measurer(document, operation, { n: 5, m: 1, unrelated: 'a' });
    expect(measurer(document, operation, { n: 5, m: 1, unrelated: 'b' })).toBe(first);
    expect(measurer(document, operation, { n: 6, m: 1 })).not.toBe(first);
    expect(measurer(document, operation, { n: 6, m: 1 }).cost).toBeGreaterThan(first.cost);
    // the same text parsed again is another operation: measured afresh, to the same figures
    const again = parseOperation(query);
    const remeasured = measurer(again.document, again.operation, { n: 5, m: 1 });
    expect(remeasured).not.toBe(first);
    expect(remeasured).toEqual(first);
  });

  it('keeps a bounded number of measures per operation and still answers past the bound', () => {
    const measurer = createOperationMeasurer(schema, 1000);
    const { document, operation } = parseOperation(query);
    for (let n = 1; n <= 200; n++) {
      expect(measurer(document, operation, { n, m: 1 }).cost).toBe(measureOperation(schema, document, operation, { n, m: 1 }, 1000).cost);
    }
  });
});
