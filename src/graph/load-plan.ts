import { fold } from '../extract/text/fold.ts';
import type { ExtractionRecord, Span } from '../extract/record/schema.ts';
import { canonicalProvinceName, provinceKey, reportKey } from './keys.ts';
import { fullName } from './full-names.ts';
import { resolveRecord } from './resolve.ts';

/** The parameters of the ingest statements for one report: every value already keyed and flattened for Neo4j. */
export type LoadPlan = {
  report: ReportRow;
  /** Every province the other rows point to, ensured before they are linked. */
  provinces: ProvinceRow[];
  entities: EntityRow[];
  relationships: RelationshipRow[];
  statistics: StatisticRow[];
};

export type ReportRow = {
  key: string;
  file: string;
  url: string | null;
  title: string;
  /** True when the report had no title: `title` is its first sentence (`readMetadata`). */
  titleDerived: boolean;
  publishedAt: string | null;
  source: string | null;
  author: string | null;
  contentHash: string;
  province: string | null;
  provinceKey: string | null;
  text: string;
};

export type ProvinceRow = { key: string; name: string; nameFolded: string };

export type EntityRow = {
  key: string;
  type: string;
  /** The full name a reader would write (`full-names.ts`). */
  name: string;
  /** The short canonical form the report used (`Ủy ban nhân dân tỉnh`). */
  shortName: string;
  nameFolded: string;
  province: string | null;
  provinceKey: string | null;
  date: string | null;
  kind: string | null;
  attributes: string | null;
  /** Folded spellings seen in this report, other than `nameFolded`. */
  aliases: string[];
  /** JSON list of this report's mention spans of the entity. */
  spans: string;
};

export type RelationshipRow = {
  /** The relationship's identity, `<source>|<type>|<target>|<role>|<titleKey>`: its `fact` property, and what its evidence records point to. */
  fact: string;
  type: string;
  source: string;
  target: string;
  /** `ATTENDED` identity: the role, `attended` when the record gives none. */
  role: string | null;
  /** `HOLDS_POSITION` identity: the folded title (empty when none) and its display form. */
  titleKey: string | null;
  title: string | null;
  /** The sentence of this report that states it (offsets into the report's normalised text). */
  evidence: Pick<Span, 'start' | 'end' | 'text'>;
};

export type StatisticRow = {
  key: string;
  metric: string;
  value: number;
  unit: string;
  qualifier: string;
  period: string | null;
  /** The year the figure describes: its period, else the report's date, else a meeting's date. */
  year: number | null;
  province: string | null;
  provinceKey: string | null;
  evidence: string;
};

/**
 * The relations of a record that name an entity the record does not define, one line each
 * (`relation 3 (ORGANIZED e1 → e9): e9 is not an entity of the record`): `buildLoadPlan` drops
 * them, and whoever loads records made elsewhere (`npm run ingest -- --records`) is told which.
 */
export function findDanglingRelations(record: ExtractionRecord): string[] {
  const ids = new Set(record.entities.map((entity) => entity.id));
  const dangling: string[] = [];
  record.relations.forEach((relation, i) => {
    const missing = [relation.source, relation.target].filter((id) => !ids.has(id));
    if (missing.length === 0) return;
    const names = [...new Set(missing)].join(' and ');
    dangling.push(`relation ${i + 1} (${relation.type} ${relation.source} → ${relation.target}): ${names} ${missing.length > 1 && missing[0] !== missing[1] ? 'are not entities' : 'is not an entity'} of the record`);
  });
  return dangling;
}

/**
 * Turns an extraction record into the rows the ingest Cypher merges. Entities that resolve
 * to one key are merged (their spans joined); relations are keyed per README identity (`fact`) and
 * kept once per report with their first evidence; self-loops and relations whose ends the
 * record does not define are dropped. Rows are sorted by key, so a plan does not depend on the
 * order of the record; the order concurrent loads lock in is the group's (`groupLoad`).
 */
