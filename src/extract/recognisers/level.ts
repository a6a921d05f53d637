import type { DocContext } from './context.ts';
import { findProvinceNear } from './context.ts';

/**
 * Reads what follows an organisation's head noun: a level word (`tỉnh`,
 * `thành phố`, `TP.`) optionally followed by a province name, or a province name
 * alone. Bare `tỉnh` means the report's own province; `thành phố` without a name
 * counts only when the report's province is a centrally-run city (otherwise it is a
 * district-level town).
 */

export type LevelReading = { end: number; province: string | null; level: string; explicit: boolean };

const LEVEL = /^\s+(?:cua\s+)?(tinh|thanh pho|tp\.?)(?![\p{L}\p{N}])/u;

/** The level and province after `pos`, or null when neither follows. */
export function readLevel(ctx: DocContext, pos: number): LevelReading | null {
  const rest = ctx.shadow.slice(pos, pos + 40);
  const m = LEVEL.exec(rest);
  if (m) {
    const level = m[1] === 'tinh' ? 'tỉnh' : 'thành phố';
    const afterLevel = pos + m[0].length;
    const named = findProvinceNear(ctx, pos, m[0].length + 2);
    if (named && named.start <= afterLevel + 1) {
      if (level === 'thành phố' && !ctx.isCity(named.province)) return null;
      return { end: named.end, province: named.province, level, explicit: true };
    }
    if (/^\s*[\p{Lu}]/u.test(ctx.text.slice(afterLevel, afterLevel + 3)) && level === 'thành phố') return null;
    if (level === 'thành phố' && (ctx.province === null || !ctx.isCity(ctx.province))) return null;
    return { end: afterLevel, province: ctx.province, level, explicit: false };
  }
  const named = findProvinceNear(ctx, pos, 1);
  if (named && /^\s?$/.test(ctx.text.slice(pos, named.start))) {
    return { end: named.end, province: named.province, level: ctx.isCity(named.province) ? 'thành phố' : 'tỉnh', explicit: true };
  }
  return null;
}
