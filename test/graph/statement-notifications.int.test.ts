import type { Notification } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, listCypherNames } from '../../src/graph/cypher.ts';
import type { Database } from '../../src/graph/database.ts';
import { applySchema } from '../../src/graph/migrate.ts';
import { openTestDatabase } from '../support/database.ts';

/**
 * Every named statement plans without a notification worth acting on. Neo4j sends a statement's
 * notifications with every result: the deprecated `CALL { WITH … }` subqueries of the read of a
 * node with its relationships made Neo4j send about 7 kB of warnings with a 0.6 kB answer, on
 * every API request. Deprecated syntax also stops working in a later Neo4j.
 *
 * Left out: parameters EXPLAIN runs without, and labels or property keys this test's graph may not
 * hold yet (other test files load and empty it while this one runs).
 */

/** Placeholders some statements hold, filled as their callers fill them (labels and types from fixed lists). */
const PLACEHOLDERS: Record<string, string> = {
  __MAX__: '4',
  __LABEL__: 'Official',
  __TYPE__: 'ATTENDED',
  __IDENTITY__: '{role: $role}',
};

function render(name: string): string {
  return Object.entries(PLACEHOLDERS).reduce((text, [placeholder, value]) => text.replaceAll(placeholder, value), cypher(name));
}

function isActionable(notification: Notification): boolean {
  return notification.category !== 'UNRECOGNIZED' && !notification.code.endsWith('ParameterNotProvided');
}

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await applySchema(db.gateway);
});

afterAll(async () => {
  await db?.close();
});

describe('named Cypher statements', () => {
  // `bench/checkpoint` calls a procedure only hoptac's local launcher has, not a server at NEO4J_URI.
  const names = ['api', 'ingest', 'bench', 'platform', 'backfill']
    .flatMap((folder) => listCypherNames(folder))
    .filter((name) => !(process.env.NEO4J_URI && name === 'bench/checkpoint'));

  it.each(names)('%s plans without deprecation, performance or scoping notifications', async (name) => {
    const text = render(name);
    expect(text).not.toMatch(/__[A-Z]+__/);
    const notifications = await db.gateway.read(async (tx) => (await tx.run(`EXPLAIN ${text}`)).summary.notifications);
    expect(notifications.filter(isActionable).map((n) => `${n.code}: ${n.description}`)).toEqual([]);
  });

  it('include the statements the API reads nodes and relationships with', () => {
    expect(names).toEqual(expect.arrayContaining(['api/node-with-relations', 'api/relations', 'api/neighborhood', 'api/paths', 'ingest/load-facts']));
  });
});

describe('the check itself', () => {
  it('sees the deprecation warning of a `CALL { WITH … }` subquery and a cartesian product', async () => {
    const deprecated = 'UNWIND [1, 2] AS x CALL { WITH x RETURN x * 2 AS y } RETURN y';
    const cartesian = 'MATCH (a:Entity {key: $from}), (b:Entity {key: $to}) RETURN a, b';
    for (const text of [deprecated, cartesian]) {
      const notifications = await db.gateway.read(async (tx) => (await tx.run(`EXPLAIN ${text}`, { from: 'x', to: 'y' })).summary.notifications);
      expect(notifications.filter(isActionable), text).not.toEqual([]);
    }
  });
});
