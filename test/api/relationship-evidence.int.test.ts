import { buildSchema, getNamedType, getNullableType, isListType, isObjectType } from 'graphql';
import { fileURLToPath } from 'node:url';
import type { GraphQLField, GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer } from '../../src/api/server.ts';
import { readTypeDefs } from '../../src/api/type-defs.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/graph/database.ts';
import { ingestPaths, ingestReports } from '../../src/graph/ingest.ts';
import type { ReadResult } from '../../src/io/read-reports.ts';
import { openTestDatabase, resetGraph } from '../support/database.ts';
import { postGraphql } from './support/http.ts';
import { loadSeedsGraph } from './support/seeds-graph.ts';

/**
 * Every field of the API that returns relationships returns each with the sentences that state
 * it. The fields are found in the schema, not listed here: a relationship type is any type with
 * an `evidence` field, and a field that returns one (or a subgraph or path holding them) is asked
 * for on every node of the seeds graph that has it. A new such field is tested without a word
 * added here; a root field the schema gains needs its arguments below, or this test fails.
 */

const schema = buildSchema(readTypeDefs());
const RELATIONSHIP_TYPES = new Set(
  Object.values(schema.getTypeMap())
    .filter((type): type is GraphQLObjectType => {
      const evidence = isObjectType(type) ? type.getFields().evidence : undefined;
      // a statistic's one sentence (`evidence: Evidence`) is no relationship's list of them
      return evidence !== undefined && isListType(getNullableType(evidence.type));
    })
    .map((type) => type.name),
);
/** Types that carry relationships one level down: a subgraph's edges, a path's hops. */
const HOLDERS: Record<string, string> = { Subgraph: 'edges', Path: 'hops' };

/** Relationships documented as carrying no sentence: the gazetteer's links, and an event's own entry in its timeline. */
const UNSTATED = new Set(['LOCATED_IN', 'MERGED_INTO', 'SELF']);

function returnsRelationships(field: GraphQLField<unknown, unknown>): boolean {
  const named = getNamedType(field.type).name;
  return RELATIONSHIP_TYPES.has(named) || named in HOLDERS;
}

/** The selection that reads a field's relationships with their evidence and what says whether one needs it. */
function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type).name;
  const leaf = (type: string): string => {
    const fields = (schema.getType(type) as GraphQLObjectType).getFields();
    return ['evidence { text reportId }', 'type' in fields ? 'type' : '', 'relation' in fields ? 'relation' : ''].join(' ');
  };
  const holder = HOLDERS[named];
  if (holder !== undefined) return `${field.name} { ${holder} { ${leaf(getNamedType((schema.getType(named) as GraphQLObjectType).getFields()[holder]!.type).name)} } }`;
  return `${field.name} { ${leaf(named)} }`;
}

type Relationship = { evidence: { text: string; reportId: string }[]; type?: string; relation?: string };

/** The relationships in a field's answer, whatever shape (a list, a subgraph, paths). */
function relationshipsIn(value: unknown): Relationship[] {
  if (Array.isArray(value)) return value.flatMap(relationshipsIn);
  if (value === null || typeof value !== 'object') return [];
  if ('evidence' in value) return [value as Relationship];
  return Object.values(value).flatMap(relationshipsIn);
}

