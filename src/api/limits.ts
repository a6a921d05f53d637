import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { Kind } from 'graphql';

/**
 * Query protection before any resolver runs: depth, estimated cost and alias count of the
 * operation. Cost is 1 per field, times the number of items a list or connection field can
 * return (its `first` argument, capped at the page size, or a default for plain lists), so a
 * wide fan-out deep down costs what it would cost the database.
 */

export type QueryLimits = { maxDepth: number; maxCost: number; maxAliases: number; maxPageSize: number };
export type QueryMeasure = { depth: number; cost: number; aliases: number };

/**
 * Items assumed for a list field without a `first` argument (attendees, positions, evidence):
 * such lists are short in practice (a meeting's few leaders, one sentence per report).
 */
export const DEFAULT_LIST_SIZE = 3;

/**
 * Types are told apart by shape, not `instanceof`: Apollo and this module may load different
 * copies of graphql-js (ESM and CommonJS), whose classes are not the same.
 */
type Composite = { name: string; getFields?: () => Record<string, GraphQLField<unknown, unknown> | undefined> };

function asComposite(type: GraphQLNamedType | null | undefined): Composite | null {
  if (!type) return null;
  return 'getFields' in type || 'getTypes' in type ? (type as unknown as Composite) : null;
}

/** `[Attendance!]!` → `Attendance`. */
function namedTypeName(type: unknown): string {
  return String(type).replace(/[[\]!]/g, '');
}

type Walk = {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  maxPageSize: number;
  /** Names of the variables the measure read (`first: $n`), so it can be reused for the same values. */
  read: Set<string>;
  /**
   * Each fragment's measure, computed at its first spread: a fragment's selection is measured on
   * its own type condition, so every spread of it measures the same. Without this, a fragment
   * spread ten times that spreads another ten times … is walked 10^depth times (an 862-byte
   * query kept the server busy for minutes); with it the walk is linear in the document.
   */
  measured: Map<string, QueryMeasure | 'measuring'>;
  /** Selections the walk may still visit: a budget on the measuring work itself. */
  budget: { left: number };
};

/**
 * Most selections (fields, fragment spreads, inline fragments) one measure visits. Each is visited
 * once (fragments are memoised), so this bounds the document, not what it asks for; far above any
 * real query (the landing page's introspection query has about a hundred).
 */
export const MEASURE_BUDGET = 20_000;

/** The measuring walk ran out of its budget: the operation is refused as too complex. */
export class MeasureBudgetError extends Error {
  override name = 'MeasureBudgetError';
}

/** Measures an operation's depth (field levels), cost and aliases; introspection fields are free. */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  maxPageSize: number,
): QueryMeasure {
  return walkOperation(schema, document, operation, variables, maxPageSize).measure;
}

function walkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  maxPageSize: number,
): { measure: QueryMeasure; read: Set<string> } {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const read = new Set<string>();
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  const composite = asComposite(root);
  if (!composite) return { measure: { depth: 0, cost: 0, aliases: 0 }, read };
  const walk: Walk = { schema, fragments, variables, maxPageSize, read, measured: new Map(), budget: { left: MEASURE_BUDGET } };
  return { measure: measureSelections(walk, composite, operation.selectionSet), read };
}

/** Most measures kept per operation (one per combination of its `first` variables' values). */
const MEASURES_PER_OPERATION = 64;

export type OperationMeasurer = (document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>) => QueryMeasure;

type OperationMeasures = { variables: string[]; byValues: Map<string, QueryMeasure> };

/**
 * `measureOperation` remembered per operation for one schema and page size. Apollo hands every
 * request with the same query text the same parsed document (its document store), and a measure
 * depends on nothing else but the values of the variables given as `first`, so an app repeating
 * its queries has each one walked once instead of on every request. Operations are weakly held:
 * a document Apollo's store drops takes its measures with it.
 */
export function createOperationMeasurer(schema: GraphQLSchema, maxPageSize: number): OperationMeasurer {
  const measured = new WeakMap<OperationDefinitionNode, OperationMeasures>();
  return (document, operation, variables) => {
    const known = measured.get(operation);
    const hit = known?.byValues.get(keyOf(known.variables, variables));
    if (hit) return hit;
    const { measure, read } = walkOperation(schema, document, operation, variables, maxPageSize);
    const entry = known ?? { variables: [...read].sort(), byValues: new Map<string, QueryMeasure>() };
    if (entry.byValues.size >= MEASURES_PER_OPERATION) entry.byValues.clear();
    entry.byValues.set(keyOf(entry.variables, variables), measure);
    measured.set(operation, entry);
    return measure;
  };
}

/**
 * The values that decide a measure: each read variable's number (a page size) or length (a list
 * of ids), or null when it is neither (the default applies).
 */
