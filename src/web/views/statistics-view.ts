import * as Plot from '@observablehq/plot';
import { fetchProvinces, fetchStatistics, type StatisticSeries } from '../api/statistics.ts';
import { formatDay, formatNumber } from '../i18n/format.ts';
import { currentLanguage, onLanguageChange, t, translateDocument } from '../i18n/i18n.ts';
import { metricName, unitName } from '../i18n/names.ts';
import { element } from '../panels/dom.ts';
import { evidenceList } from '../panels/evidence-list.ts';
import type { PageActions } from '../page-actions.ts';

/** The provinces' colours in the charts: the province asked about first, the merged ones after. */
const PROVINCE_COLOURS = ['#4e79a7', '#f28e2c', '#59a14f', '#e15759', '#76b7b2', '#edc949', '#af7aa1', '#ff9da7'];

/**
 * The statistics view: a province's figures over time (the API's `statistics`), one chart per
 * metric drawn with Observable Plot. With the roll-up, today's province and the pre-2025
 * provinces merged into it appear together: counts stacked per time (each province's part in
 * its colour, the sum written above), averages as one line per province. Below each chart, every
 * figure with the sentence that states it.
 */
export class StatisticsView {
  private series: StatisticSeries[] | null = null;
  private shownFor: { province: string; rollUp: boolean } | null = null;
  private readonly province: HTMLSelectElement;
  private readonly rollUp: HTMLInputElement;
  private readonly results = element('div', { className: 'statistics-results', attributes: { 'aria-live': 'polite' } });
  private provincesLoaded = false;

