import { z } from 'zod';
import raw from '../data/provinces.json' with { type: 'json' };
import { fold } from '../text/fold.ts';
import { canonicalToneMarks } from '../text/tone-marks.ts';
import { tokenize } from './province-tokens.ts';

/**
 * Loads and checks `data/provinces.json` once, and builds the lookup tables the
 * province functions share: names by key, hosts, outlets, and the token tries that
 * `findProvinceMentions` walks.
 */

export const MERGER_DATE = '2025-07-01';

const ERAS = ['pre-merger', 'post-merger', 'both'] as const;
export type ProvinceEra = (typeof ERAS)[number];
export type ProvinceType = 'tỉnh' | 'thành phố';

const hostSchema = z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'expected a lower-case host name such as baophutho.vn');

const unitSchema = z.strictObject({
  name: z.string().min(1),
  type: z.enum(['tỉnh', 'thành phố']),
  era: z.enum(ERAS),
  mergedInto: z.string().min(1).optional(),
  formerName: z.string().min(1).optional(),
  note: z.string().optional(),
  aliases: z.array(z.string().min(1)),
  prefixOnly: z.array(z.string().min(1)).optional(),
  prefixedAliases: z.array(z.string().min(1)).optional(),
  hosts: z.array(hostSchema),
  outlets: z.array(z.string().min(1)),
});
type Unit = z.infer<typeof unitSchema>;

const contextSchema = z.strictObject({
  prefixes: z.array(z.string().min(1)).min(1),
  placeWords: z.array(z.string().min(1)),
  organisationWords: z.array(z.string().min(1)),
  organisationExceptions: z.array(z.string().min(1)),
  personWords: z.array(z.string().min(1)),
  surnames: z.array(z.string().min(1)),
  middleNames: z.array(z.string().min(1)),
  formerMarks: z.array(z.string().min(1)),
});

/** A provincial-level unit as the rest of the code sees it. */
export type ProvinceInfo = {
  /** Canonical name with diacritics, without `tỉnh`/`thành phố`: `Hòa Bình`. */
  name: string;
  type: ProvinceType;
  /** `pre-merger`: merged away on 1 Jul 2025; `both`: exists before and after. */
  era: ProvinceEra;
  /** The unit it belongs to from 1 Jul 2025 (itself when it absorbed others), or null when untouched. */
  mergedInto: string | null;
  /** For a post-merger unit that absorbed others: every old unit it was formed from, itself first. */
  formedFrom: string[];
  formerName: string | null;
  aliases: string[];
  hosts: string[];
  outlets: string[];
};

/** What an alias found in text stands for, and how much context it needs. */
/** `province` is null for names that only contain a province's name (`Thái Bình Dương`). */
export type AliasHit = { province: string | null; bare: boolean; selfPrefixed: boolean };
export type TrieNode = { next: Map<string, TrieNode>; hit?: AliasHit };

function phraseKeys(phrase: string, folded: boolean): string[] {
  return tokenize(phrase, folded).map((token) => token.key);
}

function failEntry(name: string, field: string, message: string): never {
  throw new Error(`provinces.json: unit "${name}", field ${field}: ${message}`);
}

function parseUnits(input: unknown): Unit[] {
  const list = z.object({ units: z.array(z.unknown()) }).parse(input).units;
  return list.map((entry, index) => {
    const result = unitSchema.safeParse(entry);
    if (result.success) return result.data;
    const named = z.object({ name: z.string() }).safeParse(entry);
    const issue = result.error.issues[0];
    return failEntry(named.success ? named.data.name : `#${index}`, issue?.path.join('.') ?? '?', issue?.message ?? 'invalid');
  });
}

