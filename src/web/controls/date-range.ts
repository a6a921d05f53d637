import * as Plot from '@observablehq/plot';
import { brushX, select, utcMonth, utcYear } from 'd3';
import type { DateWindow } from '../../export/selector.ts';
import { dayPattern, formatDay, parseDayInput } from '../i18n/format.ts';
import { currentLanguage, onLanguageChange, t } from '../i18n/i18n.ts';

const WIDTH = 250;
const HEIGHT = 86;
const MARGIN = { top: 6, right: 8, bottom: 20, left: 30 };

/** `YYYY-MM-DD` of a time, in UTC (the graph's days have no time zone). */
function isoDay(time: Date): string {
  return time.toISOString().slice(0, 10);
}

/**
 * The date range of the network: a histogram of its dated events (meetings and awards, by month
 * or by year when they span years) on which a range can be brushed, and the range's first and
 * last day as text fields in the language's way of writing days (`04/01/2024` in Vietnamese).
 * Either way, the network then shows only the events of the range with the actors tied to them.
 */
export class DateRange {
  private dates: string[] = [];
  private range: DateWindow | null = null;
  private moveBrush: ((range: DateWindow | null) => void) | null = null;

  constructor(
    private readonly chart: HTMLElement,
    private readonly fromInput: HTMLInputElement,
    private readonly toInput: HTMLInputElement,
    private readonly onChange: (range: DateWindow | null) => void,
  ) {
    for (const input of [fromInput, toInput]) input.addEventListener('change', () => this.readInputs());
    onLanguageChange(() => {
      this.writeInputs();
      this.draw();
    });
    this.writeInputs();
  }

  /** The range chosen, if any. */
  window(): DateWindow | null {
    return this.range;
  }

  /** Sets the range (from the address) without telling the network. */
  setWindow(range: DateWindow | null): void {
    this.range = range;
    this.writeInputs();
    this.moveBrush?.(range);
  }

  /** The days of the loaded network's dated events, drawn as the histogram. */
  setEvents(dates: readonly string[]): void {
    this.dates = [...dates].sort();
    this.draw();
  }

  private readInputs(): void {
    const read = (input: HTMLInputElement) => {
      const text = input.value.trim();
      if (text === '') return { ok: true as const, day: undefined };
      const day = parseDayInput(text);
      input.setAttribute('aria-invalid', String(day === null));
      return day === null ? { ok: false as const } : { ok: true as const, day };
    };
    const from = read(this.fromInput);
    const to = read(this.toInput);
    if (!from.ok || !to.ok) return;
    this.fromInput.setAttribute('aria-invalid', 'false');
    this.toInput.setAttribute('aria-invalid', 'false');
    this.change(from.day || to.day ? { ...(from.day ? { from: from.day } : {}), ...(to.day ? { to: to.day } : {}) } : null);
  }

  private change(range: DateWindow | null): void {
    this.range = range;
    this.writeInputs();
    this.moveBrush?.(range);
    this.onChange(range);
  }

  private writeInputs(): void {
    const language = currentLanguage();
    // Written the way the placeholder asks days to be typed: dd/mm/yyyy in Vietnamese, ISO otherwise.
    const write = (day: string | undefined) => (day ? (language === 'vi' ? formatDay(day, language) : day) : '');
    this.fromInput.value = write(this.range?.from);
    this.toInput.value = write(this.range?.to);
    this.fromInput.placeholder = dayPattern(language);
    this.toInput.placeholder = dayPattern(language);
  }

  private draw(): void {
    this.moveBrush = null;
    if (this.dates.length === 0) {
      this.chart.replaceChildren(Object.assign(document.createElement('p'), { className: 'hint', textContent: t('dates.noEvents') }));
      return;
    }
    const first = new Date(this.dates[0]!);
    const last = new Date(this.dates.at(-1)!);
    const years = (last.getTime() - first.getTime()) / (365.25 * 86_400_000);
    const interval = years > 3 ? 'year' : 'month';
    // Ticks at the start of bars (whole months or years), at most four: finer ticks would repeat a
    // month's name, and one at the end of the last bar would be cut by the chart's edge.
    const unit = interval === 'year' ? utcYear : utcMonth;
    const starts = unit.range(unit.floor(first), unit.offset(unit.floor(last), 1));
    const step = Math.ceil(starts.length / 4);
    const ticks = starts.filter((_, i) => i % step === 0);
    const plot = Plot.plot({
      width: WIDTH,
      height: HEIGHT,
      marginTop: MARGIN.top,
      marginRight: MARGIN.right,
      marginBottom: MARGIN.bottom,
      marginLeft: MARGIN.left,
      style: { fontSize: '10px', background: 'transparent' },
      x: { type: 'utc', label: null, ticks, tickFormat: (time: Date) => formatDay(interval === 'year' ? String(time.getUTCFullYear()) : isoDay(time).slice(0, 7), currentLanguage()) },
      y: { label: null, ticks: 3, grid: true },
      marks: [
        Plot.rectY(this.dates.map((day) => new Date(day)), { ...Plot.binX({ y: 'count', title: 'count' }, { x: (time: Date) => time, interval }), fill: '#ff7f0e', inset: 0.5 }),
        Plot.ruleY([0]),
      ],
    });
    plot.setAttribute('aria-label', t('dates.histogram', { count: this.dates.length }));
    const x = plot.scale('x');
    if (x?.apply && x.invert) {
      const apply = x.apply;
      const invert = x.invert;
      const brush = brushX<unknown>()
        .extent([[MARGIN.left, MARGIN.top], [WIDTH - MARGIN.right, HEIGHT - MARGIN.bottom]])
        .on('end', (event: { selection: [number, number] | null; sourceEvent?: Event }) => {
          if (!event.sourceEvent) return; // moved by code, not by the analyst
          if (!event.selection) return this.change(null);
          const [left, right] = event.selection.map((pixel) => isoDay(invert(pixel) as Date));
          this.change({ from: left!, to: right! });
        });
      const layer = select(plot as SVGSVGElement).append('g').attr('class', 'brush').call(brush);
      this.moveBrush = (range) => {
        if (!range) return layer.call(brush.move, null);
        const left = range.from ? Number(apply(new Date(range.from))) : MARGIN.left;
        const right = range.to ? Number(apply(new Date(range.to))) : WIDTH - MARGIN.right;
        layer.call(brush.move, [Math.max(MARGIN.left, left), Math.min(WIDTH - MARGIN.right, right)]);
      };
      this.moveBrush(this.range);
    }
    this.chart.replaceChildren(plot);
  }
}
