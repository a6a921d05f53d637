import type { Span, Statistic } from '../record/schema.ts';
import type { DocContext } from './context.ts';
import type { MetricRule } from '../lexicon.ts';
import { cues, metrics } from '../lexicon.ts';
import { allMatches, compileExactWords, compilePattern, compileWords, compileWordsAtEnd } from '../text/patterns.ts';
import type { WordScanner } from '../text/word-scanner.ts';
import { NUMBER_SOURCE, parseVietnameseNumber } from '../text/numbers.ts';
import { shadowOf, stripMarks } from '../text/fold.ts';

/**
 * Statistics of the cooperative sector (FORMAT.md metrics) from sentences such as
 * `Toàn tỉnh hiện có trên 500 HTX`, `thu hút 16,3 nghìn thành viên`,
 * `HTX nông nghiệp: 180 HTX`, `tổng số vốn điều lệ 3.664 tỷ đồng`. Targets
 * (`phấn đấu`, `mục tiêu`), ranges (`8-10 HTX`), fractions and percentages are skipped;
 * after a `thành lập mới` figure, the breakdown that follows is not a total.
 */

type Qualifier = Statistic['qualifier'];
type CompiledRule = MetricRule & { beforeRe?: RegExp; afterRe: RegExp };

const rules: CompiledRule[] = metrics.rules.map((r) => ({
  ...r,
  ...(r.before ? { beforeRe: compilePattern(r.before.replace('{NEW}', metrics.newCues)) } : {}),
  afterRe: compilePattern(r.after),
}));
/** The rules whose unit may be left out after the figure (their `after` matches nothing at all). */
const looseRules = rules.filter((r) => r.afterRe.test(''));
/** The first words of every unit a rule reads after a figure (folded): a figure followed by any other word has no stricter rule to try. */
const UNIT_WORDS = new Set(metrics.unitFirstWords.map((w) => shadowOf(w)));
const NUMBER = new RegExp(`(?<![\\d.,/])(?:${NUMBER_SOURCE})(?![\\d/]|[.,]\\d|\\s*%)`, 'g');
/** Cue words keep their diacritics: `sẽ` (will) is not `sẻ` (chia sẻ), `có` is not `cờ`. */
const haveCue = compileExactWords(metrics.haveCues);
const targetCue = compileExactWords(cues.targetCues);
const breakdown = compileWords(cues.breakdownCues);
const newCue = compilePattern(metrics.newCues, 'gu');
const stockCue = compileWords(metrics.stockCues);
const blocker = compileWordsAtEnd(metrics.blockersBefore);
const overBefore = compileWordsAtEnd(metrics.qualifiers.over);
const aboutBefore = compileWordsAtEnd(metrics.qualifiers.about);
const multiplierAfter = new RegExp(`^\\s+(${Object.keys(metrics.multipliers).map(stripMarks).join('|')})(?![\\p{L}])`, 'u');
const multiplierValue = new Map(Object.entries(metrics.multipliers).map(([k, v]) => [stripMarks(k), v]));
const nationalCue = compileWords(metrics.beyondProvinceCues);
/** With their diacritics: `tặng` (to award) is not `tăng` (to grow). */
const selectionCue = compileExactWords(metrics.selectionCues);
const averageCue = compileWords(metrics.averageCues);
/**
 * A unit below the province named before a figure: `huyện Cái Bè`, `trên địa bàn thị xã`, `vùng
 * phía Tây` (matched on the text, where a capital tells a named unit from `xã viên`).
 */
