import type { DocContext, OrgMention, ProvinceMention } from './context.ts';
import { findProvinceNear, levelWordOf } from './context.ts';
import { readLevel } from './level.ts';

/**
 * Cooperative alliances: `Liên minh HTX tỉnh`, `Liên minh Hợp tác xã (HTX) tỉnh X`,
 * `Liên minh HTX X`, `Liên minh HTX hai tỉnh X và Y`, `Liên minh HTX Việt Nam`.
 * Bare `tỉnh` (or no level at all) is the report's province; `các tỉnh` is no one.
 */

const HEAD = /(?<![\p{L}\p{N}])(?:lien minh\s+(?:hop tac xa|htx)|(?:lien minh\s+)?lmhtx)(?:\s*\((?:htx|lmhtx)\))?(?![\p{L}\p{N}])/gu;
const NATIONAL = /^\s+(?:viet nam|vn)(?![\p{L}\p{N}])/u;
const PAIR = /^\s+hai\s+(?:tinh|thanh pho)(?![\p{L}\p{N}])/u;
const GENERIC = /^\s+(?:cac|nhung|moi)(?![\p{L}\p{N}])/u;
/** `Liên minh HTX các tỉnh: A, B và C` (a stray word may come first): the list of provinces whose alliances they are. */
const PROVINCE_LIST = /^(?:\s+[a-z]+)?\s+(?:cac|nhung|\d+)\s+(?:tinh|thanh pho|tinh, thanh pho|dia phuong)(?:[^.;:]{0,60}?\s(?:gom|la)\s+(?:\d+\s+)?(?:tinh|thanh pho)(?:,\s*thanh pho)?)?\s*:?\s*/u;
/** What joins the provinces of a list: a comma or `và`. */
const LIST_JOIN = /^(?:\s*,\s*|\s+va\s+|\s*,\s*va\s+)$/u;
export const NATIONAL_ALLIANCE = 'Liên minh Hợp tác xã Việt Nam';

/** The canonical name of a provincial alliance (or of an alliance of unknown province). */
export function allianceName(ctx: DocContext, province: string | null, written = 'tỉnh'): string {
  return province === null ? `Liên minh Hợp tác xã ${written}` : `Liên minh Hợp tác xã ${levelWordOf(ctx, province, written)} ${province}`;
}

/** The alliances of the provinces listed from `first` on (`A, B và C`), the first spanning from the head at `start`. */
function listOf(ctx: DocContext, first: ProvinceMention, start: number): OrgMention[] {
  const out: OrgMention[] = [{ type: 'Alliance', name: allianceName(ctx, first.province), province: first.province, start, end: first.end }];
  let last = first;
  for (const p of ctx.provinceMentions) {
    if (p.start < last.end) continue;
    if (!LIST_JOIN.test(ctx.shadow.slice(last.end, p.start))) break;
    out.push({ type: 'Alliance', name: allianceName(ctx, p.province), province: p.province, start: p.start, end: p.end });
    last = p;
  }
  return out;
}

/** Every alliance mention, resolved. */
export function findAlliances(ctx: DocContext): OrgMention[] {
  const out: OrgMention[] = [];
  HEAD.lastIndex = 0;
  for (let m = HEAD.exec(ctx.shadow); m; m = HEAD.exec(ctx.shadow)) {
    const start = m.index;
    const end = start + m[0].length;
    const rest = ctx.shadow.slice(end, end + 24);
    const national = NATIONAL.exec(rest);
    if (national) {
      out.push({ type: 'Alliance', name: NATIONAL_ALLIANCE, province: null, start, end: end + national[0].length });
      continue;
    }
    const listed = PROVINCE_LIST.exec(ctx.shadow.slice(end, end + 40));
    if (listed) {
      const first = findProvinceNear(ctx, end + listed[0].length, 1);
      if (first) out.push(...listOf(ctx, first, start));
      continue;
    }
    if (GENERIC.test(rest)) continue;
    const pair = PAIR.exec(rest);
    if (pair) {
      const first = findProvinceNear(ctx, end + pair[0].length, 2);
      const second = first ? findProvinceNear(ctx, first.end, 6) : undefined;
      if (first && second) {
        out.push({ type: 'Alliance', name: allianceName(ctx, first.province), province: first.province, start, end: first.end });
        out.push({ type: 'Alliance', name: allianceName(ctx, second.province), province: second.province, start: second.start, end: second.end });
      }
      continue;
    }
    const reading = readLevel(ctx, end);
    if (reading) {
      out.push({ type: 'Alliance', name: allianceName(ctx, reading.province, reading.level), province: reading.province, start, end: reading.end, ...(reading.explicit ? {} : { implied: true }) });
      // `Liên minh HTX tỉnh Hậu Giang, An Giang và Quảng Ngãi`: one alliance per province listed
      const named = reading.explicit ? ctx.provinceMentions.find((p) => p.end === reading.end) : undefined;
      if (named) out.push(...listOf(ctx, named, start).slice(1));
      continue;
    }
    if (ctx.province !== null) out.push({ type: 'Alliance', name: allianceName(ctx, ctx.province), province: ctx.province, start, end, implied: true });
  }
  return out;
}
