import { colorOfType, typeColors } from '../../export/palette.ts';
import type { SubgraphNode } from '../../graph/subgraph.ts';
import type { NetworkMetrics } from '../../metrics/compute-metrics.ts';
import { formatNumber } from '../i18n/format.ts';
import { currentLanguage, t } from '../i18n/i18n.ts';
import { typeName } from '../i18n/names.ts';
import { OTHER_COMMUNITY_COLOUR, paletteForCommunities } from '../network/community-palette.ts';
import { shapeIcon } from '../network/node-shapes.ts';
import type { ColourScheme } from '../network/node-looks.ts';
import { element } from '../panels/dom.ts';

/** The types a network draws (reports and statistics are reached from evidence, not drawn). */
export const DRAWN_TYPES = Object.keys(typeColors).filter((type) => type !== 'Report' && type !== 'Statistic');

/** What the legend describes: every loaded node, those shown, their metrics and how they are coloured. */
export type LegendState = { loaded: readonly SubgraphNode[]; shown: readonly SubgraphNode[]; metrics: NetworkMetrics; colourBy: ColourScheme };

/**
 * The legend of the network, which is also its type filter: one entry per type with its shape,
 * its colour and how many of its nodes are shown (of how many loaded); pressing an entry hides or
 * shows that type. Coloured by community, it also lists the coloured communities with their
 * sizes and how many others are grey.
 */
export class Legend {
  private readonly hidden = new Set<string>();
  private state: LegendState | null = null;

  constructor(private readonly types: HTMLUListElement, private readonly communities: HTMLUListElement, private readonly onToggle: (hidden: ReadonlySet<string>) => void) {}

  /** The types hidden now. */
  hiddenTypes(): ReadonlySet<string> {
    return this.hidden;
  }

  /** Draws the legend for a new state (or again, in another language, for the last one). */
  update(state: LegendState | null = this.state): void {
    this.state = state;
    const language = currentLanguage();
    const loaded = countByType(state?.loaded ?? []);
    const shown = countByType(state?.shown ?? []);
    const byCommunity = state?.colourBy === 'community';
    this.types.replaceChildren(
      ...DRAWN_TYPES.map((type) => {
        const visible = !this.hidden.has(type);
        const entry = element('button', { className: 'legend-entry', attributes: { type: 'button', 'aria-pressed': String(visible) } });
        entry.dataset.type = type;
        const count = visible ? formatNumber(shown.get(type) ?? 0, language) : `0 / ${formatNumber(loaded.get(type) ?? 0, language)}`;
        entry.append(shapeIcon(type, byCommunity ? '#8a8f96' : colorOfType(type), 14), element('span', { className: 'legend-name', text: typeName(type) }), element('span', { className: 'count', text: count }));
        entry.title = visible ? t('legend.hide', { type: typeName(type) }) : t('legend.show', { type: typeName(type) });
        entry.addEventListener('click', () => {
          if (this.hidden.has(type)) this.hidden.delete(type);
          else this.hidden.add(type);
          this.update();
          this.onToggle(this.hidden);
        });
        return element('li', {}, entry);
      }),
    );
    this.communities.replaceChildren(...(byCommunity && state ? this.communityEntries(state) : []));
    this.communities.hidden = !byCommunity;
  }

  private communityEntries(state: LegendState): HTMLLIElement[] {
    const language = currentLanguage();
    const sizes = new Map<number, number>();
    for (const node of state.shown) {
      const community = state.metrics.nodes.get(node.id)?.community;
      if (community !== undefined) sizes.set(community, (sizes.get(community) ?? 0) + 1);
    }
    const palette = paletteForCommunities(state.metrics.communityCount);
    const entries = [...sizes.entries()].sort((a, b) => a[0] - b[0]);
    const coloured = entries.filter(([community]) => community < palette.coloured);
    const others = entries.filter(([community]) => community >= palette.coloured);
    const swatch = (colour: string) => {
      const made = element('span', { className: 'swatch' });
      made.style.background = colour;
      return made;
    };
    const items = coloured.map(([community, size]) =>
      element('li', {}, swatch(palette.colourOf(community)), ` ${t('legend.community', { number: community + 1 })} `, element('span', { className: 'count', text: formatNumber(size, language) })),
    );
    items.unshift(element('li', { className: 'hint', text: t('legend.communities', { count: state.metrics.communityCount, modularity: state.metrics.modularity.toFixed(3) }) }));
    if (others.length > 0) {
      const nodes = others.reduce((sum, [, size]) => sum + size, 0);
      items.push(element('li', {}, swatch(OTHER_COMMUNITY_COLOUR), ` ${t('legend.otherCommunities', { count: others.length, nodes: formatNumber(nodes, language) })}`));
    }
    return items;
  }
}

function countByType(nodes: readonly SubgraphNode[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const node of nodes) counts.set(node.type, (counts.get(node.type) ?? 0) + 1);
  return counts;
}