const SUB_UNIT = /(?<![\p{L}])(?:[Tt]hị xã|[Hh]uyện|[Qq]uận|[Tt]hị trấn|[Pp]hường|[Xx]ã)\s+\p{Lu}|(?<![\p{L}])(?:[Tt]rên địa bàn|[Tt]oàn|của|tại|ở)\s+(?:thị xã|huyện|quận|thị trấn|phường)(?![\p{L}])|(?<![\p{L}])(?:[Vv]ùng|[Kk]hu vực)\s+(?:phía|trung tâm|\p{Lu}\p{Ll})/gu;
/** Words that bring a clause back to the whole province after a district was named. */
const WHOLE_PROVINCE = /(?<![\p{L}])(?:toan tinh|ca tinh|tren dia ban tinh|toan thanh pho)(?![\p{L}])/u;
/** Counts of units in a clause (`5.089 tổ hợp tác`, `150 HTX`), and whether `với` attaches figures to them (`… THT với 164.787 thành viên`). */
const UNIT_COUNT = /(?<![\d.,])\d[\d.,]*\s+(to hop tac|tht|htx|hop tac xa|lien hiep|to chuc|quy tin dung)(?![\p{L}])(\s*\([^)]*\))?(\s*,?\s+voi\s)?/gu;

/** The kind of units the last count in `clause` counts, when the figures after it are attached to it by `với`. */
function attachedUnit(clause: string): string | undefined {
  let last: RegExpExecArray | undefined;
  UNIT_COUNT.lastIndex = 0;
  for (let m = UNIT_COUNT.exec(clause); m; m = UNIT_COUNT.exec(clause)) last = m;
  return last?.[3] ? last[1] : undefined;
}
/** An alliance's own members (`Liên minh HTX tỉnh hiện có 529 thành viên`) are not the province's. */
const ALLIANCE_HAS = /lien minh[^;,.]{0,60}?(?:hien |da )?(?:co|gom|ket nap(?: duoc)?|voi)\s+$/u;
const moneyBlocker = compileWordsAtEnd(metrics.moneyBlockers);
const subsetCue = compileWords(metrics.subsetCues);
/** A part's share of a total after its figure (`503 HTX, chiếm 58,6%`; `…, đạt 33,9%`): the figure counts a part. */
const SHARE_AFTER = /^[^;.\d]{0,90}?[,(]\s*(?:chiem|dat)\s+(?:khoang\s+|gan\s+|tren\s+)?\d+(?:[.,]\d+)?\s*%/u;
/** Words that end a breakdown and add something beside it (`…, cùng 367 tổ hợp tác`). */
const BESIDE = /(?<![\p{L}])(?:cung(?: voi)?|ben canh do|ngoai ra|dong thoi)\s/u;
/** A target year (`Đến năm 2021, … thu hút khoảng 50.000 thành viên`): later than the report, the figure is a plan. */
const BY_YEAR = /(?<![\p{L}])(?:den|toi)\s+(?:het\s+)?nam\s+(\d{4})/gu;
const sectorCues = Object.entries(metrics.sectorCues).map(([metric, cues]) => ({ metric: metric as Statistic['metric'], re: compileWords(cues) }));
const COUNT_METRICS = new Set<string>(['cooperatives_total', 'cooperatives_new', 'cooperatives_agriculture', 'cooperative_groups_total', 'cooperative_groups_new', 'collective_organizations_total', 'people_credit_funds_total', 'transport_cooperatives_total']);
const OWNED_METRICS = new Set<string>(['members_total', 'workers_total', 'charter_capital_billion_vnd', 'total_assets_billion_vnd']);

/** The start of the clause a figure at `at` sits in: after the last `;` outside brackets. */
function clauseStart(sentence: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const ch = sentence[i];
    if (ch === ')') depth++;
    else if (ch === '(') depth = Math.max(0, depth - 1);
    else if (ch === ';' && depth === 0) return i + 1;
  }
  return 0;
}

/** Whether the text before a figure (in the sentence) puts it in a district, town or region, not the whole province. */
function isBelowProvince(ctx: DocContext, from: number, to: number): boolean {
  const text = ctx.text.slice(from, to);
  let last = -1;
  SUB_UNIT.lastIndex = 0;
  for (let m = SUB_UNIT.exec(text); m; m = SUB_UNIT.exec(text)) last = m.index + m[0].length;
  return last >= 0 && !WHOLE_PROVINCE.test(ctx.shadow.slice(from + last, to));
}

