import { searchEntities, type SearchHit } from '../api/search.ts';
import { colorOfType } from '../../export/palette.ts';
import { formatDay } from '../i18n/format.ts';
import { currentLanguage, onLanguageChange, t } from '../i18n/i18n.ts';
import { typeName } from '../i18n/names.ts';
import { shapeIcon } from '../network/node-shapes.ts';
import { element } from '../panels/dom.ts';

/** How long typing must pause before the search runs. */
const DEBOUNCE_MS = 180;
let instances = 0;

/**
 * The line under a hit that tells it apart from others of the same name: an official's
 * position, a meeting's or award's day and kind, a province's merger, a report's outlet and day;
 * else the latest report that names it.
 */
export function describeHit(hit: SearchHit): string {
  const language = currentLanguage();
  if (hit.position) return [hit.position.title, hit.position.organisation].filter(Boolean).join(', ');
  if ((hit.type === 'Meeting' || hit.type === 'Award') && hit.date) return [formatDay(hit.date, language), hit.kind].filter(Boolean).join(' · ');
  if (hit.type === 'Province') return hit.mergedInto ? t('search.mergedInto', { province: hit.mergedInto }) : '';
  if (hit.type === 'Report') return [hit.source, formatDay(hit.date, language)].filter(Boolean).join(' · ');
  if (hit.report) return t('search.namedIn', { title: hit.report.title });
  return '';
}

/**
 * Search-as-you-type over the graph's names (the API's `search`), as a combobox: hits appear
 * while typing (debounced; a request overtaken by more typing is dropped), each with its type,
 * province and a line of context; ↑/↓ move through them, Enter opens one, Escape closes the list.
 */
export class EntitySearch {
  private hits: SearchHit[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: AbortController | null = null;
  private lastText = '';
  private readonly listId: string;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLUListElement,
    private readonly onPick: (hit: SearchHit) => void,
    private readonly onMessage: (message: string, isError: boolean) => void = () => undefined,
  ) {
    instances += 1;
    this.listId = list.id || `search-list-${instances}`;
    list.id = this.listId;
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', this.listId);
    input.setAttribute('aria-expanded', 'false');
    input.autocomplete = 'off';
    input.addEventListener('input', () => this.schedule());
    input.addEventListener('keydown', (event) => this.onKey(event));
    input.addEventListener('focus', () => {
      if (this.hits.length > 0) this.open();
    });
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    onLanguageChange(() => this.render());
  }

  /** Empties the box and the list. */
  clear(): void {
    this.input.value = '';
    this.lastText = '';
    this.hits = [];
    this.render();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), DEBOUNCE_MS);
  }

  private async run(): Promise<void> {
    const text = this.input.value.trim();
    if (text === this.lastText) return;
    this.lastText = text;
    this.pending?.abort();
    if (text.length < 2) {
      this.hits = [];
      this.render();
      return;
    }
    const controller = new AbortController();
    this.pending = controller;
    const found = await searchEntities(text, controller.signal);
    if (controller.signal.aborted || this.pending !== controller) return;
    this.pending = null;
    if (!found.ok) return this.onMessage(`${found.message} (${found.code})`, true);
    this.hits = found.data;
    this.active = -1;
    this.list.dataset.query = text;
    this.render();
    this.onMessage(found.data.length === 0 ? t('search.nothing', { text }) : t('search.found', { count: found.data.length }), false);
  }

  private render(): void {
    this.list.replaceChildren(
      ...this.hits.map((hit, index) => {
        const option = element('li', { attributes: { role: 'option', id: `${this.listId}-${index}`, 'aria-selected': String(index === this.active) } });
        option.dataset.id = hit.id;
        option.dataset.type = hit.type;
        const where = [typeName(hit.type), hit.province].filter(Boolean).join(' · ');
        option.append(
          element('div', { className: 'hit-name' }, shapeIcon(hit.type, colorOfType(hit.type)), ` ${hit.name}`),
          element('div', { className: 'hit-where', text: where }),
        );
        const context = describeHit(hit);
        if (context) option.append(element('div', { className: 'hit-context', text: context }));
        // mousedown, not click: a click would first blur the box, which closes the list.
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          this.pick(index);
        });
        return option;
      }),
    );
    if (this.hits.length > 0 && document.activeElement === this.input) this.open();
    else if (this.hits.length === 0) this.close();
    this.markActive();
  }

  private onKey(event: KeyboardEvent): void {
    const count = this.hits.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        event.preventDefault();
        this.open();
        this.active = (this.active + 1) % count;
        break;
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        this.open();
        this.active = this.active <= 0 ? count - 1 : this.active - 1;
        break;
      case 'Home':
      case 'End':
        if (this.list.hidden || count === 0) return;
        event.preventDefault();
        this.active = event.key === 'Home' ? 0 : count - 1;
        break;
      case 'Enter':
        event.preventDefault();
        if (this.active >= 0) this.pick(this.active);
        else if (count > 0) this.pick(0);
        else void this.run();
        return;
      case 'Escape':
        this.close();
        return;
      default:
        return;
    }
    this.markActive();
  }

  private markActive(): void {
    for (const [index, option] of [...this.list.children].entries()) option.setAttribute('aria-selected', String(index === this.active));
    const active = this.active >= 0 ? this.list.children[this.active] : null;
    if (active) {
      this.input.setAttribute('aria-activedescendant', active.id);
      active.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }

  private pick(index: number): void {
    const hit = this.hits[index];
    if (!hit) return;
    this.input.value = hit.name;
    this.lastText = hit.name;
    this.close();
    this.onPick(hit);
  }

  private open(): void {
    if (this.hits.length === 0) return;
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }
}
