import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApiServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/graph/database.ts';
import { openTestDatabase, resetGraph } from '../support/database.ts';
import { errorCodes, postGraphql } from './support/http.ts';
import { loadSeedsGraph } from './support/seeds-graph.ts';
import { buildNestedQuery } from './support/nested-query.ts';

/** The API over HTTP on the seeds graph: the questions researchers ask, answered with evidence. */

const API_KEY = 'test-key-0f3a';
let db: Database;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  db = await openTestDatabase();
  await resetGraph(db.gateway);
  await loadSeedsGraph(db.gateway);
  const config = loadConfig({
    PORT: '0',
    HOPTAC_API_KEY: API_KEY,
    API_MAX_PAGE_SIZE: '50',
    // Generous: tests assert answers, never timings, and CI machines may be busy.
    API_QUERY_TIMEOUT_MS: '60000',
  });
  server = await startApiServer({ config, database: db });
});

afterAll(async () => {
  await server?.close();
  await resetGraph(db.gateway);
  await db?.close();
});

const post = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
  postGraphql(server.url, query, variables, headers);

async function findId(text: string, type: string): Promise<string> {
  const response = await post('query($t: String!, $ty: [EntityType!]) { search(text: $t, types: $ty, first: 1) { node { id } } }', { t: text, ty: [type] });
  const hit = (response.data?.search as { node: { id: string } }[] | undefined)?.[0];
  if (!hit) throw new Error(`no ${type} found for ${text}: ${JSON.stringify(response.errors)}`);
  return hit.node.id;
}