function keyOf(names: string[], variables: Record<string, unknown>): string {
  return JSON.stringify(
    names.map((name) => {
      const value = variables[name];
      return typeof value === 'number' ? value : Array.isArray(value) ? `[${value.length}]` : null;
    }),
  );
}

function measureSelections(walk: Walk, parent: Composite, selectionSet: SelectionSetNode): QueryMeasure {
  const total: QueryMeasure = { depth: 0, cost: 0, aliases: 0 };
  const add = (m: QueryMeasure) => {
    total.depth = Math.max(total.depth, m.depth);
    total.cost += m.cost;
    total.aliases += m.aliases;
  };
  for (const selection of selectionSet.selections) {
    if (--walk.budget.left < 0) throw new MeasureBudgetError(`the query has more than ${MEASURE_BUDGET} selections`);
    switch (selection.kind) {
      case Kind.FIELD:
        add(measureField(walk, parent, selection));
        break;
      case Kind.INLINE_FRAGMENT: {
        const condition = selection.typeCondition ? asComposite(walk.schema.getType(selection.typeCondition.name.value)) : parent;
        if (condition) add(measureSelections(walk, condition, selection.selectionSet));
        break;
      }
      case Kind.FRAGMENT_SPREAD:
        add(measureFragment(walk, selection.name.value));
        break;
      default: {
        const never: never = selection;
        throw new Error(`unknown selection ${String(never)}`);
      }
    }
  }
  return total;
}

/** A named fragment's measure, computed once per walk; a cycle (refused by validation before) counts nothing. */
function measureFragment(walk: Walk, name: string): QueryMeasure {
  const known = walk.measured.get(name);
  if (known === 'measuring') return { depth: 0, cost: 0, aliases: 0 };
  if (known) return known;
  const fragment = walk.fragments.get(name);
  const condition = fragment ? asComposite(walk.schema.getType(fragment.typeCondition.name.value)) : null;
  if (!fragment || !condition) return { depth: 0, cost: 0, aliases: 0 };
  walk.measured.set(name, 'measuring');
  const measure = measureSelections(walk, condition, fragment.selectionSet);
  walk.measured.set(name, measure);
  return measure;
}

function measureField(walk: Walk, parent: Composite, node: FieldNode): QueryMeasure {
  const aliases = node.alias ? 1 : 0;
  if (node.name.value.startsWith('__')) return { depth: 0, cost: 0, aliases };
  const field = parent.getFields?.()[node.name.value];
  if (!field) return { depth: 1, cost: 1, aliases };
  const named = asComposite(walk.schema.getType(namedTypeName(field.type)));
  const children = node.selectionSet && named ? measureSelections(walk, named, node.selectionSet) : { depth: 0, cost: 0, aliases: 0 };
  const fanOut = isConnectionField(parent) ? 1 : itemsOf(walk, field, node);
  return { depth: 1 + children.depth, cost: 1 + fanOut * children.cost, aliases: aliases + children.aliases };
}

/** Fields of a connection (`nodes`, `edges`) are already counted by the connection field's `first`. */
function isConnectionField(parent: Composite): boolean {
  return parent.name.endsWith('Connection');
}

function itemsOf(walk: Walk, field: GraphQLField<unknown, unknown>, node: FieldNode): number {
  const isMany = String(field.type).startsWith('[') || namedTypeName(field.type).endsWith('Connection');
  if (!isMany) return 1;
  const asked = readIdsArgument(walk, node) ?? readFirstArgument(walk, field, node);
  return Math.min(asked ?? DEFAULT_LIST_SIZE, walk.maxPageSize);
}

/** The number of ids a field is given (`nodes(ids: […])`): one item each. */
function readIdsArgument(walk: Walk, node: FieldNode): number | null {
  const argument = node.arguments?.find((a) => a.name.value === 'ids');
  if (argument?.value.kind === Kind.LIST) return argument.value.values.length;
  if (argument?.value.kind === Kind.VARIABLE) {
    walk.read.add(argument.value.name.value);
    const value = walk.variables[argument.value.name.value];
    if (Array.isArray(value)) return value.length;
  }
  return null;
}

function readFirstArgument(walk: Walk, field: GraphQLField<unknown, unknown>, node: FieldNode): number | null {
  const argument = node.arguments?.find((a) => a.name.value === 'first');
  if (argument?.value.kind === Kind.INT) return Number(argument.value.value);
  if (argument?.value.kind === Kind.VARIABLE) {
    walk.read.add(argument.value.name.value);
    const value = walk.variables[argument.value.name.value];
    if (typeof value === 'number') return value;
  }
  const fallback = field.args.find((a) => a.name === 'first')?.defaultValue;
  return typeof fallback === 'number' ? fallback : null;
}
