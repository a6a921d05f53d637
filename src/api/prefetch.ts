import { BREAK, Kind, getNamedType, isAbstractType, isObjectType, visit } from 'graphql';
import type { FieldNode, FragmentDefinitionNode, GraphQLNamedType, GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { parseResolveInfo, simplifyParsedResolveInfoFragmentWithType } from 'graphql-parse-resolve-info';
import type { ResolveTree } from 'graphql-parse-resolve-info';
import { relationRowSchema, toRelationRow } from '../graph/read-relations.ts';
import type { RelationRequest } from '../graph/read-relations.ts';
import { NODE_TYPES, parseNodeRow } from '../graph/read-rows.ts';
import type { NodeRow } from '../graph/read-rows.ts';
import type { ApiContext } from './context.ts';
import { relationField } from './resolvers/relation-fields.ts';
import { PROVENANCE_FIELDS, relationRequest, selectedFields } from './resolvers/related.ts';

/**
 * The prefetch of `node(id)`: the node and the relationship fields the query asks of it, and of
 * the nodes at their other ends, in one Cypher statement (`api/node-with-relations`) instead of
 * one per response level. The answers prime the request's loaders with exactly the requests the
 * field resolvers will make (`relationRequest`), so those resolvers find them without a query.
 * Deeper levels, and anything not planned, go through the loaders as before.
 */

/** A planned request without its node key: what the field resolvers will ask of a node of type `onType`. */
type Planned = { onType: string; base: RelationRequest };
type PlannedField = Planned & { children: Planned[] };

/**
 * Plans made, per server configuration and `node` field of a parsed document. Apollo keeps the
 * documents it parsed, so the same query text brings the same field object in every request, and
 * its plan is made once. A selection that reads variables (arguments, `@include`/`@skip`) is
 * planned every time, since their values may change the plan.
 */
const plans = new WeakMap<ApiContext['config'], WeakMap<FieldNode, PlannedField[]>>();
const readsVariables = new WeakMap<FieldNode, boolean>();

/** The requests a `node(id)` selection makes of the node (any type it may have) and of its neighbours. */
export function planNodePrefetch(info: GraphQLResolveInfo, context: ApiContext): PlannedField[] {
  const field = info.fieldNodes.length === 1 ? info.fieldNodes[0] : undefined;
  if (field === undefined || selectionReadsVariables(field, info.fragments)) return makePlan(info, context);
  let byField = plans.get(context.config);
  if (!byField) plans.set(context.config, (byField = new WeakMap()));
  let plan = byField.get(field);
  if (!plan) byField.set(field, (plan = makePlan(info, context)));
  return plan;
}

/** Whether the selection of `field` (not its own arguments), through its fragments, names a variable. */
function selectionReadsVariables(field: FieldNode, fragments: Record<string, FragmentDefinitionNode>): boolean {
  const known = readsVariables.get(field);
  if (known !== undefined) return known;
  const seen = new Set<string>();
  const reads = (node: FieldNode | FragmentDefinitionNode): boolean => {
    let found = false;
    visit(node.selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] }, {
      Variable() {
        found = true;
        return BREAK;
      },
      FragmentSpread(spread) {
        const fragment = fragments[spread.name.value];
        if (seen.has(spread.name.value) || !fragment) return;
        seen.add(spread.name.value);
        if ((fragment.directives ?? []).length > 0 || reads(fragment)) {
          found = true;
          return BREAK;
        }
      },
    });
    return found;
  };
  const result = reads(field);
  readsVariables.set(field, result);
  return result;
}

function makePlan(info: GraphQLResolveInfo, context: ApiContext): PlannedField[] {
  const tree = parseResolveInfo(info);
  if (!tree || !('fieldsByTypeName' in tree)) return [];
  const planned = new Map<string, PlannedField>();
  for (const type of NODE_TYPES) {
    for (const { request, endTrees } of relationFieldsOf(info.schema, tree as ResolveTree, type, context)) {
      const key = JSON.stringify([type, request]);
      const entry = planned.get(key) ?? { onType: type, base: request, children: [] };
      for (const { tree: endTree, endType } of endTrees) {
        for (const child of relationFieldsOf(info.schema, endTree, endType, context)) {
          if (!entry.children.some((c) => c.onType === endType && sameRequest(c.base, child.request))) {
            entry.children.push({ onType: endType, base: child.request });
          }
        }
      }
      planned.set(key, entry);
    }
  }
  return [...planned.values()];
}

