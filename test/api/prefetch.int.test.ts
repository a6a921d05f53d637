import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApiServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/graph/database.ts';
import { openTestDatabase, resetGraph } from '../support/database.ts';
import { postGraphql } from './support/http.ts';
import { loadSeedsGraph } from './support/seeds-graph.ts';

/**
 * `node(id)` reads the node and two levels of relationship fields in one statement. Its answers
 * must be those of `nodes(ids:)`, which resolves the same selection level by level through the
 * loaders, and it must actually save the statements.
 */

let db: Database;
let server: { url: string; close(): Promise<void> };
const ids: Record<string, string> = {};

const ENTITY = `
  id
  ... on Entity { name type reports(first: 2) { title } }
  ... on Meeting {
    date
    province { name }
    organisers { organiser { id name } evidence { text } }
    attendees { role attendee { id name type ... on Official { positions { title organisation { name } } } } evidence { text start } }
    awards { award { id kind counts { total } issuer { name } recipients { recipient { id name } } } }
  }
  ... on Official { province { name } positions { title organisation { id ... on Alliance { officials { official { name } } } } } meetings { role meeting { date } } }
  ... on Province { meetings(from: "2021-01-01") { date } alliances { name partners { partner { name } } } mergedInto { name mergedFrom { name } } }
  ... on Alliance { organised { meeting { date attendees(role: chaired) { attendee { name } } } } partners { partner { name } } awardsIssued { award { kind } } }
  ... on Award { issuers { issuer { name } } meeting { date } presentations { meeting { name } } recipients { recipient { name } } }
  ... on Report { title province { name } statistics { metric value } entities(types: [Official], first: 3) { name } }
`;

beforeAll(async () => {
  db = await openTestDatabase();
  await resetGraph(db.gateway);
  await loadSeedsGraph(db.gateway);
  server = await startApiServer({ config: loadConfig({ PORT: '0', API_QUERY_TIMEOUT_MS: '60000', API_MAX_DEPTH: '12' }), database: db });
  const result = await db.gateway.read((tx) =>
    tx.run(`MATCH (m:Meeting {date: '2021-04-06'})<-[:PRESENTED_AT]-(a:Award)
            MATCH (o:Official)-[:ATTENDED]->(:Meeting {date: '2024-01-04'})
            MATCH (r:Report)-[:STATES]->(:Statistic)
            RETURN m.key AS meeting, a.key AS award, o.key AS official, r.key AS report LIMIT 1`),
  );
  const row = result.records[0];
  if (!row) throw new Error('the seeds graph lacks the meeting of 2021-04-06 or the one of 2024-01-04');
  Object.assign(ids, row.toObject(), { province: 'province:hoa binh', alliance: 'alliance:hoa binh', missing: 'meeting:nowhere' });
});

afterAll(async () => {
  await server?.close();
  await resetGraph(db.gateway);
  await db?.close();
});

describe('node(id) with relationship fields', () => {
  it.each(['meeting', 'award', 'official', 'report', 'province', 'alliance', 'missing'])(
    'answers for a %s what nodes(ids:) answers level by level',
    async (which) => {
      const id = ids[which]!;
      const prefetched = await postGraphql(server.url, `query($id: ID!) { node(id: $id) { ${ENTITY} } }`, { id });
      const stepwise = await postGraphql(server.url, `query($id: ID!) { nodes(ids: [$id]) { ${ENTITY} } }`, { id });
      expect(prefetched.errors).toEqual([]);
      expect(stepwise.errors).toEqual([]);
      expect(prefetched.data?.node).toEqual((stepwise.data?.nodes as unknown[])[0]);
      if (which !== 'missing') expect(prefetched.data?.node).toMatchObject({ id });
    },
  );

  it('reads a meeting with its organisers, attendees, their positions, awards and recipients in one statement', async () => {
    const reads = vi.spyOn(db.gateway, 'readOne');
    try {
      const query = `query($id: ID!) { node(id: $id) { ... on Meeting {
        name organisers { organiser { name } }
        attendees { role attendee { name ... on Official { positions { title } } } evidence { text } }
        awards { award { kind recipients { recipient { name } } issuer { name } } }
      } } }`;
      const response = await postGraphql(server.url, query, { id: ids.meeting! });
      expect(response.errors).toEqual([]);
      const awards = (response.data?.node as { awards: { award: { recipients: unknown[] } }[] }).awards;
      expect(awards.length).toBeGreaterThan(0);
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
  });

  it('still refuses bad arguments of a prefetched field, naming them', async () => {
    const response = await postGraphql(server.url, `query($id: ID!) { node(id: $id) { ... on Province { meetings(from: "April") { date } } } }`, {
      id: ids.province!,
    });
    expect(response.errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});