export function buildLoadPlan(record: ExtractionRecord): LoadPlan {
  const key = reportKey(record.document);
  const resolved = resolveRecord(record);
  const evidenceOf = (span: Span): string => JSON.stringify({ report: key, start: span.start, end: span.end, text: span.text });

  const entities = new Map<string, EntityRow & { spanList: Span[] }>();
  for (const { key: entityKey, entity, province, date, local } of resolved.values()) {
    const existing = entities.get(entityKey);
    const spellings = [entity.name, ...entity.mentions.map((m) => m.text)].map(fold);
    if (existing) {
      existing.spanList.push(...entity.mentions);
      existing.aliases = unique([...existing.aliases, ...spellings]).filter((a) => a !== existing.nameFolded);
      continue;
    }
    const shortName = entity.type === 'Province' ? canonicalProvinceName(entity.name) : entity.name;
    const name = fullName({ type: entity.type, name: shortName, province, date, report: local ? record.document.title : null });
    const nameFolded = fold(name);
    entities.set(entityKey, {
      key: entityKey,
      type: entity.type,
      name,
      shortName,
      nameFolded,
      province,
      provinceKey: province && entity.type !== 'Province' ? provinceKey(province) : null,
      date: entity.date ?? null,
      kind: entity.kind ?? null,
      attributes: entity.attributes && Object.keys(entity.attributes).length > 0 ? JSON.stringify(entity.attributes) : null,
      aliases: unique(spellings).filter((a) => a !== nameFolded && a !== ''),
      spans: '',
      spanList: [...entity.mentions],
    });
  }

  const relationships = new Map<string, RelationshipRow>();
  for (const relation of record.relations) {
    const sourceKey = resolved.get(relation.source)?.key;
    const targetKey = resolved.get(relation.target)?.key;
    if (sourceKey === undefined || targetKey === undefined || sourceKey === targetKey) continue;
    const [source, target] =
      relation.type === 'COOPERATES_WITH' && sourceKey > targetKey ? [targetKey, sourceKey] : [sourceKey, targetKey];
    const title = relation.type === 'HOLDS_POSITION' ? stringAttribute(relation.attributes, 'title') : null;
    const role = relation.type === 'ATTENDED' ? (stringAttribute(relation.attributes, 'role') ?? 'attended') : null;
    const titleKey = relation.type === 'HOLDS_POSITION' ? fold(title ?? '') : null;
    const identity = [source, relation.type, target, role ?? '', titleKey ?? ''].join('|');
    if (relationships.has(identity)) continue;
    relationships.set(identity, { fact: identity, type: relation.type, source, target, role, titleKey, title, evidence: { start: relation.evidence.start, end: relation.evidence.end, text: relation.evidence.text } });
  }

  const fallbackYear = yearOf(record.document.publishedAt) ?? yearOf(record.entities.find((e) => e.type === 'Meeting' && e.date)?.date);
  const statistics: StatisticRow[] = record.statistics.map((s, i) => {
    const province = s.province ? canonicalProvinceName(s.province) : null;
    return {
      key: `statistic:${key}:${i + 1}`,
      metric: s.metric,
      value: s.value,
      unit: s.unit,
      qualifier: s.qualifier,
      period: s.period ?? null,
      year: yearOf(s.period) ?? fallbackYear,
      province,
      provinceKey: province ? provinceKey(province) : null,
      evidence: evidenceOf(s.evidence),
    };
  });

  const reportProvince = record.province ? canonicalProvinceName(record.province) : null;
  const provinces = new Map<string, ProvinceRow>();
  const addProvince = (name: string | null): void => {
    if (name !== null) provinces.set(provinceKey(name), { key: provinceKey(name), name, nameFolded: fold(name) });
  };
  addProvince(reportProvince);
  for (const row of entities.values()) addProvince(row.province);
  for (const row of statistics) addProvince(row.province);
  return {
    report: {
      key,
      file: record.document.file,
      url: record.document.url ?? null,
      title: record.document.title,
      titleDerived: record.document.titleDerived === true,
      publishedAt: record.document.publishedAt ?? null,
      source: record.document.source ?? null,
      author: record.document.author ?? null,
      contentHash: record.document.id,
      province: reportProvince,
      provinceKey: reportProvince ? provinceKey(reportProvince) : null,
      text: record.document.text,
    },
    provinces: [...provinces.values()].sort((a, b) => compare(a.key, b.key)),
    entities: [...entities.values()]
      .map(({ spanList, ...row }) => ({ ...row, spans: JSON.stringify(spanList) }))
      .sort((a, b) => compare(a.key, b.key)),
    relationships: [...relationships.entries()]
      .sort(([a], [b]) => compare(a, b))
      .map(([, row]) => row),
    statistics,
  };
}