  constructor(container: HTMLElement, private readonly actions: PageActions) {
    this.province = element('select', { attributes: { id: 'statistics-province' } });
    this.rollUp = element('input', { attributes: { id: 'statistics-rollup', type: 'checkbox' } });
    this.rollUp.checked = true;
    const form = element(
      'form',
      { className: 'statistics-form' },
      element('label', { attributes: { for: 'statistics-province', 'data-i18n': 'statistics.province' } }),
      this.province,
      element('label', { className: 'inline' }, this.rollUp, element('span', { attributes: { 'data-i18n': 'statistics.rollUp' } })),
      element('button', { attributes: { type: 'submit', 'data-i18n': 'statistics.show' } }),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (this.province.value) void this.show(this.province.value, this.rollUp.checked);
    });
    container.replaceChildren(element('h2', { attributes: { 'data-i18n': 'statistics.title' } }), element('p', { className: 'lead', attributes: { 'data-i18n': 'statistics.lead' } }), form, this.results);
    translateDocument(container);
    onLanguageChange(() => this.render());
  }

  /** Fills the province choice once (today's provinces, then the merged ones with where they went). */
  async loadProvinces(): Promise<void> {
    if (this.provincesLoaded) return;
    const found = await fetchProvinces();
    if (!found.ok) return;
    this.provincesLoaded = true;
    const chosen = this.province.value;
    this.province.replaceChildren(
      ...found.data.map((province) => {
        const option = element('option', { text: province.mergedInto ? `${province.name} → ${province.mergedInto}` : province.name, attributes: { value: province.name } });
        return option;
      }),
    );
    if (chosen) this.province.value = chosen;
  }

  /** Shows a province's figures, rolled up from merged provinces when asked. */
  async show(province: string, rollUp: boolean): Promise<void> {
    await this.loadProvinces();
    if (![...this.province.options].some((option) => option.value === province)) this.province.append(element('option', { text: province, attributes: { value: province } }));
    this.province.value = province;
    this.rollUp.checked = rollUp;
    const asked = { province, rollUp };
    this.shownFor = asked;
    this.results.replaceChildren(element('p', { className: 'hint', text: t('status.loading') }));
    const found = await fetchStatistics(province, rollUp);
    if (this.shownFor !== asked) return;
    if (!found.ok) {
      this.results.replaceChildren(element('p', { className: 'error', text: `${found.message} (${found.code})` }));
      return;
    }
    this.series = found.data;
    this.render();
  }

  private render(): void {
    if (!this.series || !this.shownFor) return;
    if (this.series.length === 0) {
      this.results.replaceChildren(element('p', { className: 'hint', text: t('statistics.none', { province: this.shownFor.province }) }));
      return;
    }
    const provinces = [...new Set(this.series.flatMap((series) => series.points.map((point) => point.province)))];
    const asked = this.shownFor.province;
    provinces.sort((a, b) => Number(b === asked) - Number(a === asked) || a.localeCompare(b));
    this.results.replaceChildren(
      element('p', { className: 'summary', text: t('statistics.provinces', { provinces: provinces.join(', '), count: provinces.length }) }),
      ...this.series.map((series) => this.renderSeries(series, provinces)),
    );
  }

  private renderSeries(series: StatisticSeries, provinces: string[]): HTMLElement {
    const language = currentLanguage();
    const undated = t('statistics.undated');
    const timeOf = (time: string | null) => (time === null ? undated : formatDay(time, language));
    const times = [...new Set(series.points.map((point) => point.time))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b))).map(timeOf);
    const unit = unitName(series.unit);
    const additive = series.totals.length > 0 || new Set(series.points.map((point) => point.province)).size < 2;
    const points = series.points.map((point) => ({ ...point, label: timeOf(point.time) }));
    const title = (point: (typeof points)[number]) => `${point.province} · ${point.label} · ${formatNumber(point.value, language)} ${unit}`;
    const marks = additive
      ? [
          Plot.barY(points, { x: 'label', y: 'value', fill: 'province', title, inset: 2 }),
          Plot.text(series.totals, { x: (total: StatisticSeries['totals'][number]) => timeOf(total.time), y: 'value', text: (total: StatisticSeries['totals'][number]) => formatNumber(total.value, language), dy: -8, fontWeight: 'bold' }),
          Plot.ruleY([0]),
        ]
      : [
          Plot.line(points, { x: 'label', y: 'value', stroke: 'province' }),
          Plot.dot(points, { x: 'label', y: 'value', fill: 'province', r: 5, title }),
        ];
    const chart = Plot.plot({
      // A few times make narrow charts: a single figure is no wall of colour.
      width: Math.min(680, 220 + 110 * times.length),
      height: 240,
      marginLeft: 60,
      style: { fontSize: '11px', background: 'transparent' },
      x: { type: 'band', domain: times, label: null, padding: 0.3 },
      y: { label: unit, grid: true, tickFormat: (value: number) => formatNumber(value, language) },
      color: { type: 'categorical', domain: provinces, range: PROVINCE_COLOURS, legend: true },
      marks,
    });
    chart.setAttribute('aria-label', t('statistics.chart', { metric: metricName(series.metric) }));
    const table = element(
      'table',
      { className: 'figures' },
      element('thead', {}, element('tr', {}, ...[t('statistics.time'), t('statistics.provinceColumn'), t('statistics.value'), t('statistics.sentence')].map((text) => element('th', { text })))),
      element(
        'tbody',
        {},
        ...points.map((point) => {
          const qualifier = point.qualifier === 'exact' ? '' : `${t(`qualifiers.${point.qualifier}` as never, { defaultValue: point.qualifier })} `;
          const row = element(
            'tr',
            {},
            element('td', { text: point.label }),
            element('td', { text: point.province }),
            element('td', { className: 'number', text: `${qualifier}${formatNumber(point.value, language)} ${unit}` }),
            element('td', {}, point.evidence ? evidenceList([point.evidence], (report, start, end) => this.actions.openReport(report, start, end)) : ''),
          );
          row.dataset.province = point.province;
          return row;
        }),
      ),
    );
    const section = element('section', { className: 'series' }, element('h3', { text: `${metricName(series.metric)} (${unit})` }), chart, table);
    section.dataset.metric = series.metric;
    return section;
  }
}
