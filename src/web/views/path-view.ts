import { colorOfType } from '../../export/palette.ts';
import type { Subgraph } from '../../graph/subgraph.ts';
import { fetchPaths, type FoundPath, type Hop } from '../api/paths.ts';
import type { EntityRef } from '../api/graphql-client.ts';
import { EntitySearch } from '../controls/entity-search.ts';
import { formatDay } from '../i18n/format.ts';
import { currentLanguage, onLanguageChange, t, translateDocument } from '../i18n/i18n.ts';
import { relationName, roleName, typeName } from '../i18n/names.ts';
import { shapeIcon } from '../network/node-shapes.ts';
import { button, element } from '../panels/dom.ts';
import { evidenceList } from '../panels/evidence-list.ts';
import type { EntityPick, PageActions } from '../page-actions.ts';

/**
 * The path view: pick two entities (search as you type), and see the shortest paths between them
 * (the API's `path`) drawn as chains of entities and relationships, and listed hop by hop with the
 * sentence that states each hop; "show on the network" draws all of them on the network.
 */
export class PathView {
  private from: EntityPick | null = null;
  private to: EntityPick | null = null;
  private paths: FoundPath[] | null = null;
  private readonly fromInput: HTMLInputElement;
  private readonly toInput: HTMLInputElement;
  private readonly maxLength: HTMLSelectElement;
  private readonly results = element('div', { className: 'path-results', attributes: { 'aria-live': 'polite' } });
  private readonly fromSearch: EntitySearch;
  private readonly toSearch: EntitySearch;

  constructor(container: HTMLElement, private readonly actions: PageActions & { showSubgraph(subgraph: Subgraph, name: string): void }) {
    this.fromInput = element('input', { attributes: { id: 'path-from', type: 'search', 'data-i18n-placeholder': 'search.placeholder' } });
    this.toInput = element('input', { attributes: { id: 'path-to', type: 'search', 'data-i18n-placeholder': 'search.placeholder' } });
    this.maxLength = element('select', { attributes: { id: 'path-length' } }, ...[2, 3, 4, 5, 6].map((n) => element('option', { text: String(n), attributes: { value: String(n) } })));
    this.maxLength.value = '4';
    const fromList = element('ul', { className: 'search-results', attributes: { id: 'path-from-results' } });
    const toList = element('ul', { className: 'search-results', attributes: { id: 'path-to-results' } });
    this.fromSearch = new EntitySearch(this.fromInput, fromList, (hit) => this.setEnd('from', hit));
    this.toSearch = new EntitySearch(this.toInput, toList, (hit) => this.setEnd('to', hit));
    const find = element('button', { attributes: { type: 'submit', 'data-i18n': 'paths.find' } });
    const form = element(
      'form',
      { className: 'path-form', attributes: { role: 'search' } },
      element('label', { attributes: { for: 'path-from', 'data-i18n': 'paths.from' } }),
      element('div', { className: 'combo' }, this.fromInput, fromList),
      element('label', { attributes: { for: 'path-to', 'data-i18n': 'paths.to' } }),
      element('div', { className: 'combo' }, this.toInput, toList),
      element('label', { attributes: { for: 'path-length', 'data-i18n': 'paths.maxLength' } }),
      this.maxLength,
      find,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.find();
    });
    container.replaceChildren(element('h2', { attributes: { 'data-i18n': 'paths.title' } }), element('p', { className: 'lead', attributes: { 'data-i18n': 'paths.lead' } }), form, this.results);
    translateDocument(container);
    onLanguageChange(() => this.render());
  }

  /** Sets one end of the path (from the search or from a node panel). */
  setEnd(end: 'from' | 'to', entity: EntityPick): void {
    if (end === 'from') {
      this.from = entity;
      this.fromInput.value = entity.name;
    } else {
      this.to = entity;
      this.toInput.value = entity.name;
    }
    if (this.from && this.to) void this.find();
  }

  /** Looks for the shortest paths between the two chosen entities. */
  async find(): Promise<void> {
    if (!this.from || !this.to) {
      this.results.replaceChildren(element('p', { className: 'error', text: t('paths.pickBoth') }));
      return;
    }
    this.results.replaceChildren(element('p', { className: 'hint', text: t('status.loading') }));
    const found = await fetchPaths(this.from.id, this.to.id, Number(this.maxLength.value));
    if (!found.ok) {
      this.results.replaceChildren(element('p', { className: 'error', text: `${found.message} (${found.code})` }));
      return;
    }
    this.paths = found.data;
    this.render();
  }

  private render(): void {
    if (!this.paths || !this.from || !this.to) return;
    if (this.paths.length === 0) {
      this.results.replaceChildren(element('p', { className: 'hint', text: t('paths.none', { from: this.from.name, to: this.to.name, length: this.maxLength.value }) }));
      return;
    }
    const paths = this.paths;
    const show = button(t('paths.showOnNetwork'), () => this.actions.showSubgraph(pathsSubgraph(paths), `paths-${this.from?.name ?? ''}-${this.to?.name ?? ''}`));
    this.results.replaceChildren(
      element('p', { className: 'summary', text: t('paths.found', { count: paths.length, hops: paths[0]?.hops.length ?? 0 }) }),
      show,
      ...paths.map((path, index) => this.renderPath(path, index)),
    );
  }

  private renderPath(path: FoundPath, index: number): HTMLElement {
    const byId = new Map(path.nodes.map((node) => [node.id, node]));
    const chain = element('ol', { className: 'path-chain', attributes: { 'aria-label': t('paths.chain', { number: index + 1 }) } });
    path.nodes.forEach((node, position) => {
      chain.append(element('li', { className: 'chain-node' }, this.chip(node)));
      const hop = path.hops[position];
      if (hop) chain.append(element('li', { className: `chain-hop ${hop.forward ? 'forward' : 'backward'}`, text: hopLabel(hop) }));
    });
    const hops = element(
      'ol',
      { className: 'hops' },
      ...path.hops.map((hop) => {
        const from = byId.get(hop.from);
        const to = byId.get(hop.to);
        const [subject, object] = hop.forward ? [from, to] : [to, from];
        const line = element('li', { className: 'hop' });
        line.dataset.relation = hop.type;
        line.append(
          element('p', { className: 'hop-line' }, element('strong', { text: subject?.name ?? '' }), ` ${hopLabel(hop)} `, element('strong', { text: object?.name ?? '' })),
          evidenceList(hop.evidence, (report, start, end) => this.actions.openReport(report, start, end), hop.evidenceCount),
        );
        return line;
      }),
    );
    const section = element('section', { className: 'path' }, element('h3', { text: t('paths.path', { number: index + 1, count: path.hops.length }) }), chain, hops);
    return section;
  }

  private chip(node: EntityRef): HTMLButtonElement {
    const chip = element('button', { className: 'chip', attributes: { type: 'button' } }, shapeIcon(node.type, colorOfType(node.type)), ` ${node.name}`);
    chip.dataset.id = node.id;
    chip.title = [typeName(node.type), node.province, formatDay(node.date, currentLanguage())].filter(Boolean).join(' · ');
    chip.addEventListener('click', () => this.actions.inspectEntity({ id: node.id, type: node.type, name: node.name }));
    return chip;
  }
}

