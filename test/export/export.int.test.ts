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
import { collectRun, HOPTAC, spawnScript } from '../support/processes.ts';
import type { FinishedRun } from '../support/processes.ts';
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

  async function download(query: string): Promise<{ status: number; type: string | null; disposition: string | null; text: string; bytes: Buffer }> {
    const response = await fetch(`${server.origin}/export?${query}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      // as a browser or a spreadsheet reads it: a leading byte-order mark is not text
      text: new TextDecoder().decode(bytes),
      bytes,
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
      expect(output.exit).toBe(0);
      expect(await readFile(join(folder, 'hoa-binh.nodes.csv'))).toEqual(
        (await download(`format=csv-nodes&around=${encodeURIComponent(centre)}&depth=2`)).bytes,
      );
      expect(await readFile(join(folder, 'hoa-binh.edges.csv'))).toEqual(
        (await download(`format=csv-edges&around=${encodeURIComponent(centre)}&depth=2`)).bytes,
      );
      const bad = await runCli(['--format', 'graphml', '--from', '2024-13-45', '--out', join(folder, 'x.graphml')]);
      expect(bad).toMatchObject({ exit: 2, stderr: expect.stringContaining('from: a day as YYYY-MM-DD') });
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

  it('ranks actors, not provinces, by PageRank over the whole graph unless structural relationships are asked for', async () => {
    const top = async (includeStructural?: boolean) => {
      const data = await graphql(
        `query ($s: SubgraphSelector!, $structural: Boolean) { networkMetrics(selection: $s, orderBy: PAGERANK, first: 10, includeStructural: $structural) {
           nodes { node { id type } pagerank } } }`,
        { s: { all: true }, ...(includeStructural === undefined ? {} : { structural: includeStructural }) },
      );
      return (data.networkMetrics as { nodes: { node: { id: string; type: string } }[] }).nodes.map(({ node }) => node);
    };
    const actors = await top();
    expect(actors).toHaveLength(10);
    expect(actors.filter((node) => node.type === 'Province')).toEqual([]);
    const structural = await top(true);
    expect(structural.filter((node) => node.type === 'Province').length).toBeGreaterThanOrEqual(5);
    // the file carries the same measures
    const nodes = parseCsv((await download('format=csv-nodes&all=true')).text, { columns: true }) as Row[];
    const byRank = [...nodes].sort((a, b) => Number(b.pagerank) - Number(a.pagerank) || a.id!.localeCompare(b.id!)).slice(0, 10);
    expect(byRank.map((row) => row.id)).toEqual(actors.map((node) => node.id));
    const withPlaces = parseCsv((await download('format=csv-nodes&all=true&includeStructural=true')).text, { columns: true }) as Row[];
    expect(withPlaces.find((row) => row.id === 'province:hoa binh')!.degree).not.toBe('0');
    expect(nodes.find((row) => row.id === 'province:hoa binh')!.degree).toBe('0');
  });

  it('starts CSV with a byte-order mark unless told not to, in every way of exporting', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect((await download('format=csv-edges&all=true')).bytes.subarray(0, 3)).toEqual(bom);
    expect((await download('format=csv-edges&all=true&bom=false')).bytes.subarray(0, 3).toString()).toBe('id,');
    expect((await download('format=graphml&all=true')).bytes.subarray(0, 3).toString()).toBe('<?x');
    const query = 'query ($bom: Boolean) { exportSubgraph(selection: { province: "Hòa Bình" }, format: CSV_NODES, bom: $bom) { content } }';
    expect(((await graphql(query, {})).exportSubgraph as { content: string }).content.charCodeAt(0)).toBe(0xfeff);
    expect(((await graphql(query, { bom: false })).exportSubgraph as { content: string }).content.startsWith('id,')).toBe(true);
    const folder = await mkdtemp(join(tmpdir(), 'hoptac-export-'));
    try {
      expect((await runCli(['--format', 'csv', '--province', 'Hòa Bình', '--out', join(folder, 'with.csv')])).exit).toBe(0);
      expect((await readFile(join(folder, 'with.nodes.csv'))).subarray(0, 3)).toEqual(bom);
      expect((await runCli(['--format', 'csv', '--province', 'Hòa Bình', '--no-bom', '--out', join(folder, 'without.csv')])).exit).toBe(0);
      expect((await readFile(join(folder, 'without.nodes.csv'), 'utf8')).startsWith('id,label,')).toBe(true);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('writes to stdout with --out -, the summary on stderr', async () => {
    const output = await runCli(['--format', 'graphml', '--around', centre, '--depth', '2', '--out', '-']);
    expect(output.exit).toBe(0);
    expect(output.stdout).toBe((await download(`format=graphml&around=${encodeURIComponent(centre)}&depth=2`)).text);
    expect(output.stderr).toBe(`export: ${neighbourhood.nodes.length} nodes, ${neighbourhood.edges.length} edges (around ${centre}, depth 2)\n`);
  });

  it('honours --types and --from/--to with every selection', async () => {
    const typesOf = (csv: string) => new Set((parseCsv(csv, { columns: true, bom: true }) as Row[]).map((row) => row.type));
    const all = await runCli(['--format', 'csv-nodes', '--all', '--types', 'Official,Agency', '--out', '-']);
    expect(all.exit).toBe(0);
    expect(typesOf(all.stdout)).toEqual(new Set(['Official', 'Agency']));
    const allEdges = await runCli(['--format', 'csv-edges', '--all', '--types', 'Official,Agency', '--out', '-']);
    const relations = new Set((parseCsv(allEdges.stdout, { columns: true, bom: true }) as Row[]).map((row) => row.relation));
    expect(relations.size).toBeGreaterThan(0);
    for (const relation of relations) expect(['HOLDS_POSITION', 'COOPERATES_WITH']).toContain(relation);
    const province = await runCli(['--format', 'csv-nodes', '--province', 'Hòa Bình', '--types', 'Meeting', '--out', '-']);
    expect(typesOf(province.stdout)).toEqual(new Set(['Meeting']));
    const dated = await runCli(['--format', 'csv-nodes', '--all', '--from', '2024-01-01', '--to', '2024-01-31', '--types', 'Meeting', '--out', '-']);
    const dates = (parseCsv(dated.stdout, { columns: true, bom: true }) as Row[]).map((row) => row.date!);
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date >= '2024-01-01' && date <= '2024-01-31').toBe(true);
    const around = await runCli(['--format', 'csv-nodes', '--around', centre, '--depth', '2', '--from', '2024-02-01', '--out', '-']);
    expect(typesOf(around.stdout).has('Meeting')).toBe(false);
    // the API narrows the same way
    const data = await graphql('{ network(selection: { all: true, types: [Official, Agency] }) { nodes { type } } }', {});
    expect(new Set((data.network as { nodes: { type: string }[] }).nodes.map((node) => node.type))).toEqual(new Set(['Official', 'Agency']));
  });

  it('refuses an unknown centre or province: exit 2 on the command line, NOT_FOUND in the API and the download', async () => {
    const cli = await runCli(['--format', 'graphml', '--around', 'alliance:nowhere', '--out', '-']);
    expect(cli).toMatchObject({ exit: 2, stdout: '', stderr: 'export: --around: no entity has the id "alliance:nowhere"\n' });
    const downloaded = await download('format=graphml&around=alliance%3Anowhere');
    expect(downloaded.status).toBe(404);
    expect(JSON.parse(downloaded.text)).toEqual({ error: { code: 'NOT_FOUND', message: 'No node has the id "alliance:nowhere".' } });
    for (const field of [
      'networkMetrics(selection: { around: "alliance:nowhere" }) { nodeCount }',
      'exportSubgraph(selection: { around: "alliance:nowhere" }, format: GEXF) { content }',
      'network(selection: { around: "alliance:nowhere" }) { nodes { id } }',
    ]) {
      const response = await fetch(server.graphql, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ ${field} }` }) });
      const body = (await response.json()) as { errors?: { message: string; extensions: { code: string } }[] };
      expect(body.errors?.[0]).toMatchObject({ message: 'No node has the id "alliance:nowhere".', extensions: { code: 'NOT_FOUND' } });
    }
    const atlantis = await runCli(['--format', 'gexf', '--province', 'Atlantis', '--out', '-']);
    expect(atlantis).toMatchObject({ exit: 2, stdout: '', stderr: 'export: --province: no province is named "Atlantis"\n' });
    const downloadedProvince = await download('format=gexf&province=Atlantis');
    expect(downloadedProvince.status).toBe(404);
    expect(JSON.parse(downloadedProvince.text)).toEqual({ error: { code: 'NOT_FOUND', message: 'No province is named "Atlantis".' } });
    for (const field of ['networkMetrics(selection: { province: "Atlantis" }) { nodeCount }', 'network(selection: { province: "Atlantis" }) { nodes { id } }']) {
      const response = await fetch(server.graphql, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ ${field} }` }) });
      const body = (await response.json()) as { errors?: { message: string; extensions: { code: string } }[] };
      expect(body.errors?.[0]).toMatchObject({ message: 'No province is named "Atlantis".', extensions: { code: 'NOT_FOUND' } });
    }
    const badType = await download('format=graphml&all=true&types=Officil');
    expect(badType.status).toBe(400);
    expect(JSON.parse(badType.text).error.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a bad download with a stable code', async () => {
    const unknownFormat = await download('format=pdf&all=true');
    expect(unknownFormat.status).toBe(400);
    expect(JSON.parse(unknownFormat.text)).toEqual({ error: { code: 'BAD_USER_INPUT', message: 'format: expected graphml, gexf, cyjs, csv-nodes or csv-edges' } });
    const noSelection = await download('format=gexf');
    expect(JSON.parse(noSelection.text)).toEqual({ error: { code: 'BAD_USER_INPUT', message: 'selection: give around, province, from/to, or all' } });
  });
});

function runCli(args: string[]): Promise<FinishedRun> {
  return collectRun(spawnScript(HOPTAC, ['export', ...args], { ...process.env, NEO4J_URI: inject('neo4jUri') }));
}
