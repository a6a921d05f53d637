import type { DocContext, OrgMention } from './context.ts';
import { canonicalName } from '../text/canonical.ts';
import cooperativesData from '../data/cooperatives.json' with { type: 'json' };
import { agencies } from '../lexicon.ts';
import { compileExactWordsAtStart, compileWordLists, compileWordsAtStart } from '../text/patterns.ts';
import { readLevel } from './level.ts';
import { z } from 'zod';

/**
 * Named cooperatives: a head (`HTX`, `Hợp tác xã`, `Quỹ tín dụng nhân dân`,
 * `Liên hiệp HTX`, `Tổ hợp tác`), optional type words in any case (`Dịch vụ Nông
 * nghiệp`, `SX-TM`), then a proper name that starts with a capital. Without a
 * proper name (`HTX nông nghiệp`, `các HTX`) it is a count, not an entity.
 */

const dataSchema = z.object({
  description: z.string(),
  heads: z.array(z.object({ name: z.string(), forms: z.array(z.string()).min(1) })),
  typeWords: z.array(z.string()),
  notNames: z.array(z.string()),
});
const parsed = dataSchema.safeParse(cooperativesData);
if (!parsed.success) throw new Error(`src/extract/data/cooperatives.json is invalid: ${z.prettifyError(parsed.error)}`);
const data = parsed.data;

const heads = data.heads;
/** The heads of every kind, searched in one pass. */
const HEADS = compileWordLists(heads.map((h) => h.forms));
const typeWordAtStart = compileWordsAtStart(data.typeWords.filter((w) => /\p{L}/u.test(w)));
const stopAtStart = compileExactWordsAtStart([...agencies.stopWords, 'huyện', 'xã', 'phường', 'thị xã', 'thị trấn', 'quận', 'tỉnh', 'thành phố', 'ấp', 'thôn', 'bản', 'tổ', 'năm', 'và', 'với']);
const HEAD_WORD = /^\s*(?:HTX|Hợp tác xã|Quỹ|QTD|Liên minh|Liên hiệp|Sở|UBND|Ủy ban|Hội|Ban|Tổ hợp tác|THT)(?![\p{L}])/u;
const notNames = new Set(data.notNames.map((n) => n.toLowerCase()));
const GENERIC_BEFORE = /(?:cac|nhung|moi|mot so|so|lien minh|ho tro phat trien|quy ho tro)\s+$/u;

type Token = { start: number; end: number; word: string };

/** The words after `pos` separated by single spaces only: any punctuation ends the run. */
function readTokens(text: string, pos: number, max: number): Token[] {
  const tokens: Token[] = [];
  const re = / ([\p{L}\p{N}][\p{L}\p{N}'’]*)/uy;
  re.lastIndex = pos;
  for (let m = re.exec(text); m?.[1] && tokens.length < max; m = re.exec(text)) {
    tokens.push({ start: m.index + 1, end: m.index + m[0].length, word: m[1] });
  }
  return tokens;
}

/** The end of the proper name that starts at `pos` (or `pos` when none starts there). */
function readProperName(ctx: DocContext, pos: number): number {
  const tokens = readTokens(ctx.text, pos, 10);
  const isCapital = (t: Token): boolean => /^[\p{Lu}\p{N}]/u.test(t.word);
  const isHead = (t: Token): boolean => HEAD_WORD.test(ctx.text.slice(t.start, t.start + 14));
  let end = pos;
  let proper = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (isCapital(t)) {
      if (isHead(t)) break;
      end = t.end;
      proper++;
      continue;
    }
    if (proper === 0 || stopAtStart.test(ctx.lower.slice(t.start - 1, t.start + 20))) break;
    const next = tokens[i + 1];
    if (!next || !isCapital(next) || isHead(next)) break;
  }
  return end;
}

/** Every named cooperative in the report. */
export function findCooperatives(ctx: DocContext): OrgMention[] {
  const out: OrgMention[] = [];
  const found = HEADS.matchEach(ctx.shadow);
  for (const [i, head] of heads.entries()) {
    for (const m of found[i] ?? []) {
      const start = m.index;
      if (GENERIC_BEFORE.test(ctx.shadow.slice(Math.max(0, start - 22), start))) continue;
      let pos = start + m[0].length;
      for (;;) {
        const t = typeWordAtStart.exec(ctx.shadow.slice(pos, pos + 40));
        const dash = /^\s*[-–]\s*/u.exec(ctx.text.slice(pos, pos + 4));
        const abbreviation = /^\s+(?:NN|DV|DVNN|TM|SX|KD|TTCN|DVTH|NNDV|DVTM|SXKD|SX-KD|SX-TM|TM-DV)(?![\p{L}\p{N}])/u.exec(ctx.text.slice(pos, pos + 10));
        const step = t?.[0] ?? abbreviation?.[0] ?? (dash && dash[0].length > 0 && pos > start + m[0].length ? dash[0] : undefined);
        if (!step) break;
        pos += step.length;
      }
      const nameEnd = readProperName(ctx, pos);
      if (nameEnd === pos) continue;
      const proper = ctx.text.slice(pos, nameEnd).trim();
      if (notNames.has(proper.toLowerCase()) || /^\d+$/.test(proper)) continue;
      const surface = ctx.text.slice(start + m[0].length, nameEnd).trim();
      const reading = readLevel(ctx, nameEnd);
      const province = reading?.explicit ? reading.province : ctx.province;
      out.push({ type: 'Cooperative', name: canonicalName(`${head.name} ${surface}`), province, start, end: nameEnd });
    }
  }
  return out;
}
