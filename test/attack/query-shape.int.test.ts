import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFanOutQuery } from '../../bench/attack-load.ts';
import { loadRecord } from '../../src/graph/load.ts';
import { buildNestedQuery } from '../api/support/nested-query.ts';
import { errorCodes } from '../api/support/http.ts';
import { startSeedsApi, timed } from './support/seeds-api.ts';
import type { SeedsApi } from './support/seeds-api.ts';

/**
 * The attack run's requests against the query layer, as a hostile or careless client sends them:
 * each that broke the server (hung it, answered INTERNAL_SERVER_ERROR, echoed or produced far too
 * much) is refused by name, and the attacks that held keep holding. Time bounds are generous (a
 * busy machine must not fail them) and far below what the attacks cost before.
 */

let api: SeedsApi;
beforeAll(async () => {
  api = await startSeedsApi();
});
afterAll(async () => api?.close());

describe('what broke', () => {
  it('refuses the 862-byte fan-out query in milliseconds, where it held the server at 100% CPU for over 9 minutes', async () => {
    const query = buildFanOutQuery(9);
    expect(JSON.stringify({ query }).length).toBe(862);
    const { value: answer, ms } = await timed(() => api.post(query));
    expect(answer.status).toBe(400);
    expect(errorCodes(answer)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(answer.errors[0]?.message).toBe('Query cost 2000000000 exceeds the maximum of 5000.');
    expect(ms).toBeLessThan(2000);
    // six levels took 3.4–6 s a request; twelve are refused as fast
    for (const depth of [6, 12]) expect(errorCodes(await api.post(buildFanOutQuery(depth)))).toEqual(['QUERY_TOO_COMPLEX']);
    expect((await fetch(`${api.origin}/healthz`)).status).toBe(200);
  });

  it('refuses a query of more tokens than API_MAX_TOKENS before validating it', async () => {
    const answer = await api.post(`{ node(id: "x") { ${Array(2500).fill('id').join(' ')} } }`);
    expect({ status: answer.status, codes: errorCodes(answer) }).toEqual({ status: 400, codes: ['GRAPHQL_PARSE_FAILED'] });
    expect(answer.errors[0]?.message).toContain('2000 tokens');
  });

  it('caps the answer: 30 aliases of a large report text are RESPONSE_TOO_LARGE, not a 30-fold answer', async () => {
    const text = `Báo cáo dài.\n${'Liên minh Hợp tác xã tỉnh Hòa Bình tổ chức hội nghị. '.repeat(20_000)}`;
    await loadRecord(api.db.gateway, {
      document: { id: 'attack-large-text', file: 'attack-large.txt', title: 'Báo cáo dài', text },
      province: null,
      entities: [],
      relations: [],
      statistics: [],
      warnings: [],
    });
    const one = await api.post('{ node(id: "report:attack-large.txt") { ... on Report { text } } }');
    expect((one.data?.node as { text: string }).text).toBe(text);
    const aliases = Array.from({ length: 30 }, (_, i) => `t${i}: node(id: "report:attack-large.txt") { ... on Report { text } }`).join(' ');
    const { value: answer, ms } = await timed(() => api.post(`{ ${aliases} }`));
    expect(answer.data).toBeNull();
    expect(errorCodes(answer)).toEqual(['RESPONSE_TOO_LARGE']);
    expect(answer.errors[0]?.message).toContain('API_MAX_RESPONSE_BYTES');
    expect(ms).toBeLessThan(10_000);
  });

  it('bounds every list argument: nodes(ids:) with 100,000 ids is refused at once, in the query or as a variable', async () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `official:x${i}`);
    const { value: asVariable, ms } = await timed(() => api.post('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }));
    expect(errorCodes(asVariable)).toEqual(['BAD_USER_INPUT']);
    expect(asVariable.errors[0]?.message).toBe('variable $ids: 100000 items; a list may hold at most 500 (API_MAX_PAGE_SIZE).');
    expect(ms).toBeLessThan(5000);
    const literal = await api.post(`{ nodes(ids: [${ids.slice(0, 501).map((id) => JSON.stringify(id)).join(',')}]) { id } }`);
    expect(errorCodes(literal)).toEqual(['BAD_USER_INPUT']);
    const fine = await api.post('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['province:hoa binh', 'official:x1'] });
    expect(fine.data).toEqual({ nodes: [{ id: 'province:hoa binh' }, null] });
  });

  it('bounds search input with BAD_USER_INPUT: 1,025 words and a 2,000-character word were internal errors', async () => {
    const words = Array.from({ length: 1025 }, (_, i) => `w${i}`).join(' ');
    for (const text of [words, 'a'.repeat(2000), Array(21).fill('hoa').join(' ')]) {
      const answer = await api.post('query($t: String!) { search(text: $t) { score } }', { t: text });
      expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    }
    const fine = await api.post('{ search(text: "dinh cong su") { node { name } } }');
    expect(fine.data).toEqual({ search: [{ node: { name: 'Đinh Công Sứ' } }] });
  });

  it('refuses a subscription with OPERATION_NOT_SUPPORTED, not an internal error', async () => {
    const answer = await api.post('subscription { reports { totalCount } }');
    expect({ status: answer.status, codes: errorCodes(answer) }).toEqual({ status: 400, codes: ['OPERATION_NOT_SUPPORTED'] });
  });

  it('validates dates as days that exist', async () => {
    for (const [query, variables] of [
      ['{ meetings(filter: { from: "2024-13-45" }) { totalCount } }', {}],
      ['query($to: String) { reports(filter: { to: $to }) { totalCount } }', { to: '2023-02-29' }],
      ['{ cooperationNetwork(from: "2024-02-30") { nodes { id } } }', {}],
      ['{ network(selection: { from: "2024-00-10" }) { nodes { id } } }', {}],
    ] as const) {
      const answer = await api.post(query, variables);
      expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    }
    const leap = await api.post('{ meetings(filter: { from: "2024-02-29", to: "2024-02-29" }) { totalCount } }');
    expect(leap.data).toEqual({ meetings: { totalCount: 0 } });
  });

  it('quotes at most a short prefix of an argument in an error, never a 10 KB id', async () => {
    const long = 'x'.repeat(10_000);
    const notFound = await api.post('query($id: ID!) { timeline(id: $id) { date } }', { id: long });
    expect(errorCodes(notFound)).toEqual(['NOT_FOUND']);
    expect(notFound.errors[0]?.message).toBe(`No node has the id "${'x'.repeat(60)}…" (10000 characters).`);
    const province = await api.post('query($p: String!) { statistics(province: $p) { unit } }', { p: long });
    expect(province.errors[0]?.message.length).toBeLessThan(150);
    // graphql-js quotes a bad variable whole; the answer carries a prefix of it
    const badVariable = await api.post('query($n: Int) { provinces(first: $n) { totalCount } }', { n: long });
    expect(badVariable.status).toBe(400);
    expect(JSON.stringify(badVariable.errors).length).toBeLessThan(1000);
  });
});

describe('what held, and keeps holding', () => {
  it('refuses queries deeper than API_MAX_DEPTH', async () => {
    const answer = await api.post(buildNestedQuery(12));
    expect(errorCodes(answer)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(answer.errors[0]?.message).toBe('Query depth 12 exceeds the maximum of 10.');
  });

  it('refuses more aliases than API_MAX_ALIASES', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: node(id: "province:hoa binh") { id }`).join(' ');
    const answer = await api.post(`{ ${aliases} }`);
    expect(errorCodes(answer)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('refuses batched operations (an array of requests in one body)', async () => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ provinces(first: 500) { nodes { id } } }' }))),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/batch/i);
  });

  it('refuses fragment cycles in validation', async () => {
    const answer = await api.post('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
    expect(errorCodes(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(answer.errors[0]?.message).toMatch(/^Cannot spread fragment "A" within itself via "B"/);
  });

  it('answers a few duplicated fields once, and refuses masses of them within graphql-js\'s validation budget', async () => {
    const few = await api.post(`{ node(id: "province:hoa binh") { ${Array(50).fill('id').join(' ')} } }`);
    expect(few.data).toEqual({ node: { id: 'province:hoa binh' } });
    const { value: many, ms } = await timed(() => api.post(`{ node(id: "province:hoa binh") { ${Array(1500).fill('id').join(' ')} } }`));
    expect(errorCodes(many)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(ms).toBeLessThan(5000);
  });

  it('treats injection-shaped ids as ids: nothing found, nothing changed', async () => {
    const before = await api.post('{ reports { totalCount } }');
    for (const id of ['"}) MATCH (n) DETACH DELETE n //', "' OR 1=1 --", 'report:x\') RETURN 1 //', '${jndi:ldap://x}']) {
      const answer = await api.post('query($id: ID!) { node(id: $id) { id } }', { id });
      expect(answer.data).toEqual({ node: null });
    }
    expect(await api.post('{ reports { totalCount } }')).toEqual(before);
  });

  it('refuses cross-site requests that skip the preflight (CSRF): a simple GET, a text/plain POST', async () => {
    const get = await fetch(`${api.url}?query=${encodeURIComponent('{ reports { totalCount } }')}`);
    expect(get.status).toBe(400);
    const plain = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: 'mutation { deleteReport(id: "report:x") { deleted } }' }) });
    expect(plain.status).toBe(400);
  });
});
