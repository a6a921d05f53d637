import { fold } from '../extract/text/fold.ts';
import type { Entity, ExtractionRecord } from '../extract/record/schema.ts';
import { canonicalProvince } from '../extract/places/provinces.ts';
import rules from './data/key-rules.json' with { type: 'json' };

/**
 * Entity resolution keys (README "Graph model"): one node per actor or event however the
 * reports spell it. Keys are built from folded text, so tone-mark placement, case,
 * punctuation, abbreviations and a leading `tỉnh` never split a node. Entities whose
 * province is unknown carry their report in the key and so never merge with anything.
 */

/** Where an entity belongs: a province (folded), the nation, or only its own report. */
export type Scope = { kind: 'province'; folded: string; name: string } | { kind: 'national' } | { kind: 'unknown' };

const ABBREVIATIONS = Object.entries(rules.abbreviations)
  .sort(([a], [b]) => b.length - a.length)
  .map(([short, long]) => ({ pattern: new RegExp(`(^| )${short}(?= |$)`, 'g'), long }));

/** The canonical display name of a province, falling back to the text given. */
export function canonicalProvinceName(name: string): string {
  return canonicalProvince(name) ?? stripProvincePrefix(name.trim());
}

/** The folded key part of a province name: `tỉnh Hoà Bình` and `Hòa Bình` both give `hoa binh`. */
export function foldProvince(name: string): string {
  return stripFoldedPrefix(fold(canonicalProvinceName(name)));
}

/** `province:<fold name>`. */
export function provinceKey(name: string): string {
  return `province:${foldProvince(name)}`;
}

/** `report:<url or file>`: a corrected report keeps its key because its address does. */
export function reportKey(document: Pick<ExtractionRecord['document'], 'file' | 'url'>): string {
  return `report:${document.url ?? document.file}`;
}

/** Folds a name and expands the abbreviations of the key rules (`HTX` → `hop tac xa`). */
export function foldName(name: string): string {
  let folded = fold(name);
  for (const { pattern, long } of ABBREVIATIONS) folded = folded.replace(pattern, `$1${long}`);
  return folded;
}

/** The scope of an entity that names its own province, or that must be national or unknown. */
export function scopeOf(entity: Pick<Entity, 'type' | 'name' | 'province'>, record: Pick<ExtractionRecord, 'province'>): Scope {
  if (entity.province) {
    const name = canonicalProvinceName(entity.province);
    return { kind: 'province', folded: foldProvince(name), name };
  }
  if (entity.type === 'Alliance') {
    const folded = foldName(entity.name);
    return rules.nationalAllianceSuffixes.some((s) => folded.endsWith(s)) ? { kind: 'national' } : { kind: 'unknown' };
  }
  if (record.province === null || isProvincialName(entity.name)) return { kind: 'unknown' };
  return { kind: 'national' };
}

/** True when a name only makes sense inside a province (`Sở …`, `… tỉnh`), so a null province means unknown, not national. */
export function isProvincialName(name: string): boolean {
  const folded = foldName(name);
  return (
    rules.provincialNameSuffixes.some((s) => folded === s || folded.endsWith(` ${s}`)) ||
    rules.provincialNamePrefixes.some((p) => folded === p || folded.startsWith(`${p} `))
  );
}

/** The key suffix of a scope: the folded province, `national`, or `?:<report key>`. */
export function scopePart(scope: Scope, report: string): string {
  switch (scope.kind) {
    case 'province':
      return scope.folded;
    case 'national':
      return 'national';
    case 'unknown':
      return `?:${report}`;
    default: {
      const never: never = scope;
      throw new Error(`unknown scope ${JSON.stringify(never)}`);
    }
  }
}

/** The folded name of an agency or cooperative without its province or a trailing `tỉnh`. */
export function foldLocalName(name: string, scope: Scope): string {
  let folded = foldName(name);
  if (scope.kind === 'province' && folded.endsWith(` ${scope.folded}`)) {
    folded = folded.slice(0, -(scope.folded.length + 1)).trim();
    folded = stripFoldedPrefixAtEnd(folded);
  }
  for (const suffix of rules.provincialNameSuffixes) {
    if (folded.endsWith(` ${suffix}`)) folded = folded.slice(0, -(suffix.length + 1));
  }
  return folded;
}

/** The folded kind of an award: its `kind`, else a known kind its name starts with, else its name. */
export function foldAwardKind(entity: Pick<Entity, 'kind' | 'name'>): string {
  if (entity.kind) return foldName(entity.kind);
  const folded = foldName(entity.name);
  return rules.awardKinds.find((k) => folded.startsWith(k)) ?? folded;
}

function stripProvincePrefix(name: string): string {
  const words = name.split(/\s+/);
  for (const prefix of rules.provincePrefixes) {
    const size = prefix.split(' ').length;
    if (words.length > size && fold(words.slice(0, size).join(' ')) === prefix) return words.slice(size).join(' ');
  }
  return name;
}

function stripFoldedPrefix(folded: string): string {
  for (const prefix of rules.provincePrefixes) {
    if (folded.startsWith(`${prefix} `)) return folded.slice(prefix.length + 1);
  }
  return folded;
}

function stripFoldedPrefixAtEnd(folded: string): string {
  for (const prefix of rules.provincePrefixes) {
    if (folded.endsWith(` ${prefix}`)) return folded.slice(0, -(prefix.length + 1));
  }
  return folded;
}
