import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { createApiError } from './errors.ts';
import { MeasureBudgetError, createOperationMeasurer } from './limits.ts';
import type { OperationMeasurer, QueryLimits } from './limits.ts';
import { findLongList } from './list-arguments.ts';

/**
 * Apollo plugin that refuses, before any resolver runs and so before the database is touched:
 * subscriptions (`OPERATION_NOT_SUPPORTED`: this API answers over plain HTTP), lists longer than
 * the page size (`BAD_USER_INPUT`), and operations beyond the depth, alias or cost limits or too
 * large to measure (`QUERY_TOO_COMPLEX`), each with HTTP 400.
 */
export function createOperationGuard(limits: QueryLimits): ApolloServerPlugin {
  let measurer: { schema: GraphQLSchema; measure: OperationMeasurer } | undefined;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          if (operation.operation === 'subscription') {
            throw createApiError('OPERATION_NOT_SUPPORTED', 'Subscriptions are not supported: send queries and mutations over HTTP.', {
              http: { status: 400 },
            });
          }
          const variables = request.variables ?? {};
          const long = findLongList(document, variables, limits.maxPageSize);
          if (long) {
            throw createApiError('BAD_USER_INPUT', `${long.where}: ${long.items} items; a list may hold at most ${limits.maxPageSize} (API_MAX_PAGE_SIZE).`, {
              http: { status: 400 },
            });
          }
          if (measurer?.schema !== schema) measurer = { schema, measure: createOperationMeasurer(schema, limits.maxPageSize) };
          let measure;
          try {
            measure = measurer.measure(document, operation, variables);
          } catch (error) {
            if (!(error instanceof MeasureBudgetError)) throw error;
            throw createApiError('QUERY_TOO_COMPLEX', `Query is too large to measure: ${error.message}.`, { http: { status: 400 } });
          }
          const refusal =
            measure.depth > limits.maxDepth
              ? `Query depth ${measure.depth} exceeds the maximum of ${limits.maxDepth}.`
              : measure.aliases > limits.maxAliases
                ? `Query uses ${measure.aliases} aliases; the maximum is ${limits.maxAliases}.`
                : measure.cost > limits.maxCost
                  ? `Query cost ${measure.cost} exceeds the maximum of ${limits.maxCost}.`
                  : null;
          if (refusal) {
            const { maxDepth, maxCost, maxAliases } = limits;
            throw createApiError('QUERY_TOO_COMPLEX', refusal, { measure, limits: { maxDepth, maxCost, maxAliases }, http: { status: 400 } });
          }
        },
      };
    },
  };
}
