import type { ProvinceMention } from '../recognisers/context.ts';
import { provinceFromSource, provinceFromUrl } from './provinces.ts';


/**
 * Decides which province a report is about by weighted votes: the URL's host, the
 * outlet, alliances named with their province, and province names in the title and
 * body (prefixed ones count more). Person names never vote: the gazetteer already
 * tells them apart. Returns null when nothing votes or the vote is tied.
 */

export type ProvinceVote = { province: string | null; votes: Map<string, number>; warning?: string };

const WEIGHT = { url: 4, source: 4, allianceTitle: 4, alliance: 2, prefixedTitle: 3, dateline: 3, prefixed: 1, bareTitle: 1, bare: 0.5 };
/** A place opening a line as a dateline (`ĐÀ NẴNG – Ngày 29-11, …`, `BẮC GIANG - …`): where the report was filed. */
const DATELINE_AFTER = /^\s*[-–—]\s/u;
const ALLIANCE_BEFORE = /lien minh\s+(?:hop tac xa|htx)(?:\s*\(htx\))?\s+(?:tinh\s+|thanh pho\s+|tp\.?\s*)?$/u;

/** The report's province from its URL, outlet and the province mentions in its text. */
export function voteProvince(input: {
  url?: string;
  source?: string;
  shadow: string;
  titleEnd: number;
  mentions: ProvinceMention[];
}): ProvinceVote {
  const votes = new Map<string, number>();
  const add = (p: string | null, w: number): void => {
    if (p !== null) votes.set(p, (votes.get(p) ?? 0) + w);
  };
  if (input.url) add(provinceFromUrl(input.url), WEIGHT.url);
  if (input.source) add(provinceFromSource(input.source), WEIGHT.source);
  for (const m of input.mentions) {
    const inTitle = m.start < input.titleEnd;
    const before = input.shadow.slice(Math.max(0, m.start - 40), m.start);
    const atLineStart = m.start === 0 || input.shadow.charAt(m.start - 1) === '\n';
    if (atLineStart && DATELINE_AFTER.test(input.shadow.slice(m.end, m.end + 4))) add(m.province, WEIGHT.dateline);
    else if (ALLIANCE_BEFORE.test(before)) add(m.province, inTitle ? WEIGHT.allianceTitle : WEIGHT.alliance);
    else if (m.prefixed) add(m.province, inTitle ? WEIGHT.prefixedTitle : WEIGHT.prefixed);
    else add(m.province, inTitle ? WEIGHT.bareTitle : WEIGHT.bare);
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 1) return { province: null, votes };
  if (second && second[1] === first[1]) {
    return { province: null, votes, warning: `province undecided: ${first[0]} and ${second[0]} tie with ${first[1]} votes` };
  }
  return { province: first[0], votes };
}

