import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { tabulateNetwork } from '../../src/export/network-table.ts';
import type { Database } from '../../src/graph/database.ts';
import type { Subgraph } from '../../src/graph/subgraph.ts';
import { computeMetrics } from '../../src/metrics/compute-metrics.ts';
import { openTestDatabase } from '../support/database.ts';
import { loadSeedReports, startAnalystServer } from '../web/support/seeds-server.ts';
import { readGexf, readGraphml } from './read-back.ts';

const centre = 'alliance:hoa binh';
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const neighbourhoodQuery = `query ($id: ID!) {
  neighborhood(id: $id, depth: 2) {
    nodes { id type name province date }
    edges { id type source target attributes evidence { reportId start end text } }
  }
}`;

type Row = Record<string, string>;

function essentials(subgraph: Subgraph) {
  return {
    nodes: subgraph.nodes.map((node) => node.id).sort(),
    edges: subgraph.edges.map((edge) => [edge.id, edge.source, edge.target, edge.type].join(' → ')).sort(),
  };
}

describe('exports of the seeds graph match the GraphQL neighbourhood they come from', () => {
  let database: Database;
  let server: Awaited<ReturnType<typeof startAnalystServer>>;
  let neighbourhood: Subgraph;

  async function graphql(query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
    const response = await fetch(server.graphql, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data!;
  }

  async function download(query: string): Promise<{ status: number; type: string | null; disposition: string | null; text: string }> {
    const response = await fetch(`${server.origin}/export?${query}`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      text: await response.text(),
    };
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    expect((await loadSeedReports(database)).failed).toEqual([]);
    server = await startAnalystServer(database);
    const data = await graphql(neighbourhoodQuery, { id: centre });
    const raw = data.neighborhood as {
      nodes: Subgraph['nodes'];
      edges: (Omit<Subgraph['edges'][number], 'evidence'> & { evidence: { reportId: string; start: number; end: number; text: string }[] })[];
    };
    neighbourhood = {
      nodes: raw.nodes,
      edges: raw.edges.map(({ evidence, ...edge }) => ({
        ...edge,
        evidence: evidence.map(({ reportId, ...rest }) => ({ report: reportId, ...rest })),
      })),
    };
  });

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('has a neighbourhood worth exporting: the 2024-01-04 meeting and its officials', () => {
    expect(neighbourhood.nodes.find((node) => node.type === 'Meeting')).toMatchObject({ date: '2024-01-04', province: 'Hòa Bình' });
    expect(neighbourhood.nodes.filter((node) => node.type === 'Official').length).toBeGreaterThanOrEqual(3);
  });

  it('downloads GraphML holding the same nodes and edges, with the metrics of that subgraph', async () => {
    const file = await download(`format=graphml&around=${encodeURIComponent(centre)}&depth=2`);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/graphml+xml; charset=utf-8');
    expect(file.disposition).toBe('attachment; filename="hoptac-around-alliance-hoa-binh-depth-2.graphml"');
    const read = readGraphml(file.text);
    const asRead: Subgraph = {
      nodes: read.nodes.map((node) => ({ id: node.id, type: node.values.type!, name: node.values.label!, province: null, date: null })),
      edges: read.edges.map((edge) => ({ ...edge, type: edge.values.relation!, attributes: {}, evidence: [] })),
    };
    expect(essentials(asRead)).toEqual(essentials(neighbourhood));
    const metrics = computeMetrics(neighbourhood);
    for (const node of read.nodes) {
      expect(Number(node.values.degree)).toBe(metrics.nodes.get(node.id)!.degree);
      expect(Number(node.values.community)).toBe(metrics.nodes.get(node.id)!.community);
    }
  });

  it('gives the same GEXF through GraphQL and the download, dated on Gephi’s timeline', async () => {
    const data = await graphql(
      'query ($s: SubgraphSelector!) { exportSubgraph(selection: $s, format: GEXF) { format fileName mediaType nodeCount edgeCount content } }',
      { s: { around: centre, depth: 2 } },
    );
    const exported = data.exportSubgraph as { format: string; mediaType: string; nodeCount: number; edgeCount: number; content: string };
    expect(exported).toMatchObject({ format: 'GEXF', mediaType: 'application/gexf+xml', nodeCount: neighbourhood.nodes.length, edgeCount: neighbourhood.edges.length });
    const downloaded = await download(`format=gexf&around=${encodeURIComponent(centre)}&depth=2`);
    expect(downloaded.text).toBe(exported.content);

    const read = readGexf(exported.content);
    expect(read.nodes.map((node) => node.id).sort()).toEqual(essentials(neighbourhood).nodes);
    expect(read.edges.map((edge) => [edge.id, edge.source, edge.target, edge.values.relation].join(' → ')).sort()).toEqual(essentials(neighbourhood).edges);
    const meeting = read.nodes.find((node) => node.values.type === 'Meeting')!;
    expect([meeting.start, meeting.end]).toEqual(['2024-01-04', '2024-01-04']);
    const attendance = read.edges.filter((edge) => edge.values.relation === 'ATTENDED' && edge.target === meeting.id);
    expect(attendance.length).toBeGreaterThanOrEqual(3);
    for (const edge of attendance) expect(edge.start).toBe('2024-01-04');
  });

  it('round-trips the CSV node and edge lists row for row', async () => {
    const table = tabulateNetwork(neighbourhood, computeMetrics(neighbourhood));
    const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
    const nodes = parseCsv((await download(`format=csv-nodes&around=${encodeURIComponent(centre)}&depth=2`)).text, { columns: true }) as Row[];
    expect(nodes).toEqual(table.nodes.map((node) => ({ id: node.id, ...Object.fromEntries(Object.entries(node.values).map(([k, v]) => [k, text(v)])) })));
    const edges = parseCsv((await download(`format=csv-edges&around=${encodeURIComponent(centre)}&depth=2`)).text, { columns: true }) as Row[];
    expect(edges).toEqual(table.edges.map((edge) => ({
      id: edge.id, source: edge.source, target: edge.target,
      ...Object.fromEntries(Object.entries(edge.values).map(([k, v]) => [k, text(v)])),
    })));
  });

  it('exports from the command line what the download gives', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'hoptac-export-'));
    try {
      const output = await runCli(['--format', 'csv', '--around', centre, '--depth', '2', '--out', join(folder, 'hoa-binh.csv')]);
      expect(output.code).toBe(0);
      expect(await readFile(join(folder, 'hoa-binh.nodes.csv'), 'utf8')).toBe(
        (await download(`format=csv-nodes&around=${encodeURIComponent(centre)}&depth=2`)).text,
      );
      expect(await readFile(join(folder, 'hoa-binh.edges.csv'), 'utf8')).toBe(
        (await download(`format=csv-edges&around=${encodeURIComponent(centre)}&depth=2`)).text,
      );
      const bad = await runCli(['--format', 'graphml', '--from', '2024-13-45', '--out', join(folder, 'x.graphml')]);
      expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('from: a day as YYYY-MM-DD') });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('selects by province and by date range', async () => {
    const province = JSON.parse((await download(`format=cyjs&province=${encodeURIComponent('Hoà Bình')}`)).text) as {
      elements: { nodes: { data: Record<string, unknown> }[] };
    };
    const provinceMeetings = province.elements.nodes.filter(({ data }) => data.type === 'Meeting').map(({ data }) => data.date);
    expect(provinceMeetings).toEqual(['2024-01-04']);

    const january = readGraphml((await download('format=graphml&from=2024-01-01&to=2024-01-31')).text);
    const dated = january.nodes.filter((node) => node.values.date).map((node) => node.values.date);
    expect(dated.length).toBeGreaterThan(0);
    for (const date of dated) expect(date! >= '2024-01-01' && date! <= '2024-01-31').toBe(true);
  });

  it('measures the neighbourhood over GraphQL as the exports do', async () => {
    const data = await graphql(
      `query ($s: SubgraphSelector!) { networkMetrics(selection: $s, orderBy: DEGREE, first: 3) {
         nodeCount edgeCount communityCount nodes { node { id type } degree pagerank betweenness community } } }`,
      { s: { around: centre, depth: 2 } },
    );
    const answer = data.networkMetrics as { nodeCount: number; communityCount: number; nodes: { node: { id: string; type: string }; degree: number; pagerank: number; betweenness: number; community: number }[] };
    const metrics = computeMetrics(neighbourhood);
    expect(answer.nodeCount).toBe(neighbourhood.nodes.length);
    expect(answer.communityCount).toBe(metrics.communityCount);
    expect(answer.nodes).toHaveLength(3);
    expect(answer.nodes[0]!.node.type).toBe('Meeting');
    for (const { node, ...measured } of answer.nodes) expect(measured).toEqual(metrics.nodes.get(node.id));
  });

  it('refuses a bad download with a stable code', async () => {
    const unknownFormat = await download('format=pdf&all=true');
    expect(unknownFormat.status).toBe(400);
    expect(JSON.parse(unknownFormat.text)).toEqual({ error: { code: 'BAD_USER_INPUT', message: 'format: expected graphml, gexf, cyjs, csv-nodes or csv-edges' } });
    const noSelection = await download('format=gexf');
    expect(JSON.parse(noSelection.text)).toEqual({ error: { code: 'BAD_USER_INPUT', message: 'selection: give around, province, from/to, or all' } });
  });
});

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/hoptac.js', 'export', ...args], {
      cwd: repoRoot,
      env: { ...process.env, NEO4J_URI: inject('neo4jUri') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