function stringAttribute(attributes: Record<string, unknown> | undefined, name: string): string | null {
  const value = attributes?.[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function yearOf(date: string | undefined): number | null {
  const match = date ? /^(\d{4})/.exec(date) : null;
  return match?.[1] ? Number(match[1]) : null;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The parameters of the load statement for a group of reports (`cypher/ingest/load-facts`): each
 * province, entity and relationship once, sorted by key, with what every report of the group
 * brings to it (mentions, evidence); per report only what is its own (ABOUT, statistics).
 * Merging each node once per group saves the repeated lookups of an actor many reports name.
 * Touching the nodes in one global order makes concurrent groups take their locks in the same
 * order, so they wait for each other instead of deadlocking (with report after report in the
 * group's order, one group in four was a deadlock victim on a 1,000-report corpus).
 */
export type GroupLoad = {
  provinces: ProvinceRow[];
  entities: GroupEntityRow[];
  relationships: GroupRelationshipRow[];
  reports: { report: string; reportProvinceKey: string | null; statistics: StatisticRow[] }[];
};

/** An entity as its first report in the group has it, with the aliases and mentions of all. */
export type GroupEntityRow = Omit<EntityRow, 'spans'> & { mentions: { report: string; spans: string }[] };

/** A relationship with the evidence of every report of the group that states it. */
export type GroupRelationshipRow = Omit<RelationshipRow, 'evidence'> & {
  evidence: (RelationshipRow['evidence'] & { report: string; publishedAt: string | null })[];
};

/**
 * Gathers the plans of a group (distinct reports) into one `GroupLoad`. The graph it loads is the
 * one loading the plans one after another builds: a node is created as the first report has it,
 * and later reports add their new spellings to its aliases, in report order.
 */
export function groupLoad(plans: LoadPlan[]): GroupLoad {
  const provinces = new Map<string, ProvinceRow>();
  const entities = new Map<string, GroupEntityRow>();
  const relationships = new Map<string, GroupRelationshipRow>();
  for (const { report, provinces: provinceRows, entities: entityRows, relationships: relationshipRows } of plans) {
    for (const row of provinceRows) if (!provinces.has(row.key)) provinces.set(row.key, row);
    for (const { spans, ...row } of entityRows) {
      const mention = { report: report.key, spans };
      const existing = entities.get(row.key);
      if (existing) {
        existing.aliases = unique([...existing.aliases, ...row.aliases]);
        existing.mentions.push(mention);
      } else {
        entities.set(row.key, { ...row, mentions: [mention] });
      }
    }
    for (const { evidence, ...row } of relationshipRows) {
      const stated = { ...evidence, report: report.key, publishedAt: report.publishedAt };
      const existing = relationships.get(row.fact);
      if (existing) existing.evidence.push(stated);
      else relationships.set(row.fact, { ...row, evidence: [stated] });
    }
  }
  return {
    provinces: sortedByKey(provinces, (row) => row.key),
    entities: sortedByKey(entities, (row) => row.key),
    relationships: sortedByKey(relationships, (row) => row.fact),
    reports: plans.map(({ report, statistics }) => ({ report: report.key, reportProvinceKey: report.provinceKey, statistics })),
  };
}

function sortedByKey<T>(rows: Map<string, T>, key: (row: T) => string): T[] {
  return [...rows.values()].sort((a, b) => compare(key(a), key(b)));
}
