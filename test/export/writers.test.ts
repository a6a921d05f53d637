import { parse as parseCsv } from 'csv-parse/sync';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexfWithGraphology } from 'graphology-gexf';
import { parse as parseGraphmlWithGraphology } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../src/export/render-export.ts';
import { listSeparator, tabulateNetwork } from '../../src/export/network-table.ts';
import type { Subgraph } from '../../src/graph/subgraph.ts';
import { computeMetrics } from '../../src/metrics/compute-metrics.ts';
import { readGexf, readGraphml } from './read-back.ts';
import { sampleSubgraph } from './sample-subgraph.ts';

const metrics = computeMetrics(sampleSubgraph);

/** What every format must keep of a subgraph: the node set and each edge with its ends and type. */
function essentials(subgraph: Subgraph) {
  return {
    nodes: subgraph.nodes.map((node) => ({ id: node.id, label: node.name, type: node.type })).sort(byId),
    edges: subgraph.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target, relation: edge.type })).sort(byId),
  };
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id.localeCompare(b.id);
}

function expectedNodeValues(id: string): Record<string, string> {
  const node = sampleSubgraph.nodes.find((candidate) => candidate.id === id)!;
  const measured = metrics.nodes.get(id)!;
  const values: Record<string, string> = {
    label: node.name,
    type: node.type,
    degree: String(measured.degree),
    pagerank: String(measured.pagerank),
    betweenness: String(measured.betweenness),
    community: String(measured.community),
  };
  if (node.province) values.province = node.province;
  if (node.date) Object.assign(values, { date: node.date, year: node.date.slice(0, 4) });
  return values;
}

describe('GraphML export', () => {
  const xml = renderExport(sampleSubgraph, 'graphml').content;
  const read = readGraphml(xml);

  it('holds the same nodes and edges as the subgraph', () => {
    expect({
      nodes: read.nodes.map((node) => ({ id: node.id, label: node.values.label, type: node.values.type })).sort(byId),
      edges: read.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target, relation: edge.values.relation })).sort(byId),
    }).toEqual(essentials(sampleSubgraph));
  });

  it('declares typed attributes and writes every node value, metrics included', () => {
    expect(read.keys.filter((key) => key.for === 'node').map((key) => [key.name, key.type])).toEqual([
      ['label', 'string'], ['type', 'string'], ['province', 'string'], ['date', 'string'], ['year', 'int'],
      ['degree', 'int'], ['pagerank', 'double'], ['betweenness', 'double'], ['community', 'int'],
    ]);
    expect(read.keys.filter((key) => key.for === 'edge').map((key) => [key.name, key.type])).toEqual([
      ['label', 'string'], ['relation', 'string'], ['date', 'string'], ['evidence', 'string'], ['reports', 'string'],
      ['evidenceCount', 'int'], ['current', 'boolean'], ['attr_date', 'string'], ['order', 'int'], ['role', 'string'],
      ['strength', 'double'], ['title', 'string'],
    ]);
    for (const node of read.nodes) expect(node.values).toEqual(expectedNodeValues(node.id));
  });

  it('keeps evidence text with quotes and line breaks, and dates relationships by their meeting', () => {
    const directed = read.edges.find((edge) => edge.id === 'e2')!;
    expect(directed.values).toEqual({
      label: 'ATTENDED', relation: 'ATTENDED', date: '2024-01-04', role: 'directed', evidenceCount: '1',
      evidence: 'Đồng chí Đinh Công Sứ, Phó Chủ tịch UBND tỉnh "dự và chỉ đạo"\nhội nghị.',
      reports: 'report:001_80b28b98b36d21f4.txt',
    });
    const position = read.edges.find((edge) => edge.id === 'e5')!;
    expect(position.values.reports).toBe(['report:001_80b28b98b36d21f4.txt', 'report:other.txt'].join(listSeparator));
    expect(position.values.date).toBeUndefined();
    const cooperation = read.edges.find((edge) => edge.id === 'e6')!;
    expect(cooperation.values).toEqual({
      label: 'COOPERATES_WITH', relation: 'COOPERATES_WITH', evidenceCount: '0', attr_date: '2023-12-01', strength: '1.5',
    });
  });

  it('is read by graphology-graphml into the same graph', () => {
    const graph = parseGraphmlWithGraphology(MultiDirectedGraph, xml);
    expect(graph.order).toBe(sampleSubgraph.nodes.length);
    expect(graph.size).toBe(sampleSubgraph.edges.length);
    expect(graph.getNodeAttribute('agency:so ke hoach & dau tu@hoa binh', 'label')).toBe('Sở Kế hoạch & Đầu tư <KH&ĐT>');
  });
});

