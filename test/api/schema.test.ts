import { makeExecutableSchema } from '@graphql-tools/schema';
import { buildSchema, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createResolvers } from '../../src/api/resolvers/index.ts';
import { readExampleDocument, readTypeDefs } from '../../src/api/type-defs.ts';
import { parse, validate } from 'graphql';

const schema = buildSchema(readTypeDefs());

describe('schema', () => {
  it('describes every type and field', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('has a resolver for every resolver it names and only for fields that exist', () => {
    expect(() =>
      makeExecutableSchema({ typeDefs: readTypeDefs(), resolvers: createResolvers(), resolverValidationOptions: { requireResolversToMatchSchema: 'error' } }),
    ).not.toThrow();
  });

  it("keeps the landing page's example document valid against the schema", () => {
    expect(validate(schema, parse(readExampleDocument())).map((e) => e.message)).toEqual([]);
  });
});