const entityFields = Object.values(schema.getTypeMap())
  .filter((type): type is GraphQLObjectType => isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Entity'))
  .flatMap((type) => Object.values(type.getFields()).filter(returnsRelationships).map((field) => ({ type: type.name, field })));

const rootFields = Object.values(schema.getQueryType()!.getFields()).filter(returnsRelationships);

/** Arguments of the root fields that return relationships, on the seeds graph. */
const ROOT_ARGUMENTS: Record<string, string> = {
  timeline: '(id: "alliance:hoa binh")',
  neighborhood: '(id: "alliance:hoa binh", depth: 2)',
  network: '(selection: { all: true })',
  cooperationNetwork: '(province: "Hòa Bình")',
  path: '(from: "official:dinh cong su@hoa binh", to: "alliance:hoa binh")',
};

const FIXTURES = fileURLToPath(new URL('../fixtures/reports/', import.meta.url));
const API_KEY = 'test-key-evidence';
/** Ids a `nodes(ids:)` request may name, the server's API_MAX_PAGE_SIZE here. */
const PAGE_SIZE = 50;

async function* received(): AsyncIterable<ReadResult> {
  const text = [
    'Khen thưởng tập thể, cá nhân',
    'Ngày 12/3/2024, Ủy ban nhân dân tỉnh Đắk Nông tổ chức hội nghị tổng kết. Tại hội nghị, Ủy ban nhân dân tỉnh tặng Bằng khen cho Sở Công Thương và ông Nguyễn Văn An, Giám đốc Sở Công Thương.',
  ].join('\n');
  yield { ok: true, input: { file: 'khen-thuong.txt', text } };
}
let db: Database;
let server: { url: string; close(): Promise<void> };
let keysByType: Map<string, string[]>;

beforeAll(async () => {
  db = await openTestDatabase();
  await resetGraph(db.gateway);
  await loadSeedsGraph(db.gateway);
  // the in-house reports as extracted, and a body and a person receiving an award: the seeds name no recipients
  expect((await ingestPaths(db.gateway, [FIXTURES])).failed).toEqual([]);
  expect((await ingestReports(db.gateway, received())).failed).toEqual([]);
  server = await startApiServer({
    config: loadConfig({ PORT: '0', HOPTAC_API_KEY: API_KEY, API_MAX_PAGE_SIZE: String(PAGE_SIZE), API_QUERY_TIMEOUT_MS: '60000' }),
    database: db,
  });
  const result = await db.gateway.read((tx) => tx.run('MATCH (n:Entity) RETURN n.type AS type, collect(n.key) AS keys'));
  keysByType = new Map(result.records.map((r) => [r.get('type') as string, r.get('keys') as string[]]));
});

afterAll(async () => {
  await server?.close();
  await resetGraph(db.gateway);
  await db?.close();
});

async function ask(query: string): Promise<Record<string, unknown>> {
  const response = await postGraphql(server.url, query);
  expect(response.errors).toEqual([]);
  return response.data ?? {};
}

function expectStated(relationships: Relationship[], where: string): void {
  const stated = relationships.filter((r) => !UNSTATED.has(r.type ?? '') && !UNSTATED.has(r.relation ?? ''));
  expect(stated.length, `${where} returned no relationship that a report states`).toBeGreaterThan(0);
  for (const r of stated) {
    expect(r.evidence.length, `${where}: ${JSON.stringify(r)}`).toBeGreaterThan(0);
    for (const e of r.evidence) expect(e.text.trim()).not.toBe('');
  }
}

describe('every relationship the API returns carries its evidence', () => {
  it('finds the fields to test in the schema', () => {
    expect(entityFields.length).toBeGreaterThan(10);
    expect(rootFields.map((f) => f.name).sort()).toEqual(Object.keys(ROOT_ARGUMENTS).sort());
  });

  it.each(entityFields.map(({ type, field }) => [`${type}.${field.name}`, type, field] as const))('%s', async (_, type, field) => {
    const keys = keysByType.get(type) ?? [];
    const nodes: unknown[] = [];
    // `nodes(ids:)` takes at most API_MAX_PAGE_SIZE ids a request
    for (let start = 0; start < keys.length; start += PAGE_SIZE) {
      const data = await ask(`{ nodes(ids: ${JSON.stringify(keys.slice(start, start + PAGE_SIZE))}) { ... on ${type} { ${selectionOf(field)} } } }`);
      nodes.push(...(data.nodes as unknown[]));
    }
    expectStated(relationshipsIn(nodes), `${type}.${field.name}`);
  });

  it.each(rootFields.map((field) => [`Query.${field.name}`, field] as const))('%s', async (_, field) => {
    const data = await ask(`{ ${field.name}${ROOT_ARGUMENTS[field.name] ?? ''} ${selectionOf(field).slice(field.name.length)} }`);
    expectStated(relationshipsIn(data[field.name]), `Query.${field.name}`);
  });
});
