import { MERGER_DATE, gazetteer, outletKey } from './gazetteer.ts';
import { tokenize } from './province-tokens.ts';
import type { ProvinceInfo } from './gazetteer.ts';
import { listProvincesNamedIn } from './province-mentions.ts';
export { listProvincesNamedIn } from './province-mentions.ts';

/**
 * The gazetteer of Vietnam's provincial-level units: the 63 before the 2025 merger,
 * the 34 after, their spellings, outlets and web hosts (all in `data/provinces.json`).
 * Pure: nothing here does I/O beyond importing that file.
 */

export { MERGER_DATE } from './gazetteer.ts';
export type { ProvinceEra, ProvinceInfo, ProvinceType } from './gazetteer.ts';
export { findProvinceMentions } from './province-mentions.ts';
export type { ProvinceMention } from './province-mentions.ts';
export { canonicalToneMarks } from '../text/tone-marks.ts';

/** Which units to list: those before 1 Jul 2025 (63), after it (34), or all 63 names. */
export type ProvinceListing = 'all' | 'pre-merger' | 'post-merger';

/** The units, in data-file order; `post-merger` gives the 34, `pre-merger` and `all` the 63. */
export function listProvinces(listing: ProvinceListing = 'all'): ProvinceInfo[] {
  switch (listing) {
    case 'all':
    case 'pre-merger':
      return gazetteer.provinces.filter((unit) => unit.era !== 'post-merger' || listing === 'all');
    case 'post-merger':
      return gazetteer.provinces.filter((unit) => unit.era !== 'pre-merger');
    default: {
      const unknown: never = listing;
      throw new Error(`unknown listing ${String(unknown)}`);
    }
  }
}

/** Index of the first word after any leading `tỉnh`/`thành phố`/`TP` words. */
function skipPrefixes(keys: string[], prefixes: string[][]): number {
  let at = 0;
  for (let again = true; again; ) {
    again = false;
    for (const prefix of prefixes) {
      if (prefix.length > 0 && prefix.length < keys.length - at && prefix.every((key, i) => keys[at + i] === key)) {
        at += prefix.length;
        again = true;
      }
    }
  }
  return at;
}

function lookUp(keys: string[], folded: boolean): string | null {
  let node = folded ? gazetteer.tries.folded : gazetteer.tries.canonical;
  for (const key of keys) {
    const next = node.next.get(key);
    if (next === undefined) return null;
    node = next;
  }
  return node.hit?.province ?? null;
}

/** Words that mark an old unit in post-merger texts: `Bạc Liêu (cũ)`. */
const FORMER_MARK = /\s*\((?:cũ|cu)\)\s*$/iu;

/**
 * The canonical name for any spelling of a province, with or without a prefix:
 * `tỉnh Hoà Bình`, `hoa binh`, `TP. Hồ Chí Minh`, `TP.HCM`, `Thừa Thiên - Huế` →
 * `Hòa Bình`, `Hòa Bình`, `Hồ Chí Minh`, `Hồ Chí Minh`, `Huế`. Null when it names no province.
 */
export function canonicalProvince(name: string): string | null {
  const trimmed = name.normalize('NFC').replace(FORMER_MARK, '');
  for (const folded of [false, true]) {
    const keys = tokenize(trimmed, folded).map((token) => token.key);
    const whole = lookUp(keys, folded);
    if (whole !== null) return whole;
    const prefixes = folded ? gazetteer.prefixes.folded : gazetteer.prefixes.canonical;
    const at = skipPrefixes(keys, prefixes);
    const rest = at > 0 && at < keys.length ? lookUp(keys.slice(at), folded) : null;
    if (rest !== null) return rest;
  }
  return null;
}

function hostOf(url: string): string | null {
  const trimmed = url.trim();
  for (const candidate of [trimmed, `http://${trimmed}`]) {
    try {
      const host = new URL(candidate).hostname.toLowerCase();
      if (host.includes('.')) return host.replace(/^www\d*\./, '').replace(/\.$/, '');
    } catch {
      // not a URL in this form; try the next
    }
  }
  return null;
}

/** Labels of a host that are about the kind of site, never its place. */
const GENERIC_LABELS = new Set(['vn', 'com', 'net', 'org', 'gov', 'edu', 'info', 'www', 'm', 'amp', 'news', 'tintuc', 'baomoi', 'vietnam']);