function checkMergers(units: Unit[]): void {
  const byName = new Map(units.map((unit) => [unit.name, unit]));
  for (const unit of units) {
    if (unit.mergedInto !== undefined) {
      const target = byName.get(unit.mergedInto);
      if (target === undefined || target.era === 'pre-merger') {
        failEntry(unit.name, 'mergedInto', `"${unit.mergedInto}" is not a post-merger unit`);
      }
    }
    if (unit.era === 'pre-merger' && (unit.mergedInto === undefined || unit.mergedInto === unit.name)) {
      failEntry(unit.name, 'mergedInto', 'a pre-merger unit needs the unit it was merged into');
    }
    if (unit.era !== 'pre-merger' && unit.mergedInto !== undefined && unit.mergedInto !== unit.name) {
      failEntry(unit.name, 'era', 'a unit merged into another one is pre-merger');
    }
  }
  const before = units.filter((unit) => unit.era !== 'post-merger').length;
  const after = units.filter((unit) => unit.era !== 'pre-merger').length;
  if (before !== 63 || after !== 34) {
    throw new Error(`provinces.json: expected 63 units before and 34 after the merger, found ${before} and ${after}`);
  }
}

function toInfo(unit: Unit, units: Unit[]): ProvinceInfo {
  const absorbed = units.filter((other) => other.mergedInto === unit.name && other.name !== unit.name);
  return {
    name: unit.name,
    type: unit.type,
    era: unit.era,
    mergedInto: unit.mergedInto ?? null,
    formedFrom: absorbed.length > 0 ? [unit.name, ...absorbed.map((other) => other.name)] : [],
    formerName: unit.formerName ?? null,
    aliases: unit.aliases,
    hosts: unit.hosts,
    outlets: unit.outlets,
  };
}

function addToTrie(root: TrieNode, keys: string[], hit: AliasHit, form: string): void {
  if (keys.length === 0) failEntry(hit.province ?? form, 'aliases', `"${form}" has no letters`);
  let node = root;
  for (const key of keys) {
    let next = node.next.get(key);
    if (next === undefined) {
      next = { next: new Map() };
      node.next.set(key, next);
    }
    node = next;
  }
  const existing = node.hit;
  if (existing !== undefined && existing.province !== hit.province) {
    failEntry(hit.province ?? form, 'aliases', `"${form}" also names ${existing.province ?? 'something else'}`);
  }
  node.hit =
    existing === undefined
      ? hit
      : { province: hit.province, bare: existing.bare && hit.bare, selfPrefixed: existing.selfPrefixed || hit.selfPrefixed };
}

function buildTries(units: Unit[], otherNames: string[]): { canonical: TrieNode; folded: TrieNode } {
  const canonical: TrieNode = { next: new Map() };
  const folded: TrieNode = { next: new Map() };
  for (const unit of units) {
    const groups: [string[], Omit<AliasHit, 'province'>][] = [
      [[unit.name, ...(unit.formerName ? [unit.formerName] : []), ...unit.aliases], { bare: true, selfPrefixed: false }],
      [unit.prefixOnly ?? [], { bare: false, selfPrefixed: false }],
      [unit.prefixedAliases ?? [], { bare: true, selfPrefixed: true }],
    ];
    for (const [forms, flags] of groups) {
      for (const form of forms) {
        const hit = { province: unit.name, ...flags };
        addToTrie(canonical, phraseKeys(form, false), hit, form);
        // the diacritic-free spelling is an alias too, matched only as written
        addToTrie(canonical, phraseKeys(fold(form), false), hit, form);
        addToTrie(folded, phraseKeys(form, true), hit, form);
      }
    }
  }
  for (const name of otherNames) {
    const hit = { province: null, bare: true, selfPrefixed: false };
    addToTrie(canonical, phraseKeys(name, false), hit, name);
    addToTrie(canonical, phraseKeys(fold(name), false), hit, name);
    addToTrie(folded, phraseKeys(name, true), hit, name);
  }
  return { canonical, folded };
}

