import type { SubgraphEdge, SubgraphNode } from '../../graph/subgraph.ts';
import { t } from '../i18n/i18n.ts';
import { relationName, roleName, typeName } from '../i18n/names.ts';
import { element, factList } from './dom.ts';
import { evidenceList } from './evidence-list.ts';

/** Shows a relationship: its ends, its attributes and the sentence of each report that states it. */
export function showEdgePanel(
  panel: HTMLElement,
  edge: SubgraphEdge,
  source: SubgraphNode,
  target: SubgraphNode,
  openReport: (report: string, start: number, end: number) => void,
): void {
  const attributes = Object.entries(edge.attributes).map(([key, value]): [string, string] => [
    key === 'role' ? t('panel.role') : key,
    key === 'role' && typeof value === 'string' ? roleName(value) : typeof value === 'string' ? value : JSON.stringify(value),
  ]);
  const heading = element('h2', { text: relationName(edge.type) });
  heading.dataset.relation = edge.type;
  panel.replaceChildren(
    heading,
    factList([[t('panel.from'), `${source.name} (${typeName(source.type)})`], [t('panel.to'), `${target.name} (${typeName(target.type)})`], ...attributes]),
    evidenceList(edge.evidence.map((sentence) => ({ ...sentence, reportId: sentence.report })), openReport),
  );
  panel.scrollTop = 0;
}
