import { fold } from '../extract/text/fold.ts';
import { listProvinces, listProvincesNamedIn } from '../extract/places/provinces.ts';

/**
 * The name a reader would write for a node (README "Graph model", names). Reports say
 * `Ủy ban nhân dân tỉnh` and `Sở Kế hoạch và Đầu tư` because their province is plain from the
 * page; in a graph of all provinces those short forms would name thirteen different bodies
 * alike. The full name completes a provincial body with its province, and tells an event or an
 * award apart from its namesakes by where and when it was. The short form the report used stays
 * on the node as `shortName`; keys never depend on either (`keys.ts`).
 */

export type NameParts = {
  type: string;
  /** The canonical short form (`Entity.name` of the record). */
  name: string;
  /** Canonical province of the node, null when national or unknown. */
  province: string | null;
  /** An event's or an award's day (`YYYY-MM-DD`), when known. */
  date: string | null;
  /** The title of the report a node belongs to alone (its province unknown), else null. */
  report?: string | null;
};

/** `tỉnh` or `thành phố` for each province, by canonical name. */
const PREFIX = new Map(listProvinces('all').map((p) => [p.name, p.type]));

/** Short forms whose last words ask for the province's name: `… tỉnh`, `Tỉnh ủy`, `Thành ủy`, `… thành phố`. */
const ENDS_IN_PREFIX = /(?:^| )(?:tinh|thanh pho|tinh uy|thanh uy)$/u;

/**
 * The full name of a node. Provincial bodies gain their province; meetings and awards their
 * province and day in brackets; a node known from one report only (its province unknown) names
 * that report: `Sở Kế hoạch và Đầu tư (theo bài «Hội nghị giao ban…»)`. People and cooperatives
 * keep their own names: that is how a reader writes them, and their province is a field of its own.
 */
export function fullName(parts: NameParts): string {
  const dated = parts.type === 'Meeting' || parts.type === 'Award';
  const name = dated || parts.type === 'Agency' || parts.type === 'Alliance' ? withProvince(parts.name, parts.province, !dated) : parts.name;
  const notes: string[] = [];
  if (dated && parts.province !== null && !namesAProvince(name)) notes.push(parts.province);
  if (dated && parts.date) notes.push(dayOf(parts.date));
  if (parts.report) notes.push(`theo bài «${shortTitle(parts.report)}»`);
  return notes.length > 0 ? `${name} (${notes.join(', ')})` : name;
}

/** A report's title cut at a word after at most 48 characters. */
function shortTitle(title: string): string {
  const trimmed = title.replace(/…$/u, '').trim();
  if (trimmed.length <= 48) return trimmed;
  const cut = trimmed.slice(0, 48);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 24)).replace(/[\s,;:–-]+$/u, '')}…`;
}

/**
 * A provincial body's name with its province: `Ủy ban nhân dân tỉnh` → `… tỉnh Đắk Nông`,
 * `Sở Công Thương` → `Sở Công Thương tỉnh Đắk Nông`, `Thành ủy` → `Thành ủy Hải Phòng`, a bank's
 * `- Chi nhánh` → `- Chi nhánh tỉnh Bắc Kạn`.
 * `always` false: only a name that ends asking for it is completed (an award's or event's name).
 */
function withProvince(name: string, province: string | null, always = true): string {
  if (province === null || namesAProvince(name)) return name;
  const folded = fold(name);
  if (ENDS_IN_PREFIX.test(folded)) return `${name} ${province}`;
  if (!always) return name;
  return `${name} ${PREFIX.get(province) ?? 'tỉnh'} ${province}`;
}

/** `2024-03-12` → `12/03/2024`, as Vietnamese is written. */
function dayOf(date: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date);
  return day ? `${day[3]}/${day[2]}/${day[1]}` : date;
}

function namesAProvince(name: string): boolean {
  return listProvincesNamedIn(name).length > 0;
}
