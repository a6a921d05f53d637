import { z } from 'zod';
import { NODE_TYPES } from '../../graph/read-rows.ts';
import type { NodeType } from '../../graph/read-rows.ts';
import { readMostConnected, readOverview } from '../../graph/read-overview.ts';
import { capPageSize, parseArgs } from '../args.ts';
import type { ApiContext } from '../context.ts';

/** Resolvers of `schema/overview.graphql`: merge `overviewQueryResolvers` into `Query`. */

/** The types `mostConnected` ranks unless told otherwise: the actors. */
const ACTOR_TYPES: NodeType[] = ['Alliance', 'Agency', 'Official', 'Cooperative'];

const mostConnectedArgs = z.object({ first: z.number().int().min(0, 'first must not be negative'), types: z.array(z.enum(NODE_TYPES)).nullish() });

export const overviewQueryResolvers = {
  overview: async (_root: unknown, _args: unknown, context: ApiContext) => {
    const overview = await readOverview(context.gateway, context.read);
    return {
      ...overview,
      // Read only when the query asks for it: ranking reads every entity's degree.
      mostConnected: async (args: unknown) => {
        const { first, types } = parseArgs(mostConnectedArgs, args);
        const rows = await readMostConnected(context.gateway, types ?? ACTOR_TYPES, capPageSize(first, context.config.maxPageSize), context.read);
        for (const row of rows) context.loaders.nodes.prime(row.node.key, row.node);
        return rows.map((row) => ({ entity: row.node, degree: row.degree }));
      },
    };
  },
};
