import type { NodeDetails, RelationItem } from '../api/node-details.ts';
import type { EntityRef } from '../api/graphql-client.ts';
import { formatDay, formatNumber } from '../i18n/format.ts';
import { currentLanguage, t } from '../i18n/i18n.ts';
import { roleName, typeName } from '../i18n/names.ts';
import type { NodeMetrics } from '../../metrics/compute-metrics.ts';
import { colorOfType } from '../../export/palette.ts';
import { shapeIcon } from '../network/node-shapes.ts';
import type { PageActions } from '../page-actions.ts';
import { button, element, factList } from './dom.ts';
import { evidenceList } from './evidence-list.ts';

/** Items shown per group before "show all". */
const FIRST_ITEMS = 8;

/**
 * The node panel: the entity's facts and metrics in the shown network, what to do next (expand,
 * timeline, paths, statistics), its relationships grouped by kind, each with the sentences that
 * state it, and the reports that name it with a link to the original page.
 */
export function showNodePanel(
  panel: HTMLElement,
  details: NodeDetails,
  metrics: NodeMetrics | undefined,
  actions: PageActions & { expand(id: string): void },
): void {
  const language = currentLanguage();
  const { entity } = details;
  const pick = { id: entity.id, type: entity.type, name: entity.name };
  const heading = element('h2', {}, shapeIcon(entity.type, colorOfType(entity.type), 16), ` ${entity.name}`);
  const attributes = Object.entries(details.attributes)
    .filter(([, value]) => value !== null && value !== '' && typeof value !== 'object')
    .map(([key, value]): [string, string] => [key, String(value)]);
  const facts = factList([
    [t('panel.type'), typeName(entity.type)],
    [t('panel.province'), entity.province],
    [t('panel.date'), formatDay(entity.date, language)],
    [t('panel.kind'), details.kind],
    [t('panel.collectives'), details.counts?.collectives != null ? formatNumber(details.counts.collectives, language) : null],
    [t('panel.individuals'), details.counts?.individuals != null ? formatNumber(details.counts.individuals, language) : null],
    ...attributes,
    [t('panel.degree'), metrics ? String(metrics.degree) : null],
    [t('panel.pagerank'), metrics ? metrics.pagerank.toFixed(4) : null],
    [t('panel.betweenness'), metrics ? metrics.betweenness.toFixed(4) : null],
    [t('panel.community'), metrics ? String(metrics.community) : null],
    [t('panel.id'), entity.id],
  ]);
  const next = element(
    'div',
    { className: 'actions' },
    button(t('panel.expand'), () => actions.expand(entity.id)),
    button(t('panel.timeline'), () => actions.showTimeline(pick)),
    button(t('panel.paths'), () => actions.showPaths(pick)),
    entity.type === 'Province' ? button(t('panel.statistics'), () => actions.showStatistics(entity.name)) : null,
  );
  const groups = details.groups.map(({ group, items }) => {
    const section = element('section', { className: 'relation-group' });
    section.dataset.group = group;
    section.append(element('h3', { text: `${t(`groups.${group}` as never, { defaultValue: group })} (${items.length})` }));
    const list = element('ul', { className: 'relations' });
    const render = (shown: readonly RelationItem[]) => list.replaceChildren(...shown.map((item) => relationItem(item, actions)));
    render(items.slice(0, FIRST_ITEMS));
    section.append(list);
    if (items.length > FIRST_ITEMS) {
      const more = button(t('panel.showAll', { count: items.length }), () => {
        render(items);
        more.remove();
      }, 'link-button');
      section.append(more);
    }
    return section;
  });
  const reports = element('section', { className: 'reports' }, element('h3', { text: `${t('panel.reports')} (${details.reports.length})` }));
  const reportList = element('ul', { className: 'report-list' });
  for (const report of details.reports) {
    const line = element('li');
    line.append(button(report.title, () => actions.openReport(report.id), 'link-button report-title'));
    line.append(element('div', { className: 'meta', text: [report.source, formatDay(report.publishedAt, language), report.titleDerived ? t('report.titleDerived') : null].filter(Boolean).join(' · ') }));
    if (report.url && /^https?:\/\//.test(report.url)) {
      line.append(element('a', { text: t('panel.original'), attributes: { href: report.url, target: '_blank', rel: 'noopener noreferrer' } }));
    }
    reportList.append(line);
  }
  reports.append(reportList);
  panel.replaceChildren(heading, facts, next, ...groups, reports);
  panel.scrollTop = 0;
}

function relationItem(item: RelationItem, actions: PageActions): HTMLLIElement {
  const line = element('li', { className: 'relation' });
  line.append(entityButton(item.other, actions));
  const note = item.note ? (['chaired', 'directed', 'spoke', 'attended'].includes(item.note) ? roleName(item.note) : item.note) : null;
  const meta = [note, typeName(item.other.type), item.other.province, formatDay(item.other.date, currentLanguage())].filter(Boolean).join(' · ');
  line.append(element('div', { className: 'meta', text: meta }));
  if (item.evidence.length > 0) {
    const sentences = element('details', { className: 'sentences' });
    sentences.append(element('summary', { text: t('evidence.sentences', { count: item.evidenceCount }) }));
    sentences.append(evidenceList(item.evidence, (report, start, end) => actions.openReport(report, start, end), item.evidenceCount));
    sentences.open = true;
    line.append(sentences);
  }
  return line;
}

/** A button naming an entity (with its type's shape) that opens it. */
export function entityButton(entity: EntityRef, actions: PageActions): HTMLButtonElement {
  const made = element('button', { className: 'entity', attributes: { type: 'button' } }, shapeIcon(entity.type, colorOfType(entity.type)), ` ${entity.name}`);
  made.dataset.id = entity.id;
  made.addEventListener('click', () => actions.inspectEntity({ id: entity.id, type: entity.type, name: entity.name }));
  return made;
}