describe('GEXF export', () => {
  const xml = renderExport(sampleSubgraph, 'gexf').content;
  const read = readGexf(xml);

  it('holds the same nodes and edges as the subgraph', () => {
    expect({
      nodes: read.nodes.map((node) => ({ id: node.id, label: node.label, type: node.values.type })).sort(byId),
      edges: read.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target, relation: edge.values.relation })).sort(byId),
    }).toEqual(essentials(sampleSubgraph));
  });

  it('is a dynamic graph whose meeting and its relationships live on the meeting day', () => {
    expect(read.graph).toMatchObject({ mode: 'dynamic', timeformat: 'date', defaultedgetype: 'directed' });
    const meeting = read.nodes.find((node) => node.values.type === 'Meeting')!;
    expect([meeting.start, meeting.end]).toEqual(['2024-01-04', '2024-01-04']);
    expect(read.nodes.filter((node) => node.start !== undefined).map((node) => node.id)).toEqual([meeting.id]);
    const dated = read.edges.filter((edge) => edge.start === '2024-01-04').map((edge) => edge.id).sort();
    expect(dated).toEqual(['e1', 'e2', 'e3', 'e4', 'e7']);
  });

  it('declares typed attributes and writes every node value', () => {
    expect(read.attributes.filter((a) => a.class === 'node').map((a) => [a.id, a.type])).toEqual([
      ['type', 'string'], ['province', 'string'], ['date', 'string'], ['year', 'integer'],
      ['degree', 'integer'], ['pagerank', 'double'], ['betweenness', 'double'], ['community', 'integer'],
    ]);
    for (const node of read.nodes) {
      const { label, ...values } = expectedNodeValues(node.id);
      expect(node.label).toBe(label);
      expect(node.values).toEqual(values);
    }
  });

  it('is read by graphology-gexf with typed values', () => {
    const graph = parseGexfWithGraphology(MultiDirectedGraph, xml);
    expect(graph.order).toBe(sampleSubgraph.nodes.length);
    expect(graph.size).toBe(sampleSubgraph.edges.length);
    const meeting = sampleSubgraph.nodes[0]!.id;
    expect(graph.getNodeAttribute(meeting, 'degree')).toBe(metrics.nodes.get(meeting)!.degree);
    expect(graph.getNodeAttribute(meeting, 'label')).toBe('Hội nghị tổng kết năm 2023, "triển khai" 2024');
  });
});

describe('CSV export', () => {
  const table = tabulateNetwork(sampleSubgraph, metrics);

  it('round-trips the node list', () => {
    const rows = parseCsv(renderExport(sampleSubgraph, 'csv-nodes').content, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((row) => row.id)).toEqual(sampleSubgraph.nodes.map((node) => node.id));
    const stringified = table.nodes.map((node) => ({
      id: node.id,
      ...Object.fromEntries(Object.entries(node.values).map(([key, value]) => [key, value === null ? '' : String(value)])),
    }));
    expect(rows).toEqual(stringified);
  });

  it('round-trips the edge list, commas, quotes and line breaks included', () => {
    const rows = parseCsv(renderExport(sampleSubgraph, 'csv-edges').content, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((row) => ({ id: row.id, source: row.source, target: row.target, relation: row.relation })))
      .toEqual(essentials(sampleSubgraph).edges);
    expect(rows.find((row) => row.id === 'e2')).toEqual({
      id: 'e2', source: 'official:dinh cong su@hoa binh', target: sampleSubgraph.nodes[0]!.id,
      label: 'ATTENDED', relation: 'ATTENDED', date: '2024-01-04',
      evidence: 'Đồng chí Đinh Công Sứ, Phó Chủ tịch UBND tỉnh "dự và chỉ đạo"\nhội nghị.',
      reports: 'report:001_80b28b98b36d21f4.txt', evidenceCount: '1',
      current: '', attr_date: '', order: '', role: 'directed', strength: '', title: '',
    });
  });

  it('starts with a UTF-8 byte-order mark for Excel, unless told not to; other formats never have one', () => {
    for (const format of ['csv-nodes', 'csv-edges'] as const) {
      expect(renderExport(sampleSubgraph, format).content.slice(0, 3)).toMatch(/^\uFEFFid/);
      const plain = renderExport(sampleSubgraph, format, 'x', { bom: false }).content;
      expect(plain.startsWith('id,')).toBe(true);
      expect(Buffer.from(renderExport(sampleSubgraph, format).content, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    }
    for (const format of ['graphml', 'gexf', 'cyjs'] as const) expect(renderExport(sampleSubgraph, format).content.charCodeAt(0)).not.toBe(0xfeff);
  });
});

describe('Cytoscape.js JSON export', () => {
  it('holds the same nodes and edges, with Cytoscape desktop label and interaction columns', () => {
    const document = JSON.parse(renderExport(sampleSubgraph, 'cyjs').content) as {
      elements: { nodes: { data: Record<string, unknown> }[]; edges: { data: Record<string, unknown> }[] };
    };
    expect({
      nodes: document.elements.nodes.map(({ data }) => ({ id: data.id, label: data.name, type: data.type })).sort(byId as never),
      edges: document.elements.edges.map(({ data }) => ({ id: data.id, source: data.source, target: data.target, relation: data.interaction })).sort(byId as never),
    }).toEqual(essentials(sampleSubgraph));
    const official = document.elements.nodes.find(({ data }) => data.id === 'official:le tuan an@national')!;
    expect(official.data).toEqual({
      id: 'official:le tuan an@national', name: 'Lê Tuấn An', color: '#2ca02c', label: 'Lê Tuấn An', type: 'Official',
      ...Object.fromEntries(Object.entries(metrics.nodes.get('official:le tuan an@national')!)),
    });
  });
});