/**
 * The province a host label names in the gazetteer's own spelling for hosts, folded and joined:
 * `lmhtxdaknong` and `baodaknong` name Đắk Nông, `hochiminhcity` Hồ Chí Minh. The longest form
 * inside the label wins; a form of three letters (`hue`) counts only where the label starts or ends.
 */
function provinceInLabel(label: string): string | null {
  let best: { form: string; province: string } | null = null;
  for (let start = 0; start < label.length; start++) {
    for (let end = label.length; end - start >= 3 && (best === null || end - start > best.form.length); end--) {
      const form = label.slice(start, end);
      const province = gazetteer.hostForms.get(form);
      if (province === undefined) continue;
      if (form.length === 3 && start !== 0 && end !== label.length) continue;
      best = { form, province };
      break;
    }
  }
  return best?.province ?? null;
}

/**
 * The province whose outlet or portal serves a URL: by a host the gazetteer lists, or any parent
 * domain (`sonnptnt.phutho.gov.vn` → Phú Thọ); else by a province's name inside a label of the host
 * (`lmhtxdaknong.vn`, `lienminhhtxhaiphong.org.vn`, `baogialai.com.vn`, `caobang.gov.vn`'s
 * subdomains) or as the first folder of the path (`vietnam.vn/binhphuoc/…`). Null for national and
 * unknown sites, or when the host names two provinces.
 */
export function provinceFromUrl(url: string): string | null {
  const host = hostOf(url);
  if (host === null) return null;
  const labels = host.split('.');
  for (let i = 0; i + 1 < labels.length; i++) {
    const province = gazetteer.hosts.get(labels.slice(i).join('.'));
    if (province !== undefined) return province;
  }
  const named = new Set<string>();
  for (const label of labels) {
    if (GENERIC_LABELS.has(label)) continue;
    const province = provinceInLabel(label.replace(/[^a-z]/g, ''));
    if (province !== null) named.add(province);
  }
  if (named.size === 1) return [...named][0] ?? null;
  if (named.size > 1) return null;
  const folder = /^[a-z]+:\/\/[^/]+\/([a-z-]+)\//i.exec(url.trim())?.[1]?.toLowerCase().replace(/-/g, '');
  return folder ? (gazetteer.hostForms.get(folder) ?? null) : null;
}

/** provinceFromSource's answers by tag. */
const sourceProvinces = new Map<string, string | null>();

/**
 * The province an outlet tag or outlet name belongs to (`PhuthoPortal`, `Báo Hòa Bình`,
 * `Cổng TTĐT tỉnh An Giang`), case- and accent-insensitive; null when the tag names
 * no province or more than one.
 */
export function provinceFromSource(tag: string): string | null {
  let province = sourceProvinces.get(tag);
  if (province === undefined) {
    const known = gazetteer.outlets.get(outletKey(tag));
    const named = known === undefined ? listProvincesNamedIn(tag.normalize('NFC')) : [];
    province = known !== undefined ? known : named.length === 1 ? (named[0] ?? null) : null;
    // outlets recur from report to report; the memo is emptied now and then so it stays small
    if (sourceProvinces.size >= 1000) sourceProvinces.clear();
    sourceProvinces.set(tag, province);
  }
  return province;
}

/**
 * The post-2025 unit that a unit belongs to from 1 Jul 2025 — itself when it was not
 * merged away (`Hòa Bình` → `Phú Thọ`, `Phú Thọ` → `Phú Thọ`); null for an unknown name.
 */
export function mergerTarget(name: string): string | null {
  const canonical = canonicalProvince(name);
  if (canonical === null) return null;
  return gazetteer.byName.get(canonical)?.mergedInto ?? canonical;
}

/** True when the named unit still exists after 1 Jul 2025 (one of the 34). */
export function isPostMerger(name: string): boolean {
  const canonical = canonicalProvince(name);
  return canonical !== null && gazetteer.byName.get(canonical)?.era !== 'pre-merger';
}

/**
 * The unit a province name denotes on a date (`YYYY-MM-DD`, or a shorter `YYYY`/`YYYY-MM`):
 * before 1 Jul 2025 the old unit, from then on the merged one. Null for an unknown name.
 */
export function resolveProvinceAt(name: string, date: string): string | null {
  return date >= MERGER_DATE ? mergerTarget(name) : canonicalProvince(name);
}
