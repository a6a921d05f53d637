import { analyticsQueryResolvers } from '../analytics/resolvers.ts';
import { entityResolvers } from './entities.ts';
import { mutationResolvers } from './mutations.ts';
import { overviewQueryResolvers } from './overview.ts';
import { queryResolvers } from './queries.ts';
import { relationshipResolvers } from './relationships.ts';

/** Every resolver of the schema in `schema/*.graphql`. */
export function createResolvers() {
  return {
    ...relationshipResolvers,
    ...entityResolvers,
    Query: { ...queryResolvers, ...analyticsQueryResolvers, ...overviewQueryResolvers },
    Mutation: mutationResolvers,
  };
}
