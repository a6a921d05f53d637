import { buildSchema, execute, parse } from 'graphql';
import type { DocumentNode, GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { ApiContext } from '../../src/api/context.ts';
import { planNodePrefetch } from '../../src/api/prefetch.ts';
import { readTypeDefs } from '../../src/api/type-defs.ts';
import { loadConfig } from '../../src/config.ts';

/** The `node(id)` prefetch plan: made once per parsed query, again whenever variables may change it. */

const schema = buildSchema(readTypeDefs());
const context = { config: loadConfig({}).api } as ApiContext;

/** Runs `document` and returns the plan `node(id)` made (the resolver answers null, so nothing else runs). */
function planOf(document: DocumentNode, variables: Record<string, unknown>, ctx: ApiContext = context) {
  let plan: ReturnType<typeof planNodePrefetch> | undefined;
  const result = execute({
    schema,
    document,
    variableValues: variables,
    contextValue: ctx,
    fieldResolver: (_source: unknown, _args: unknown, resolveContext: ApiContext, info: GraphQLResolveInfo) => {
      if (info.fieldName === 'node') plan = planNodePrefetch(info, resolveContext);
      return null;
    },
  });
  if ('then' in result) throw new Error('expected a synchronous result');
  expect(result.errors).toBeUndefined();
  if (!plan) throw new Error('node(id) was not resolved');
  return plan;
}

const limitsOf = (plan: ReturnType<typeof planNodePrefetch>) => plan.map((p) => [p.onType, p.base.type, p.base.limit]);

describe('the node(id) prefetch plan', () => {
  it('is made once for a parsed query whose selection reads no variable, whatever the id', () => {
    const document = parse('query($id: ID!) { node(id: $id) { ... on Official { province { name } positions { title organisation { name } } } } }');
    const first = planOf(document, { id: 'official:a@hoa binh' });
    const second = planOf(document, { id: 'official:b@ha nam' });
    expect(second).toBe(first);
    expect(limitsOf(first).map(([type, rel]) => `${type} ${rel}`).sort()).toEqual(['Official HOLDS_POSITION', 'Official LOCATED_IN']);
    // The same text parsed again is another document: planned again, to the same plan.
    expect(planOf(parse('query($id: ID!) { node(id: $id) { ... on Official { province { name } positions { title organisation { name } } } } }'), { id: 'x' })).toEqual(first);
  });

  it('is made again when the selection reads variables: page sizes and @include', () => {
    const paged = parse('query($id: ID!, $n: Int) { node(id: $id) { ... on Province { meetings(first: $n) { id } } } }');
    const two = limitsOf(planOf(paged, { id: 'province:hoa binh', n: 2 }));
    const seven = limitsOf(planOf(paged, { id: 'province:hoa binh', n: 7 }));
    expect(two.map(([, , limit]) => limit)).toEqual([2]);
    expect(seven.map(([, , limit]) => limit)).toEqual([7]);

    const included = parse('query($id: ID!, $with: Boolean!) { node(id: $id) { ...F } } fragment F on Official { province { name } positions @include(if: $with) { title } }');
    expect(planOf(included, { id: 'x', with: true })).toHaveLength(2);
    expect(planOf(included, { id: 'x', with: false })).toHaveLength(1);
  });

  it('is kept per server configuration (page-size caps differ)', () => {
    const document = parse('query($id: ID!) { node(id: $id) { ... on Province { meetings(first: 80) { id } } } }');
    const capped = { config: loadConfig({ API_MAX_PAGE_SIZE: '30' }).api } as ApiContext;
    expect(limitsOf(planOf(document, { id: 'p' })).map(([, , limit]) => limit)).toEqual([80]);
    expect(limitsOf(planOf(document, { id: 'p' }, capped)).map(([, , limit]) => limit)).toEqual([30]);
  });
});
