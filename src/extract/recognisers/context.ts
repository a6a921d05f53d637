/**
 * What every recogniser needs to know about one report: its normalised text,
 * the same-length folded shadow, the report's province and where provinces are
 * named in the text.
 */

export type ProvinceMention = { province: string; start: number; end: number; prefixed: boolean };

export type DocContext = {
  text: string;
  shadow: string;
  /** The text in lower case (same length): for word lists where diacritics matter. */
  lower: string;
  /** The report's province (canonical), or null when the report never says. */
  province: string | null;
  /** Province names in the text, sorted by start. */
  provinceMentions: ProvinceMention[];
  /** Whether a canonical province is a centrally-run city (thành phố), not a tỉnh. */
  isCity(province: string): boolean;
};

export type OrgType = 'Alliance' | 'Agency' | 'Cooperative';

/** An organisation named in the text, already resolved to its canonical name and province. */
export type OrgMention = {
  type: OrgType;
  name: string;
  province: string | null;
  start: number;
  end: number;
  /** The province was not written with the name but taken from the report (bare `tỉnh`, or no level at all). */
  implied?: boolean;
};

/** The province mention that starts within `slack` characters after `pos`, if any. */
export function findProvinceNear(ctx: DocContext, pos: number, slack: number): ProvinceMention | undefined {
  for (const m of ctx.provinceMentions) {
    if (m.start > pos + slack) break;
    if (m.start >= pos && m.end > pos) return m;
  }
  return undefined;
}

/** The level word a canonical name takes for a province: `tỉnh`, or `thành phố` for a city. */
export function levelWordOf(ctx: DocContext, province: string | null, written: string): string {
  if (province === null) return written;
  return ctx.isCity(province) ? 'thành phố' : 'tỉnh';
}