function buildHosts(units: Unit[]): Map<string, string> {
  const hosts = new Map<string, string>();
  for (const unit of units) {
    for (const host of unit.hosts) {
      const owner = hosts.get(host);
      if (owner !== undefined && owner !== unit.name) failEntry(unit.name, 'hosts', `${host} also belongs to ${owner}`);
      hosts.set(host, unit.name);
    }
  }
  return hosts;
}

/**
 * A province's names as a web host spells them: folded and joined (`daknong`, `hochiminh`,
 * `tphcm`), from its name, former name and aliases. Forms shorter than three letters are left
 * out: too many hosts would contain them by chance.
 */
function buildHostForms(units: Unit[]): Map<string, string> {
  const forms = new Map<string, string>();
  for (const unit of units) {
    const names = [unit.name, ...(unit.formerName ? [unit.formerName] : []), ...unit.aliases, ...(unit.prefixOnly ?? []), ...(unit.prefixedAliases ?? [])];
    for (const name of names) {
      const form = fold(name).replace(/ /g, '');
      if (form.length >= 3 && /^[a-z]+$/.test(form) && !forms.has(form)) forms.set(form, unit.name);
    }
  }
  return forms;
}

/** Outlet keys: folded, and folded without spaces (`Phu Tho Portal` = `PhuthoPortal`). */
export function outletKey(tag: string): string {
  return fold(tag).replace(/ /g, '');
}

function buildOutlets(units: Unit[]): Map<string, string> {
  const outlets = new Map<string, string>();
  for (const unit of units) {
    for (const outlet of unit.outlets) {
      const key = outletKey(outlet);
      const owner = outlets.get(key);
      if (owner !== undefined && owner !== unit.name) failEntry(unit.name, 'outlets', `"${outlet}" also belongs to ${owner}`);
      outlets.set(key, unit.name);
    }
  }
  return outlets;
}

/** Word lists as key sequences, in both key spellings. */
export type PhraseSet = { canonical: string[][]; folded: string[][] };

function toPhraseSet(phrases: string[]): PhraseSet {
  return { canonical: phrases.map((p) => phraseKeys(p, false)), folded: phrases.map((p) => phraseKeys(p, true)) };
}

function toWordSet(words: string[]): { canonical: Set<string>; folded: Set<string> } {
  return { canonical: new Set(words.map((w) => canonicalToneMarks(w).toLowerCase())), folded: new Set(words.map((w) => fold(w))) };
}

/** Everything the province functions look things up in. */
export type Gazetteer = ReturnType<typeof buildGazetteer>;

function buildGazetteer(units: Unit[], context: z.infer<typeof contextSchema>, otherNames: string[]) {
  return {
    provinces: units.map((unit) => toInfo(unit, units)),
    byName: new Map(units.map((unit) => [unit.name, unit])),
    tries: buildTries(units, otherNames),
    hosts: buildHosts(units),
    hostForms: buildHostForms(units),
    outlets: buildOutlets(units),
    prefixes: toPhraseSet(context.prefixes),
    formerMarks: toPhraseSet(context.formerMarks),
    blockers: {
      place: toPhraseSet(context.placeWords),
      organisation: toPhraseSet(context.organisationWords),
      organisationExceptions: toPhraseSet(context.organisationExceptions),
      person: toPhraseSet(context.personWords),
    },
    nameWords: toWordSet([...context.surnames, ...context.middleNames]),
    surnames: toWordSet(context.surnames),
  };
}

/**
 * Checks the contents of `provinces.json` and builds the lookup tables; a bad entry
 * throws an error naming the unit and the field.
 */
export function loadGazetteer(input: unknown): Gazetteer {
  const units = parseUnits(input);
  checkMergers(units);
  const sections = z
    .object({ context: contextSchema, otherNames: z.object({ names: z.array(z.string().min(1)) }) })
    .parse(input);
  return buildGazetteer(units, sections.context, sections.otherNames.names);
}

/** The gazetteer of the project's data file, built once at import. */
export const gazetteer = loadGazetteer(raw);