/**
 * The relationship fields `tree` selects on a node of `type`, each with the selections on the nodes
 * at its other end (per concrete type they may have). A field whose arguments do not parse is
 * left out: its resolver reports the error.
 */
function relationFieldsOf(schema: GraphQLSchema, tree: ResolveTree, type: string, context: ApiContext) {
  const objectType = schema.getType(type);
  if (!isObjectType(objectType)) return [];
  const { fields } = simplifyParsedResolveInfoFragmentWithType(tree, objectType) as { fields: Record<string, ResolveTree> };
  const found: { request: RelationRequest; endTrees: { tree: ResolveTree; endType: string }[] }[] = [];
  for (const sub of Object.values(fields)) {
    const field = relationField(type, sub.name);
    const returned = objectType.getFields()[sub.name];
    if (!field || !returned) continue;
    let request: RelationRequest;
    try {
      const provenance = selectedFields(sub, PROVENANCE_FIELDS).length > 0;
      request = relationRequest(context, '', field, sub.args as Record<string, unknown>, provenance);
    } catch {
      continue;
    }
    const returnedType = getNamedType(returned.type);
    const endTrees = field.end ? endsOf(schema, sub, returnedType, field.end) : concreteTypes(schema, returnedType).map((t) => ({ tree: sub, endType: t.name }));
    found.push({ request, endTrees });
  }
  return found;
}

/** The selections on the `end` field of an edge type (`attendee` of `Attendance`), per concrete type of that end. */
function endsOf(schema: GraphQLSchema, sub: ResolveTree, edgeType: GraphQLNamedType, end: string) {
  if (!isObjectType(edgeType)) return [];
  const endField = edgeType.getFields()[end];
  if (!endField) return [];
  const { fields } = simplifyParsedResolveInfoFragmentWithType(sub, edgeType) as { fields: Record<string, ResolveTree> };
  return Object.values(fields)
    .filter((f) => f.name === end)
    .flatMap((f) => concreteTypes(schema, getNamedType(endField.type)).map((t) => ({ tree: f, endType: t.name })));
}

function concreteTypes(schema: GraphQLSchema, type: GraphQLNamedType): readonly GraphQLObjectType[] {
  if (isObjectType(type)) return [type];
  return isAbstractType(type) ? schema.getPossibleTypes(type) : [];
}

function sameRequest(a: RelationRequest, b: RelationRequest): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Reads the node `key` with the planned fields (in one statement shared with the other requests in
 * flight) and primes the loaders: the node, every planned request of the node's type, and every
 * child request of the nodes found (with no rows where the statement found none). Returns the
 * node, or null when there is none.
 */
export async function prefetchNode(context: ApiContext, key: string, planned: PlannedField[]): Promise<NodeRow | null> {
  const children = planned.flatMap((p) => p.children);
  const requests = planned.map((p, id) => ({
    ...withoutKey(p.base),
    id,
    onType: p.onType,
    children: p.children.map((c) => ({ ...withoutKey(c.base), id: children.indexOf(c), onType: c.onType })),
  }));
  const row = await context.shared.prefetch.load({ key, requests });
  if (!row) {
    context.loaders.nodes.prime(key, null);
    return null;
  }
  const node = parseNodeRow(row.node);
  context.loaders.nodes.prime(key, node);
  const level1 = new Map(row.level1.map((entry) => [entry.id, entry.rows.map(toRow)]));
  const level2 = new Map(row.level2.map((entry) => [`${entry.id} ${entry.key}`, entry.rows.map(toRow)]));
  planned.forEach((p, id) => {
    if (p.onType !== node.type) return;
    const rows = level1.get(id) ?? [];
    context.loaders.relations.prime({ ...p.base, key }, rows);
    for (const child of p.children) {
      const childId = children.indexOf(child);
      for (const end of rows.map((r) => r.node).filter((n) => n.type === child.onType)) {
        context.loaders.relations.prime({ ...child.base, key: end.key }, level2.get(`${childId} ${end.key}`) ?? []);
      }
    }
  });
  return node;
}

function withoutKey({ key: _key, ...rest }: RelationRequest) {
  return rest;
}

function toRow(raw: Record<string, unknown>) {
  const { type, outgoing, props, node } = relationRowSchema.parse(raw);
  return toRelationRow(type, outgoing, props, node);
}