/** A have-cue counts only this close before the figure (characters). */
const HAVE_WINDOW = 120;
const RANGE_AFTER = /^\s*(?:[-–]|den|toi)\s*\d/u;
const RANGE_BEFORE = /(?:tu|\d\s*[-–])\s*$/u;

function moneyValue(value: number, unitText: string, target: 'billion' | 'million'): number {
  const unit = unitText.trim();
  const scale = unit.startsWith('nghin ty') || unit.startsWith('ngan ty') ? 1e12 : unit.startsWith('ty') || unit.startsWith('ti') ? 1e9 : unit.startsWith('trieu') ? 1e6 : 1e3;
  const result = (value * scale) / (target === 'billion' ? 1e9 : 1e6);
  return Math.round(result * 1e6) / 1e6;
}

/** The province a clause names before its figure (`Hà Tĩnh có 753 HTX`), else the report's. */
function provinceOfClause(ctx: DocContext, from: number, to: number): string | null {
  let found: string | null = null;
  for (const m of ctx.provinceMentions) {
    if (m.start >= to) break;
    if (m.start >= from) found = m.province;
  }
  return found ?? ctx.province;
}

/** A whole-word search of the text from its start. */
function testFrom(words: WordScanner, text: string): boolean {
  words.lastIndex = 0;
  return words.test(text);
}

/** Whether the clause counts new units (`thành lập mới`) and no stock cue follows the last such cue. */
function followsNewCue(clause: string): boolean {
  const news = allMatches(newCue, clause);
  const lastNew = news[news.length - 1];
  return lastNew !== undefined && !testFrom(stockCue, clause.slice(lastNew.index + lastNew[0].length));
}

/**
 * The rules whose unit follows the figure (`rest`, or `countRest` past a multiplier), in
 * rule order, with the unit's match. This anchored test is cheap: only the rules that pass
 * it go on to the tests of the words before the figure, which scan the whole clause.
 */
