import { Kind } from 'graphql';
import type { ValueNode } from 'graphql';
import type { EvidenceRow, NodeRow } from '../../graph/read-rows.ts';
import type { SubgraphNode } from '../../graph/subgraph.ts';
import type { ApiContext } from '../context.ts';

/** Resolvers of the abstract types, the JSON scalar, evidence and subgraph nodes. */

function resolveNodeType(node: NodeRow): string {
  return node.type;
}

function parseLiteral(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.ENUM:
      return ast.value;
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map(parseLiteral);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, parseLiteral(f.value)]));
    case Kind.VARIABLE:
      return undefined;
    default: {
      const never: never = ast;
      throw new Error(`unknown literal ${String(never)}`);
    }
  }
}

/**
 * The `JSON` scalar: attributes pass through as plain JSON values. A plain object rather than a
 * `GraphQLScalarType`, so it works whichever copy of graphql-js builds the schema.
 */
export const jsonScalar = {
  serialize: (value: unknown) => value,
  parseValue: (value: unknown) => value,
  parseLiteral,
};

export const relationshipResolvers = {
  JSON: jsonScalar,
  Node: { __resolveType: resolveNodeType },
  Entity: { __resolveType: resolveNodeType },
  Organisation: { __resolveType: resolveNodeType },
  Evidence: {
    report: (e: EvidenceRow, _a: unknown, ctx: ApiContext) => ctx.loaders.nodes.load(e.report),
    reportId: (e: EvidenceRow) => e.report,
  },
  GraphNode: {
    entity: (n: SubgraphNode, _a: unknown, ctx: ApiContext) => ctx.loaders.nodes.load(n.id),
  },
};
