import { colorOfType } from '../../export/palette.ts';
import { fetchOverview, type Overview } from '../api/overview.ts';
import type { EntityRef } from '../api/graphql-client.ts';
import { formatDay, formatNumber } from '../i18n/format.ts';
import { currentLanguage, onLanguageChange, t } from '../i18n/i18n.ts';
import { typeName } from '../i18n/names.ts';
import { shapeIcon } from '../network/node-shapes.ts';
import { button, element } from '../panels/dom.ts';
import type { PageActions } from '../page-actions.ts';

/**
 * The first view: what the graph holds (nodes per type, reports, the days its events and
 * reports span), its most connected actors with their provinces and its latest meetings; one
 * click on any of them opens its network and its panel.
 */
export class OverviewView {
  private overview: Overview | null = null;
  private failure: string | null = null;

  constructor(private readonly container: HTMLElement, private readonly actions: PageActions) {
    onLanguageChange(() => this.render());
  }

  /** Reads the overview from the API (again) and draws it. */
  async load(): Promise<void> {
    this.container.setAttribute('aria-busy', 'true');
    const result = await fetchOverview();
    this.overview = result.ok ? result.data : null;
    this.failure = result.ok ? null : `${result.message} (${result.code})`;
    this.container.setAttribute('aria-busy', 'false');
    this.render();
  }

  private render(): void {
    const language = currentLanguage();
    const heading = element('h2', { text: t('overview.title') });
    if (!this.overview) {
      this.container.replaceChildren(heading, element('p', { className: this.failure ? 'error' : 'hint', text: this.failure ? t('overview.failed', { reason: this.failure }) : t('overview.loading') }));
      return;
    }
    const overview = this.overview;
    const count = (type: string) => overview.counts.find((entry) => entry.type === type)?.count ?? 0;
    const cards = element(
      'ul',
      { className: 'counts' },
      ...['Alliance', 'Agency', 'Official', 'Cooperative', 'Meeting', 'Award', 'Province'].map((type) => {
        const card = element('li', { className: 'count-card' }, shapeIcon(type, colorOfType(type), 18), element('strong', { text: formatNumber(count(type), language) }), element('span', { text: typeName(type) }));
        card.dataset.type = type;
        return card;
      }),
      element('li', { className: 'count-card reports' }, element('strong', { text: formatNumber(count('Report'), language) }), element('span', { text: t('overview.reports') })),
    );
    const spans = element(
      'p',
      { className: 'spans' },
      overview.firstEventDate
        ? t('overview.eventSpan', { from: formatDay(overview.firstEventDate, language), to: formatDay(overview.lastEventDate, language) })
        : t('overview.noEvents'),
      ' ',
      overview.firstReportDate ? t('overview.reportSpan', { from: formatDay(overview.firstReportDate, language), to: formatDay(overview.lastReportDate, language) }) : '',
    );
    const connected = element(
      'ol',
      { className: 'entity-list', attributes: { id: 'most-connected' } },
      ...overview.mostConnected.map(({ entity, degree }) => this.entityLine(entity, t('overview.links', { count: degree }))),
    );
    const meetings = element(
      'ol',
      { className: 'entity-list', attributes: { id: 'latest-meetings' } },
      ...overview.latestMeetings.map((meeting) => this.entityLine(meeting, formatDay(meeting.date, language))),
    );
    this.container.replaceChildren(
      heading,
      element('p', { className: 'lead', text: t('overview.lead') }),
      cards,
      spans,
      element('div', { className: 'columns' },
        element('section', {}, element('h3', { text: t('overview.mostConnected') }), connected),
        element('section', {}, element('h3', { text: t('overview.latestMeetings') }), meetings),
      ),
      element('p', { className: 'hint', text: t('overview.hint') }),
    );
  }

  private entityLine(entity: EntityRef, note: string): HTMLLIElement {
    const open = button('', () => this.actions.openEntity({ id: entity.id, type: entity.type, name: entity.name }), 'entity-line');
    open.dataset.id = entity.id;
    open.replaceChildren(
      element('span', { className: 'hit-name' }, shapeIcon(entity.type, colorOfType(entity.type)), ` ${entity.name}`),
      element('span', { className: 'hit-where', text: [typeName(entity.type), entity.province ?? t('overview.noProvince'), note].filter(Boolean).join(' · ') }),
    );
    return element('li', {}, open);
  }
}