describe('meetings', () => {
  it('names the three officials of the Hòa Bình meeting of 2024-01-04 with their roles, positions and evidence', async () => {
    const response = await post(`{
      meetings(filter: { province: "hoa binh", from: "2024-01-04", to: "2024-01-04" }) {
        totalCount
        nodes {
          date
          province { name }
          organisers { organiser { name } }
          attendees {
            role
            attendee { __typename name ... on Official { positions { title organisation { name } } } }
            evidence { reportId text start end report { title } }
          }
        }
      }
    }`);
    expect(response.errors).toEqual([]);
    const meetings = response.data?.meetings as { totalCount: number; nodes: Record<string, unknown>[] };
    expect(meetings.totalCount).toBe(1);
    const [meeting] = meetings.nodes as {
      date: string;
      province: { name: string };
      organisers: { organiser: { name: string } }[];
      attendees: { role: string; attendee: { __typename: string; name: string; positions?: { title: string; organisation: { name: string } }[] }; evidence: { reportId: string; text: string; start: number; end: number; report: { title: string } }[] }[];
    }[];
    expect(meeting?.date).toBe('2024-01-04');
    expect(meeting?.province).toEqual({ name: 'Hòa Bình' });
    expect(meeting?.organisers).toEqual([{ organiser: { name: 'Liên minh Hợp tác xã tỉnh Hòa Bình' } }]);
    const officials = meeting?.attendees
      .filter((a) => a.attendee.__typename === 'Official')
      .map((a) => ({ name: a.attendee.name, role: a.role, positions: a.attendee.positions?.map((p) => `${p.title} @ ${p.organisation.name}`).sort() }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(officials).toEqual([
      { name: 'Đinh Công Sứ', role: 'directed', positions: ['Phó Chủ tịch @ Ủy ban nhân dân tỉnh Hòa Bình'] },
      { name: 'Lê Tuấn An', role: 'spoke', positions: ['Viện trưởng @ Viện Khoa học công nghệ và môi trường', 'Ủy viên Ban Thường vụ @ Liên minh Hợp tác xã Việt Nam'] },
      { name: 'Trần An Định', role: 'spoke', positions: ['Chủ tịch @ Liên minh Hợp tác xã tỉnh Hòa Bình'] },
    ]);
    for (const attendance of meeting?.attendees.filter((a) => a.attendee.__typename === 'Official') ?? []) {
      expect(attendance.evidence).toHaveLength(1);
      const [evidence] = attendance.evidence;
      expect(evidence?.reportId).toBe('report:001_80b28b98b36d21f4.txt');
      expect(evidence?.report.title).toMatch(/^Liên minh HTX tỉnh Hoà Bình/);
      expect(evidence?.text).toContain(attendance.attendee.name);
      expect((evidence?.end ?? 0) - (evidence?.start ?? 0)).toBe(evidence?.text.length);
    }
  });

  it('lists the awards of the 2021-04-06 meeting with issuer and recipient counts', async () => {
    const response = await post(`{
      meetings(filter: { from: "2021-04-06", to: "2021-04-06" }) {
        nodes { province { name } awards { award { kind date issuer { name } counts { collectives individuals total } } evidence { text } } }
      }
    }`);
    expect(response.errors).toEqual([]);
    const [meeting] = (response.data?.meetings as { nodes: { province: { name: string }; awards: { award: Record<string, unknown>; evidence: { text: string }[] }[] }[] }).nodes;
    expect(meeting?.province.name).toBe('Phú Thọ');
    const awards = meeting?.awards.map((a) => a.award).sort((a, b) => String(a.kind).localeCompare(String(b.kind)));
    expect(awards).toEqual([
      { kind: 'Bằng khen', date: '2021-04-06', issuer: { name: 'Ủy ban nhân dân tỉnh Phú Thọ' }, counts: { collectives: 2, individuals: 2, total: 4 } },
      { kind: 'Cờ thi đua', date: '2021-04-06', issuer: { name: 'Liên minh Hợp tác xã tỉnh Phú Thọ' }, counts: { collectives: 3, individuals: null, total: 3 } },
      { kind: 'Giấy khen', date: '2021-04-06', issuer: { name: 'Liên minh Hợp tác xã tỉnh Phú Thọ' }, counts: { collectives: null, individuals: null, total: null } },
    ]);
    expect(meeting?.awards.every((a) => a.evidence.length === 1 && a.evidence[0]?.text.includes('khen') !== undefined)).toBe(true);
  });
});

describe('relationship queries', () => {
  it('finds the path from Đinh Công Sứ to Lê Tuấn An through the Hòa Bình meeting, each hop with evidence', async () => {
    const [from, to] = [await findId('dinh cong su', 'Official'), await findId('le tuan an', 'Official')];
    const response = await post(
      `query($from: ID!, $to: ID!) { path(from: $from, to: $to, maxLength: 4) {
        length nodes { name type } hops { type forward from { name } to { name } attributes evidence { reportId text } }
      } }`,
      { from, to },
    );
    expect(response.errors).toEqual([]);
    const paths = response.data?.path as { length: number; nodes: { name: string; type: string }[]; hops: { type: string; forward: boolean; attributes: Record<string, unknown>; evidence: { reportId: string; text: string }[] }[] }[];
    expect(paths).toHaveLength(1);
    const [path] = paths;
    expect(path?.length).toBe(2);
    expect(path?.nodes).toEqual([
      { name: 'Đinh Công Sứ', type: 'Official' },
      { name: 'Hội nghị tổng kết công tác năm 2023 và triển khai nhiệm vụ năm 2024 (Hòa Bình, 04/01/2024)', type: 'Meeting' },
      { name: 'Lê Tuấn An', type: 'Official' },
    ]);
    expect(path?.hops.map((h) => [h.type, h.forward, h.attributes.role])).toEqual([
      ['ATTENDED', true, 'directed'],
      ['ATTENDED', false, 'spoke'],
    ]);
    expect(path?.hops[0]?.evidence[0]?.text).toContain('Đinh Công Sứ');
    expect(path?.hops[1]?.evidence[0]?.text).toContain('Lê Tuấn An');
  });

  it('reads a path in one query, and its hops’ sentences and counts only when the query asks for them', async () => {
    const [from, to] = [await findId('dinh cong su', 'Official'), await findId('le tuan an', 'Official')];
    const readOne = vi.spyOn(db.gateway, 'readOne');
    const read = vi.spyOn(db.gateway, 'read');
    const ask = async (hopFields: string) => {
      readOne.mockClear();
      read.mockClear();
      const response = await post(`query($from: ID!, $to: ID!) { path(from: $from, to: $to, maxLength: 4) { hops { ${hopFields} } } }`, { from, to });
      expect(response.errors).toEqual([]);
      const params = readOne.mock.calls.map(([, p]) => [p.withEvidence, p.withEvidenceCount]);
      return { params, reads: read.mock.calls.length, hops: (response.data?.path as { hops: Record<string, unknown>[] }[])[0]?.hops };
    };
    try {
      const bare = await ask('type');
      const sentences = await ask('evidence { text }');
      const counted = await ask('... on Hop { evidenceCount }');
      expect({ params: bare.params, reads: bare.reads, hops: bare.hops }).toEqual({ params: [[false, false]], reads: 0, hops: [{ type: 'ATTENDED' }, { type: 'ATTENDED' }] });
      expect(sentences.params).toEqual([[true, false]]);
      expect(sentences.hops?.every((hop) => (hop.evidence as unknown[]).length > 0)).toBe(true);
      expect(counted.params).toEqual([[false, true]]);
      expect(counted.hops).toEqual([{ evidenceCount: 1 }, { evidenceCount: 1 }]);
    } finally {
      readOne.mockRestore();
      read.mockRestore();
    }
  });

  it('answers coAttendance, timeline, neighborhood, cooperationNetwork and statistics from the same graph', async () => {
    const su = await findId('dinh cong su', 'Official');
    const alliance = await findId('lien minh hop tac xa tinh hoa binh', 'Alliance');
    const response = await post(
      `query($su: ID!, $alliance: ID!) {
        coAttendance(id: $su) { count entity { name } meetings { date } }
        timeline(id: $alliance) { date kind relation }
        neighborhood(id: $alliance, depth: 1, types: [Official, Agency]) { nodes { name type } edges { type source target evidence { text } } }
        cooperationNetwork(province: "Hòa Bình") { nodes { name } edges { type } }
        statistics(province: "hoa binh", metric: members_total) { metric unit points { value qualifier province evidence { text } } }
      }`,
      { su, alliance },
    );
    expect(response.errors).toEqual([]);
    const data = response.data as Record<string, unknown>;
    expect(data.coAttendance).toEqual(
      ['Lê Tuấn An', 'Liên minh Hợp tác xã tỉnh Hòa Bình', 'Trần An Định', 'Ủy ban nhân dân tỉnh Hòa Bình'].map((name) => ({
        count: 1,
        entity: { name },
        meetings: [{ date: '2024-01-04' }],
      })),
    );
    expect(data.timeline).toEqual([
      { date: '2024-01-04', kind: 'MEETING', relation: 'ATTENDED' },
      { date: '2024-01-04', kind: 'MEETING', relation: 'ORGANIZED' },
    ]);
    const neighborhood = data.neighborhood as { nodes: { name: string; type: string }[]; edges: { type: string; evidence: { text: string }[] }[] };
    expect(neighborhood.nodes.map((n) => `${n.type}:${n.name}`).sort()).toEqual([
      'Agency:Ban Chỉ đạo phát triển kinh tế tập thể tỉnh Hòa Bình',
      'Agency:Sở Kế hoạch và Đầu tư tỉnh Hòa Bình',
      'Alliance:Liên minh Hợp tác xã tỉnh Hòa Bình',
      'Official:Trần An Định',
    ]);
    expect(neighborhood.edges.map((e) => e.type).sort()).toEqual(['COOPERATES_WITH', 'COOPERATES_WITH', 'HOLDS_POSITION']);
    expect(neighborhood.edges.every((e) => e.evidence.length === 1)).toBe(true);
    const network = data.cooperationNetwork as { nodes: { name: string }[]; edges: { type: string }[] };
    expect(network.nodes.map((n) => n.name).sort()).toEqual([
      'Ban Chỉ đạo phát triển kinh tế tập thể tỉnh Hòa Bình',
      'Liên minh Hợp tác xã tỉnh Hòa Bình',
      'Sở Kế hoạch và Đầu tư tỉnh Hòa Bình',
    ]);
    expect(network.edges).toEqual([{ type: 'COOPERATES_WITH' }, { type: 'COOPERATES_WITH' }]);
    const [series] = data.statistics as { metric: string; unit: string; points: { value: number; qualifier: string; province: string; evidence: { text: string } }[] }[];
    expect(series?.metric).toBe('members_total');
    expect(series?.points.map((p) => [p.value, p.qualifier, p.province])).toEqual([[16300, 'about', 'Hòa Bình']]);
  });

  it('gives an overview: counts per type, date spans and the most connected actors', async () => {
    const response = await post(`{
      overview {
        counts { type count }
        firstEventDate lastEventDate firstReportDate lastReportDate
        mostConnected(first: 3) { degree entity { id name type } }
      }
      provinces { totalCount } alliances { totalCount } agencies { totalCount } officials { totalCount }
      meetings { totalCount } awards { totalCount } cooperatives { totalCount } reports { totalCount }
      first: meetings(orderBy: DATE_ASC, first: 1) { nodes { date } }
      last: meetings(orderBy: DATE_DESC, first: 1) { nodes { date } }
    }`);
    expect(response.errors).toEqual([]);
    type Data = Record<string, { totalCount: number }> & {
      overview: {
        counts: { type: string; count: number }[];
        firstEventDate: string;
        lastEventDate: string;
        mostConnected: { degree: number; entity: { id: string; name: string; type: string } }[];
      };
      first: { nodes: { date: string }[] };
      last: { nodes: { date: string }[] };
    };
    const data = response.data as Data;
    const counts = Object.fromEntries(data.overview.counts.map(({ type, count }) => [type, count]));
    expect(Object.keys(counts)).toEqual(['Province', 'Alliance', 'Agency', 'Official', 'Meeting', 'Award', 'Cooperative', 'Report', 'Statistic']);
    // The same numbers as the lists' own counts; a type with no node is listed with 0.
    const lists = { Province: 'provinces', Alliance: 'alliances', Agency: 'agencies', Official: 'officials', Meeting: 'meetings', Award: 'awards', Cooperative: 'cooperatives', Report: 'reports' };
    for (const [type, list] of Object.entries(lists)) expect(counts[type], type).toBe(data[list]?.totalCount);
    expect(counts).toMatchObject({ Report: 5, Official: 4, Cooperative: 0 });
    expect([data.overview.firstEventDate, data.overview.lastEventDate]).toEqual([data.first.nodes[0]?.date, data.last.nodes[0]?.date]);
    expect([data.overview.firstEventDate, data.overview.lastEventDate]).toEqual(['2021-01-29', '2024-07-08']);

    const [top, second] = data.overview.mostConnected;
    expect(top?.entity).toEqual({ id: 'alliance:hoa binh', name: 'Liên minh Hợp tác xã tỉnh Hòa Bình', type: 'Alliance' });
    expect(second?.entity.id).toBe('alliance:phu tho');
    // Each degree is the number of stated relationships around the entity: its neighbourhood's edges, less the province map.
    for (const ranked of [top!, second!]) {
      const around = await post('query($id: ID!) { neighborhood(id: $id, depth: 1) { edges { type source target } } }', { id: ranked.entity.id });
      const edges = (around.data as { neighborhood: { edges: { type: string; source: string; target: string }[] } }).neighborhood.edges;
      const stated = edges.filter((edge) => (edge.source === ranked.entity.id || edge.target === ranked.entity.id) && !['LOCATED_IN', 'MERGED_INTO'].includes(edge.type));
      expect(ranked.degree, ranked.entity.id).toBe(stated.length);
    }
    expect(top!.degree).toBeGreaterThan(second!.degree);
  });

  it('gives each timeline entry the sentences that state the entity’s part in it', async () => {
    const response = await post(`{
      timeline(id: "alliance:phu tho") { date kind relation event { id name } evidence { reportId text } }
      meetings(filter: { province: "Phú Thọ", from: "2021-04-06", to: "2021-04-06" }) {
        nodes { id organisers { organiser { id } evidence { reportId text } } }
      }
    }`);
    expect(response.errors).toEqual([]);
    type Sentence = { reportId: string; text: string };
    const data = response.data as {
      timeline: { date: string; kind: string; relation: string; event: { id: string; name: string }; evidence: Sentence[] }[];
      meetings: { nodes: { id: string; organisers: { organiser: { id: string }; evidence: Sentence[] }[] }[] };
    };
    const organised = data.timeline.find((entry) => entry.relation === 'ORGANIZED');
    expect(organised).toMatchObject({ date: '2021-04-06', kind: 'MEETING', event: { name: 'Hội nghị lần thứ III Ban Chấp hành Liên minh Hợp tác xã tỉnh khóa VI (Phú Thọ, 06/04/2021)' } });
    // The sentence is the one the ORGANIZED relationship carries: the meeting's organiser field says the same.
    const meeting = data.meetings.nodes.find((node) => node.id === organised?.event.id);
    const organiser = meeting?.organisers.find((entry) => entry.organiser.id === 'alliance:phu tho');
    expect(organiser?.evidence).toHaveLength(1);
    expect(organised?.evidence).toEqual(organiser?.evidence);
    expect(organised?.evidence[0]?.reportId).toMatch(/000_2724eaa73db04998\.txt$/);
    expect(organised?.evidence[0]?.text).toContain('Liên minh Hợp tác xã');
    // Every entry that links the alliance to an event carries its sentence (only events merely held in a province have none).
    for (const entry of data.timeline) expect(entry.evidence.length, `${entry.relation} ${entry.event.name}`).toBeGreaterThan(0);
  });

  it('rolls statistics up from the provinces merged into today’s province', async () => {
    const response = await post(`{
      plain: statistics(province: "Phú Thọ", metric: cooperatives_total) { points { province value } }
      rolled: statistics(province: "Hòa Bình", metric: cooperatives_new, rollUpMerged: true) { points { province value } }
      merged: node(id: "province:hoa binh") { ... on Province { mergedInto { name mergedFrom { name } } } }
    }`);
    expect(response.errors).toEqual([]);
    const data = response.data as Record<string, { points: unknown[] }[]> & { merged: { mergedInto: { name: string; mergedFrom: { name: string }[] } } };
    expect(data.plain?.[0]?.points).toEqual([{ province: 'Phú Thọ', value: 500 }]);
    expect(data.merged.mergedInto.name).toBe('Phú Thọ');
    expect(data.merged.mergedInto.mergedFrom.map((p) => p.name).sort()).toEqual(['Hòa Bình', 'Vĩnh Phúc']);
    // Asked about Hòa Bình with roll-up: the series of today's Phú Thọ, Hòa Bình's figure included.
    expect(data.rolled?.[0]?.points).toEqual([{ province: 'Hòa Bình', value: 70 }]);
  });
});

describe('search', () => {
  it('finds people and provinces without diacritics, and folded words that collide with English stop words', async () => {
    const response = await post(`{
      su: search(text: "dinh cong su") { node { name type } }
      hb: search(text: "hoa binh", first: 5) { node { name type } }
      prefix: search(text: "Đinh Công S") { node { name } }
      the: search(text: "kinh te tap the", types: [Agency]) { node { name } }
      none: search(text: "?!") { node { name } }
    }`);
    expect(response.errors).toEqual([]);
    const data = response.data as Record<string, { node: Record<string, string> }[]>;
    expect(data.su?.map((h) => h.node)).toEqual([{ name: 'Đinh Công Sứ', type: 'Official' }]);
    // the province first; its bodies, whose full names say Hòa Bình, after it
    expect(data.hb?.[0]?.node).toEqual({ name: 'Hòa Bình', type: 'Province' });
    expect(data.hb?.map((h) => h.node)).toContainEqual({ name: 'Liên minh Hợp tác xã tỉnh Hòa Bình', type: 'Alliance' });
    expect(data.prefix?.map((h) => h.node.name)).toEqual(['Đinh Công Sứ']);
    expect(data.the?.map((h) => h.node.name).sort()).toEqual([
      'Ban Chỉ đạo phát triển kinh tế tập thể tỉnh Hòa Bình',
      'Ban Chỉ đạo đổi mới, phát triển kinh tế tập thể, hợp tác xã tỉnh (theo bài «UBND tỉnh họp Ban Chỉ đạo đổi mới, phát triển…»)',
    ]);
    expect(data.none).toEqual([]);
  });
});

describe('lists', () => {
  async function readAll(field: string, first: number, orderBy: string): Promise<{ ids: string[]; totalCount: number; pages: number }> {
    const ids: string[] = [];
    let after: string | null = null;
    let totalCount = -1;
    let pages = 0;
    for (;;) {
      const response = await post(
        `query($first: Int, $after: String, $orderBy: Ordering) { list: ${field}(first: $first, after: $after, orderBy: $orderBy) {
          totalCount nodes { id } edges { cursor node { id } } pageInfo { hasNextPage endCursor }
        } }`,
        { first, after, orderBy },
      );
      expect(response.errors).toEqual([]);
      const list = response.data?.list as { totalCount: number; nodes: { id: string }[]; edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      expect(list.edges.map((e) => e.node.id)).toEqual(list.nodes.map((n) => n.id));
      totalCount = list.totalCount;
      ids.push(...list.nodes.map((n) => n.id));
      pages++;
      if (!list.pageInfo.hasNextPage) return { ids, totalCount, pages };
      after = list.pageInfo.endCursor;
    }
  }

  it('pages through every province exactly once, in both orders', async () => {
    for (const orderBy of ['NAME_ASC', 'NAME_DESC']) {
      const { ids, totalCount, pages } = await readAll('provinces', 10, orderBy);
      expect(totalCount).toBeGreaterThan(60);
      expect(pages).toBe(Math.ceil(totalCount / 10));
      expect(ids).toHaveLength(totalCount);
      expect(new Set(ids).size).toBe(totalCount);
    }
  });

  it('pages through agencies whose names tie (Ủy ban nhân dân tỉnh in several provinces) exactly once', async () => {
    const { ids, totalCount } = await readAll('agencies', 2, 'NAME_ASC');
    expect(ids.filter((id) => id.startsWith('agency:uy ban nhan dan')).length).toBeGreaterThanOrEqual(3);
    expect(ids).toHaveLength(totalCount);
    expect(new Set(ids).size).toBe(totalCount);
  });

  it('filters accent-insensitively and caps page sizes', async () => {
    const response = await post(`{
      byName: officials(filter: { name: "tuan an" }) { nodes { name } }
      capped: provinces(first: 1000) { nodes { id } pageInfo { hasNextPage } }
      awards(filter: { kind: "bang khen" }) { nodes { kind } }
    }`);
    expect(response.errors).toEqual([]);
    const data = response.data as Record<string, { nodes: Record<string, string>[]; pageInfo?: { hasNextPage: boolean } }>;
    expect(data.byName?.nodes).toEqual([{ name: 'Lê Tuấn An' }]);
    expect(data.capped?.nodes).toHaveLength(50);
    expect(data.capped?.pageInfo?.hasNextPage).toBe(true);
    expect(data.awards?.nodes).toEqual([{ kind: 'Bằng khen' }]);
  });
});

describe('HTTP', () => {
  it('serves POSTs, GET queries and preflight at /graphql, all with the CORS headers and uncached (a browser gets the IDE there from the pages: test/web)', async () => {
    const posted = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ provinces(first: 1) { totalCount } }' }) });
    const get = await fetch(`${server.url}?query=${encodeURIComponent('{ provinces(first: 1) { totalCount } }')}`, { headers: { 'apollo-require-preflight': '1' } });
    const preflight = await fetch(server.url, { method: 'OPTIONS' });
    expect([posted.status, get.status, preflight.status]).toEqual([200, 200, 204]);
    for (const response of [posted, get, preflight]) {
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    const [fromPost, fromGet] = [await posted.json(), await get.json()];
    expect(fromGet).toEqual(fromPost);
  });
});

describe('protection and errors', () => {
  it('refuses a 12-level nested query with QUERY_TOO_COMPLEX before touching the database', async () => {
    const read = vi.spyOn(db.gateway, 'read');
    const response = await post(buildNestedQuery(12));
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(response.errors[0]?.message).toBe('Query depth 12 exceeds the maximum of 10.');
    expect(read).not.toHaveBeenCalled();
    read.mockRestore();
  });

  it('refuses too many aliases and too costly queries', async () => {
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: node(id: "x") { id }`).join(' ')} }`;
    const costly = '{ provinces(first: 50) { nodes { meetings(first: 50) { attendees { attendee { name } evidence { text } } } } } }';
    expect(errorCodes(await post(aliases))).toEqual(['QUERY_TOO_COMPLEX']);
    expect(errorCodes(await post(costly))).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('answers bad input, unknown ids and bad cursors with stable codes and no stack traces', async () => {
    const responses = await Promise.all([
      post('{ meetings(filter: { from: "4/1/2024" }) { totalCount } }'),
      post('{ path(from: "official:nobody", to: "province:hoa binh") { length } }'),
      post('{ provinces(after: "garbage") { totalCount } }'),
      post('{ node(id: "official:nobody") { id } }'),
    ]);
    expect(responses.map(errorCodes)).toEqual([['BAD_USER_INPUT'], ['NOT_FOUND'], ['BAD_USER_INPUT'], []]);
    expect(responses[3]?.data).toEqual({ node: null });
    for (const response of responses) for (const error of response.errors) expect(error.extensions?.stacktrace).toBeUndefined();
  });

  it('reads a page of meetings with attendees, positions and evidence in a bounded number of queries (no N+1)', async () => {
    const read = vi.spyOn(db.gateway, 'read');
    const response = await post(`{ provinces(first: 10) { nodes { name meetings(first: 5) { attendees { attendee { name ... on Official { positions { title organisation { name } } } } evidence { report { title } } } } } } }`);
    expect(response.errors).toEqual([]);
    // provinces page, meetings, attendees, positions, organisations are fields of loaded rows, reports: one batch per level.
    expect(read.mock.calls.length).toBeLessThanOrEqual(6);
    read.mockRestore();
  });
});

describe('mutations', () => {
  it('refuses a mutation without the key or with a wrong key as UNAUTHENTICATED', async () => {
    const mutation = 'mutation { deleteReport(id: "report:001_80b28b98b36d21f4.txt") { deleted } }';
    expect(errorCodes(await post(mutation))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await post(mutation, {}, { authorization: 'Bearer wrong' }))).toEqual(['UNAUTHENTICATED']);
    const still = await post('{ node(id: "report:001_80b28b98b36d21f4.txt") { id } }');
    expect(still.data).toEqual({ node: { id: 'report:001_80b28b98b36d21f4.txt' } });
  });

  it('deletes a report with the key, with what only it supported, and says NOT_FOUND the second time', async () => {
    const mutation = 'mutation { deleteReport(id: "report:002_c08da16336d35aa1.txt") { id deleted } }';
    const first = await post(mutation, {}, { 'x-api-key': API_KEY });
    expect(first.errors).toEqual([]);
    expect(first.data).toEqual({ deleteReport: { id: 'report:002_c08da16336d35aa1.txt', deleted: true } });
    const after = await post('{ meetings(filter: { province: "Bắc Ninh" }) { totalCount } node(id: "report:002_c08da16336d35aa1.txt") { id } }');
    expect(after.data).toEqual({ meetings: { totalCount: 0 }, node: null });
    expect(errorCodes(await post(mutation, {}, { authorization: `Bearer ${API_KEY}` }))).toEqual(['NOT_FOUND']);
  });

  it('disables mutations when no key is configured (FORBIDDEN) while queries stay open', async () => {
    const open = await startApiServer({ config: loadConfig({ PORT: '0' }), database: db });
    try {
      const refused = await postGraphql(open.url, 'mutation { deleteReport(id: "report:x") { deleted } }', {}, { authorization: 'Bearer anything' });
      expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
      const query = await postGraphql(open.url, '{ provinces(first: 1) { totalCount } }');
      expect(query.errors).toEqual([]);
    } finally {
      await open.close();
    }
  });

  it('ingests a report with the key through the extractor and loader, idempotently, and deletes it again', async () => {
    const text = readFileSync(new URL('../../seeds/001_80b28b98b36d21f4.txt', import.meta.url), 'utf8');
    const mutation = `mutation($text: String!) { ingestReport(text: $text, url: "https://example.org/hoa-binh-2024", publishedAt: "2024-01-05") {
      status writes report { id publishedAt entities(types: [Official]) { name } }
    } }`;
    const headers = { authorization: `Bearer ${API_KEY}` };
    const first = await post(mutation, { text }, headers);
    expect(first.errors).toEqual([]);
    const loaded = first.data?.ingestReport as { status: string; writes: number; report: { id: string; publishedAt: string; entities: { name: string }[] } };
    expect(loaded.status).toBe('loaded');
    expect(loaded.writes).toBeGreaterThan(0);
    expect(loaded.report.id).toBe('report:https://example.org/hoa-binh-2024');
    expect(loaded.report.publishedAt).toBe('2024-01-05');
    expect(loaded.report.entities.map((e) => e.name)).toContain('Đinh Công Sứ');
    const again = await post(mutation, { text }, headers);
    expect((again.data?.ingestReport as { status: string; writes: number }).status).toBe('unchanged');
    const removed = await post('mutation { deleteReport(id: "report:https://example.org/hoa-binh-2024") { deleted } }', {}, headers);
    expect(removed.data).toEqual({ deleteReport: { deleted: true } });
    const su = await post('{ search(text: "dinh cong su") { node { reports { id } } } }');
    expect(su.data).toEqual({ search: [{ node: { reports: [{ id: 'report:001_80b28b98b36d21f4.txt' }] } }] });
  });
});
