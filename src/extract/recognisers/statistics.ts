import type { Span, Statistic } from '../record/schema.ts';
import type { DocContext } from './context.ts';
import type { MetricRule } from '../lexicon.ts';
import { cues, metrics } from '../lexicon.ts';
import { allMatches, compilePattern, compileWords, compileWordsAtEnd } from '../text/patterns.ts';
import type { WordScanner } from '../text/word-scanner.ts';
import { NUMBER_SOURCE, parseVietnameseNumber } from '../text/numbers.ts';
import { stripMarks } from '../text/fold.ts';

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
const NUMBER = new RegExp(`(?<![\\d.,/])(?:${NUMBER_SOURCE})(?![\\d/]|[.,]\\d|\\s*%)`, 'g');
const haveCue = compileWords(metrics.haveCues);
const targetCue = compileWords(cues.targetCues);
const breakdown = compileWords(cues.breakdownCues);
const newCue = compilePattern(metrics.newCues, 'gu');
const stockCue = compileWords(metrics.stockCues);
const blocker = compileWordsAtEnd(metrics.blockersBefore);
const overBefore = compileWordsAtEnd(metrics.qualifiers.over);
const aboutBefore = compileWordsAtEnd(metrics.qualifiers.about);
const multiplierAfter = new RegExp(`^\\s+(${Object.keys(metrics.multipliers).map(stripMarks).join('|')})(?![\\p{L}])`, 'u');
const multiplierValue = new Map(Object.entries(metrics.multipliers).map(([k, v]) => [stripMarks(k), v]));
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
  for (const rule of rules) {
    const afterMatch = rule.afterRe.exec(rule.money ? rest : countRest);
    if (afterMatch) fitting.push({ rule, afterMatch });
  }
  return fitting;
}

/** Statistics stated in the sentences, for the report's province. */
export function findStatistics(ctx: DocContext, sentences: Span[]): Statistic[] {
  const { shadow, text } = ctx;
  const out: Statistic[] = [];
  const seen = new Set<string>();
  for (const s of sentences) {
    const sentence = shadow.slice(s.start, s.end);
    NUMBER.lastIndex = 0;
    for (let m = NUMBER.exec(sentence); m; m = NUMBER.exec(sentence)) {
      const at = m.index;
      const prefix = sentence.slice(0, at);
      targetCue.lastIndex = 0;
      if (targetCue.test(prefix)) break;
      const clause = prefix.slice(prefix.lastIndexOf(';') + 1);
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
      for (const { rule, afterMatch } of fitting) {
        if (rule.beforeRe && !rule.beforeRe.test(before)) continue;
        if (!rule.beforeRe && (blocked ??= blocker.test(before) || /:\s*$/u.test(before))) continue;
        if (rule.needsHave && !(hasHave ??= testFrom(haveCue, prefix.slice(-HAVE_WINDOW)))) continue;
        const isNew = rule.metric.endsWith('_new');
        if (!isNew && (newEarlier ??= followsNewCue(clause))) break;
        if (!rule.typed && !isNew && (inBreakdown ??= testFrom(breakdown, clause))) break;
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