/** A hop as a reader says it: the relation, with its role or title (`dự (chỉ đạo)`), pointing the way it is stored. */
function hopLabel(hop: Hop): string {
  const role = typeof hop.attributes.role === 'string' ? roleName(hop.attributes.role) : typeof hop.attributes.title === 'string' ? hop.attributes.title : null;
  const relation = `${relationName(hop.type)}${role ? ` (${role})` : ''}`;
  return hop.forward ? `— ${relation} →` : `← ${relation} —`;
}

/** All paths as one subgraph for the network: their nodes and hops (each relationship once, in its stored direction). */
export function pathsSubgraph(paths: readonly FoundPath[]): Subgraph {
  const nodes = new Map<string, Subgraph['nodes'][number]>();
  const edges = new Map<string, Subgraph['edges'][number]>();
  for (const path of paths) {
    for (const node of path.nodes) nodes.set(node.id, { id: node.id, type: node.type, name: node.name, province: node.province, date: node.date });
    for (const hop of path.hops) {
      const [source, target] = hop.forward ? [hop.from, hop.to] : [hop.to, hop.from];
      const identity = typeof hop.attributes.role === 'string' ? `:${hop.attributes.role}` : typeof hop.attributes.title === 'string' ? `:${hop.attributes.title}` : '';
      const id = `${hop.type}:${source}->${target}${identity}`;
      edges.set(id, { id, type: hop.type, source, target, attributes: hop.attributes, evidence: hop.evidence.map(({ reportId, ...rest }) => ({ report: reportId, ...rest })) });
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
