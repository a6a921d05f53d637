import * as Plot from '@observablehq/plot';
import { colorOfType } from '../../export/palette.ts';
import { fetchTimeline, type TimelineEntry } from '../api/timeline.ts';
import { EntitySearch } from '../controls/entity-search.ts';
import { formatDay } from '../i18n/format.ts';
import { currentLanguage, onLanguageChange, t, translateDocument } from '../i18n/i18n.ts';
import { relationName, roleName, typeName } from '../i18n/names.ts';
import { shapeIcon } from '../network/node-shapes.ts';
import { element } from '../panels/dom.ts';
import { evidenceList } from '../panels/evidence-list.ts';
import { entityButton } from '../panels/node-panel.ts';
import type { EntityPick, PageActions } from '../page-actions.ts';

/**
 * The timeline view: an entity's dated meetings and awards in order (the API's `timeline`), as a
 * chart on a time axis and as a list, each entry with how the entity took part and the sentences
 * that state it.
 */
export class TimelineView {
  private entity: EntityPick | null = null;
  private entries: TimelineEntry[] | null = null;
  private readonly input: HTMLInputElement;
  private readonly results = element('div', { className: 'timeline-results', attributes: { 'aria-live': 'polite' } });

  constructor(container: HTMLElement, private readonly actions: PageActions) {
    this.input = element('input', { attributes: { id: 'timeline-entity', type: 'search', 'data-i18n-placeholder': 'search.placeholder' } });
    const list = element('ul', { className: 'search-results', attributes: { id: 'timeline-results-list' } });
    new EntitySearch(this.input, list, (hit) => void this.show({ id: hit.id, type: hit.type, name: hit.name }));
    container.replaceChildren(
      element('h2', { attributes: { 'data-i18n': 'timeline.title' } }),
      element('p', { className: 'lead', attributes: { 'data-i18n': 'timeline.lead' } }),
      element('label', { attributes: { for: 'timeline-entity', 'data-i18n': 'timeline.entity' } }),
      element('div', { className: 'combo' }, this.input, list),
      this.results,
    );
    translateDocument(container);
    onLanguageChange(() => this.render());
  }

  /** The entity shown, if any. */
  current(): EntityPick | null {
    return this.entity;
  }

  /** Shows an entity's timeline. */
  async show(entity: EntityPick): Promise<void> {
    this.entity = entity;
    this.input.value = entity.name;
    this.results.replaceChildren(element('p', { className: 'hint', text: t('status.loading') }));
    const found = await fetchTimeline(entity.id);
    if (this.entity !== entity) return;
    if (!found.ok) {
      this.results.replaceChildren(element('p', { className: 'error', text: `${found.message} (${found.code})` }));
      return;
    }
    this.entries = found.data;
    this.render();
  }

  private render(): void {
    if (!this.entity || !this.entries) return;
    const language = currentLanguage();
    if (this.entries.length === 0) {
      this.results.replaceChildren(element('p', { className: 'hint', text: t('timeline.none', { name: this.entity.name }) }));
      return;
    }
    const entries = this.entries;
    const chart = Plot.plot({
      width: 720,
      height: 150,
      marginLeft: 90,
      style: { fontSize: '11px', background: 'transparent' },
      x: { type: 'utc', label: null, tickFormat: (time: Date) => formatDay(String(time.getUTCFullYear()), language) },
      y: { label: null, domain: ['MEETING', 'AWARD'], tickFormat: (kind: string) => (kind === 'AWARD' ? typeName('Award') : typeName('Meeting')) },
      color: { domain: ['Meeting', 'Award'], range: [colorOfType('Meeting'), colorOfType('Award')] },
      marks: [
        Plot.ruleY(['MEETING', 'AWARD'], { stroke: '#e4e7eb' }),
        Plot.dot(entries, {
          x: (entry: TimelineEntry) => new Date(entry.date),
          y: 'kind',
          fill: (entry: TimelineEntry) => (entry.kind === 'AWARD' ? 'Award' : 'Meeting'),
          r: 6,
          title: (entry: TimelineEntry) => `${formatDay(entry.date, language)} · ${entry.event.name} · ${relationName(entry.relation)}`,
        }),
      ],
    });
    chart.setAttribute('aria-label', t('timeline.chart', { name: this.entity.name, count: entries.length }));
    const list = element(
      'ol',
      { className: 'timeline' },
      ...entries.map((entry) => {
        const role = entry.role && entry.role !== 'attended' && entry.relation === 'ATTENDED' ? ` (${roleName(entry.role)})` : '';
        const item = element('li', { className: 'timeline-entry' });
        item.dataset.relation = entry.relation;
        item.dataset.event = entry.event.id;
        item.append(
          element('div', { className: 'when' }, shapeIcon(entry.event.type, colorOfType(entry.event.type)), element('time', { text: formatDay(entry.date, language), attributes: { datetime: entry.date } })),
          element('div', { className: 'what' }, entityButton(entry.event, this.actions), element('div', { className: 'meta', text: [`${relationName(entry.relation)}${role}`, entry.event.province].filter(Boolean).join(' · ') })),
          entry.evidence.length > 0
            ? evidenceList(entry.evidence, (report, start, end) => this.actions.openReport(report, start, end))
            : element('p', { className: 'hint', text: t(entry.relation === 'LOCATED_IN' ? 'timeline.heldHere' : 'timeline.itself') }),
        );
        return item;
      }),
    );
    this.results.replaceChildren(element('h3', { text: t('timeline.of', { name: this.entity.name, count: entries.length }) }), chart, list);
  }
}
