import type { SubgraphEdge, SubgraphNode } from '../graph/subgraph.ts';
import type { NodeMetrics } from '../metrics/compute-metrics.ts';
import type { ReportText } from './graphql-client.ts';

/** Builds an element with text content only: report text and names never go through innerHTML. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function describeFacts(facts: [string, string | null | undefined][]): HTMLDListElement {
  const list = element('dl', undefined, 'facts');
  for (const [term, value] of facts) {
    if (value === null || value === undefined || value === '') continue;
    list.append(element('dt', term), element('dd', value));
  }
  return list;
}

/** Shows a node: what it is, its metrics in the shown network, and a way to expand it. */
export function showNodeDetails(panel: HTMLElement, node: SubgraphNode, metrics: NodeMetrics | undefined, expand: () => void): void {
  const button = element('button', 'Expand neighbourhood');
  button.type = 'button';
  button.addEventListener('click', expand);
  panel.replaceChildren(
    element('h2', node.name),
    describeFacts([
      ['type', node.type],
      ['province', node.province],
      ['date', node.date],
      ['id', node.id],
      ['degree', metrics ? String(metrics.degree) : null],
      ['PageRank', metrics ? metrics.pagerank.toFixed(4) : null],
      ['betweenness', metrics ? metrics.betweenness.toFixed(4) : null],
      ['community', metrics ? String(metrics.community) : null],
    ]),
    button,
  );
}

/** Shows a relationship with the sentence of each report that states it. */
export function showEdgeDetails(
  panel: HTMLElement,
  edge: SubgraphEdge,
  source: SubgraphNode,
  target: SubgraphNode,
  openReport: (report: string, start: number, end: number) => void,
): void {
  const attributes = Object.entries(edge.attributes).map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : JSON.stringify(value)]);
  const children: HTMLElement[] = [
    element('h2', edge.type),
    describeFacts([['from', `${source.name} (${source.type})`], ['to', `${target.name} (${target.type})`], ...attributes]),
  ];
  if (edge.evidence.length === 0) children.push(element('p', 'No sentence recorded for this relationship.', 'hint'));
  for (const evidence of edge.evidence) {
    const quote = element('blockquote', evidence.text, 'evidence');
    quote.dataset.report = evidence.report;
    const open = element('button', 'Open the report');
    open.type = 'button';
    open.addEventListener('click', () => openReport(evidence.report, evidence.start, evidence.end));
    children.push(quote, open);
  }
  panel.replaceChildren(...children);
}

/** Shows a report's text with the cited sentence marked and scrolled into view. */
export function showReport(panel: HTMLElement, report: ReportText, start: number, end: number): void {
  const text = element('div', undefined, 'report-text');
  const mark = element('mark', report.text.slice(start, end));
  text.append(report.text.slice(0, start), mark, report.text.slice(end));
  const children: HTMLElement[] = [
    element('h2', report.title),
    describeFacts([['published', report.publishedAt], ['source', report.source], ['id', report.id]]),
  ];
  if (report.url && /^https?:\/\//.test(report.url)) {
    const link = element('a', 'Original article');
    link.href = report.url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    children.push(link);
  }
  children.push(text);
  panel.replaceChildren(...children);
  mark.scrollIntoView({ block: 'center' });
}