function rulesWithUnitAfter(rest: string, countRest: string): { rule: CompiledRule; afterMatch: RegExpExecArray }[] {
  const fitting: { rule: CompiledRule; afterMatch: RegExpExecArray }[] = [];
  // most figures (years, percentages, sums) are followed by no unit a rule knows: only the rules
  // whose unit may be left out (`HTX nông nghiệp: 180`) are tried on them
  const unitWord = /^\s*\(?\s*([a-z]+)/u.exec(countRest)?.[1];
  const known = unitWord !== undefined && UNIT_WORDS.has(unitWord);
  for (const rule of known ? rules : looseRules) {
    const afterMatch = rule.afterRe.exec(rule.money ? rest : countRest);
    if (afterMatch) fitting.push({ rule, afterMatch });
  }
  return fitting;
}

/**
 * Whether a breakdown (`trong đó …`) splits a total of several kinds (`424 tổ hợp tác, HTX, liên hiệp
 * HTX. Trong đó có 274 tổ hợp tác …`): then each kind's figure is that kind's own total.
 */
function breaksDownMixed(found: Statistic[], metric: string, s: Span, sentences: Span[]): boolean {
  const index = sentences.indexOf(s);
  const since = (sentences[Math.max(0, index - 1)] as Span).start;
  const last = [...found].reverse().find((x) => x.evidence.start >= since);
  return last?.metric === 'collective_organizations_total' && metric !== last.metric;
}

/**
 * Whether a count at the end of `prefix` sits in a breakdown (`…, trong đó có …`) that nothing set
 * beside it has ended. In the breakdown's own clause every count is a part; past a semicolon
 * (`…, trong đó có 223 HTX nông nghiệp; 34 HTX công nghiệp`) only a count of the kind broken down
 * is (`…; 1.215 tổ hợp tác` is not a part of the cooperatives).
 */
function inCountBreakdown(prefix: string, clauseAt: number, metric: string, found: Statistic[], sentenceStart: number): boolean {
  const cues = allMatches(breakdown, prefix);
  const last = cues[cues.length - 1];
  if (last === undefined || BESIDE.test(prefix.slice(last.index + last[0].length))) return false;
  if (last.index >= clauseAt) return true;
  const total = [...found].reverse().find((x) => x.evidence.start === sentenceStart);
  return total?.metric === metric;
}

/** Whether the clause aims at a year later than the report's (`đến năm 2021`, in a report of 2016). */
function isTarget(clause: string, referenceYear: number | undefined): boolean {
  if (referenceYear === undefined) return false;
  for (const m of allMatches(BY_YEAR, clause)) if (Number(m[1]) > referenceYear) return true;
  return false;
}

/** The sector a part's share belongs to, from the sentence before or its own clause (`ở lĩnh vực nông – lâm nghiệp. … 503 HTX, chiếm 58,6%`). */
function sectorOf(ctx: DocContext, sentences: Span[], s: Span, clause: string): Statistic['metric'] | undefined {
  const index = sentences.indexOf(s);
  const previous = sentences[index - 1];
  const scope = `${previous ? ctx.shadow.slice(previous.start, previous.end) : ''} ${clause}`;
  return sectorCues.find((c) => testFrom(c.re, scope))?.metric;
}

/**
 * Statistics stated in the sentences, for the report's province. `referenceYear` is the report's
 * year (its event's or its page's), against which a target year is told from a past one.
 */
export function findStatistics(ctx: DocContext, sentences: Span[], referenceYear?: number): Statistic[] {
  const { shadow, text } = ctx;
  const out: Statistic[] = [];
  const seen = new Set<string>();
  const clauseMetrics = new Set<string>();
  for (const s of sentences) {
    const sentence = shadow.slice(s.start, s.end);
    // a target cue (`phấn đấu`, `sẽ`) ends the figures of a sentence that are facts
    targetCue.lastIndex = 0;
    const target = targetCue.exec(ctx.lower.slice(s.start, s.end));
    const targetEnd = target ? target.index + target[0].length : Infinity;
    NUMBER.lastIndex = 0;
    for (let m = NUMBER.exec(sentence); m; m = NUMBER.exec(sentence)) {
      const at = m.index;
      if (at >= targetEnd) break;
      const prefix = sentence.slice(0, at);
      const lowerPrefix = ctx.lower.slice(s.start, s.start + at);
      const clause = prefix.slice(clauseStart(prefix, at));
      const rest = sentence.slice(at + m[0].length);
      if (RANGE_AFTER.test(rest) || RANGE_BEFORE.test(prefix)) continue;
      const value = parseVietnameseNumber(m[0]);
      if (value === null) continue;
      const mult = multiplierAfter.exec(rest);
      const countRest = mult ? rest.slice(mult[0].length) : rest;
      const fitting = rulesWithUnitAfter(rest, countRest);
      if (fitting.length === 0) continue;
      let qualifier: Qualifier = 'exact';
      let before = prefix;
      const over = overBefore.exec(before);
      const about = aboutBefore.exec(before);
      if (about) {
        qualifier = 'about';
        before = before.slice(0, about.index);
      } else if (over) {
        qualifier = 'over';
        before = before.slice(0, over.index);
      }
      // what the clause says around the figure, each read the first time a rule asks
      let blocked: boolean | undefined;
      let hasHave: boolean | undefined;
      let newEarlier: boolean | undefined;
      let inBreakdown: boolean | undefined;
      let below: boolean | undefined;
      // what the clause says about whose the figure is, each read the first time a rule that fits asks
      let national: boolean | undefined;
      let selection: boolean | undefined;
      let average: boolean | undefined;
      let owner: string | undefined | null = null;
      let target: boolean | undefined;
      let share: boolean | undefined;
      for (const fit of fitting) {
        let { rule } = fit;
        const { afterMatch } = fit;
        if (rule.beforeRe && !rule.beforeRe.test(before)) continue;
        if (!rule.beforeRe && (blocked ??= blocker.test(before) || /:\s*$/u.test(before))) continue;
        if (rule.needsHave && !(hasHave ??= testFrom(haveCue, lowerPrefix.slice(-HAVE_WINDOW)))) continue;
        // the figure is this rule's; whose it is decides whether it is the province's: the whole
        // country's, a selection's, an average or a plan for a later year is none
        if ((national ??= testFrom(nationalCue, clause)) || (target ??= isTarget(clause, referenceYear))) break;
        const wholeProvince = /toan (?:tinh|thanh pho)/u.test(afterMatch[0]);
        if (COUNT_METRICS.has(rule.metric) && !wholeProvince) {
          if ((average ??= testFrom(averageCue, clause))) break;
          if (!rule.metric.endsWith('_new') && (selection ??= testFrom(selectionCue, ctx.lower.slice(s.start + at - clause.length, s.start + at)))) break;
        }
        if (rule.money && moneyBlocker.test(before)) break;
        if (owner === null) owner = attachedUnit(clause);
        if ((rule.metric === 'cooperatives_total' || rule.metric === 'collective_organizations_total') && ((share ??= SHARE_AFTER.test(rest)) || testFrom(subsetCue, clause.slice(-40)))) {
          // a part of the total: a sector's when the text names the sector, else no statistic
          const sector = share ? sectorOf(ctx, sentences, s, clause) : undefined;
          const sectorRule = sector ? rules.find((r) => r.metric === sector) : undefined;
          if (!sectorRule) break;
          rule = sectorRule;
        }
        // members, workers and capital attached to cooperative groups (`… THT với 164.787 thành viên`) are not the province's
        if (OWNED_METRICS.has(rule.metric) && (owner === 'to hop tac' || owner === 'tht')) break;
        if (rule.metric === 'members_total' && ALLIANCE_HAS.test(before)) break;
        if ((below ??= isBelowProvince(ctx, s.start, s.start + at))) break;
        const isNew = rule.metric.endsWith('_new');
        if (!isNew && (newEarlier ??= followsNewCue(clause))) break;
        // members, workers and capital in a breakdown describe the whole (`…, trong đó …, thu hút 105 nghìn thành viên`),
        // unless `với` attaches them to a part (`trong đó 300 HTX nông nghiệp với 20.000 thành viên`)
        const broken = COUNT_METRICS.has(rule.metric)
          ? inCountBreakdown(prefix, clauseStart(prefix, at), rule.metric, out, s.start)
          : OWNED_METRICS.has(rule.metric)
            ? owner !== undefined && testFrom(breakdown, clause)
            : testFrom(breakdown, clause);
        if (!rule.typed && !isNew && (inBreakdown ??= broken) && !breaksDownMixed(out, rule.metric, s, sentences)) break;
        // a second figure of the same metric in one clause counts part of the first (`215 HTX và 06 HTX thành lập doanh nghiệp`)
        const clauseKey = `${s.start + clauseStart(prefix, at)}|${rule.metric}`;
        if (clauseMetrics.has(clauseKey)) break;
        clauseMetrics.add(clauseKey);
        let final = value;
        if (rule.money) final = moneyValue(value, afterMatch[0], rule.money);
        else if (mult?.[1]) {
          final = value * (multiplierValue.get(mult[1]) ?? 1);
          if (qualifier === 'exact' && !Number.isInteger(value)) qualifier = 'about';
        }
        if (!rule.money && !Number.isInteger(final)) break;
        const province = provinceOfClause(ctx, s.start + at - clause.length, s.start + at);
        const key = `${rule.metric}@${final}@${province}`;
        if (!seen.has(key)) {
          seen.add(key);
          out.push({ metric: rule.metric, value: final, unit: rule.unit, province, qualifier, evidence: { start: s.start, end: s.end, text: text.slice(s.start, s.end) } });
        }
        break;
      }
    }
  }
  return out;
}
