import type { Entity, EntityType, ExtractionRecord } from '../extract/record/schema.ts';
import {
  foldAwardKind,
  foldLocalName,
  foldName,
  foldProvince,
  canonicalProvinceName,
  reportKey,
  scopeOf,
  scopePart,
} from './keys.ts';
import type { Scope } from './keys.ts';

/** An entity of a record with the node key it resolves to and the province it is placed in. */
export type ResolvedEntity = {
  id: string;
  key: string;
  entity: Entity;
  /** Canonical province name of the node, or null (national or unknown). */
  province: string | null;
  /** The day of a meeting or an award: its own, else (an award) its meeting's. */
  date: string | null;
  /** Whether the node is this report's own (its province unknown, its key carries the report). */
  local: boolean;
};

/**
 * Resolves every entity of a record to its node key (README "Graph model"). Keys of
 * officials and meetings depend on other entities (the body an official serves, the
 * organiser of a meeting), so the record is resolved as a whole: bodies first, then
 * officials, then meetings and awards. Returns a map from record entity id.
 */
export function resolveRecord(record: ExtractionRecord): Map<string, ResolvedEntity> {
  const report = reportKey(record.document);
  const resolved = new Map<string, ResolvedEntity>();
  const counters = new Map<EntityType, number>();
  const nextIndex = (type: EntityType): number => {
    const n = (counters.get(type) ?? 0) + 1;
    counters.set(type, n);
    return n;
  };
  const put = (entity: Entity, key: string, scope: Scope, date: string | null = null): void => {
    resolved.set(entity.id, { id: entity.id, key, entity, province: scope.kind === 'province' ? scope.name : null, date, local: key.includes(report) });
  };

  for (const entity of record.entities) {
    switch (entity.type) {
      case 'Province': {
        const name = canonicalProvinceName(entity.name);
        put(entity, `province:${foldProvince(name)}`, { kind: 'province', folded: foldProvince(name), name });
        break;
      }
      case 'Alliance': {
        const scope = scopeOf(entity, record);
        put(entity, scope.kind === 'national' ? 'alliance:viet nam' : `alliance:${scopePart(scope, report)}`, scope);
        break;
      }
      case 'Agency': {
        const scope = scopeOf(entity, record);
        put(entity, `agency:${foldLocalName(entity.name, scope)}@${scopePart(scope, report)}`, scope);
        break;
      }
      case 'Cooperative': {
        const scope = entity.province ? scopeOf(entity, record) : ({ kind: 'unknown' } as const);
        put(entity, `cooperative:${foldLocalName(entity.name, scope)}@${scopePart(scope, report)}`, scope);
        break;
      }
      case 'Official':
      case 'Meeting':
      case 'Award':
        break;
      default: {
        const never: never = entity.type;
        throw new Error(`unknown entity type ${String(never)}`);
      }
    }
  }

  for (const entity of record.entities) {
    if (entity.type !== 'Official') continue;
    const scope = officialScope(entity, record, resolved);
    put(entity, `official:${foldName(entity.name)}@${scopePart(scope, report)}`, scope);
  }

  for (const entity of record.entities) {
    if (entity.type !== 'Meeting') continue;
    const scope = entity.province ? scopeOf(entity, record) : ({ kind: 'unknown' } as const);
    const index = nextIndex('Meeting');
    if (scope.kind !== 'province' || !entity.date) {
      put(entity, `meeting:?:${report}:${index}`, scope, entity.date ?? null);
      continue;
    }
    const organisers = record.relations
      .filter((r) => r.type === 'ORGANIZED' && r.target === entity.id)
      .map((r) => resolved.get(r.source)?.key)
      .filter((k): k is string => k !== undefined)
      .sort();
    put(entity, `meeting:${entity.date}@${scope.folded}@${organisers[0] ?? '-'}`, scope, entity.date);
  }

  for (const entity of record.entities) {
    if (entity.type !== 'Award') continue;
    const scope = entity.province ? scopeOf(entity, record) : ({ kind: 'unknown' } as const);
    const index = nextIndex('Award');
    const date = entity.date ?? meetingDateOf(entity, record);
    if (scope.kind !== 'province' || !date) put(entity, `award:?:${report}:${index}`, scope, date ?? null);
    else put(entity, `award:${foldAwardKind(entity)}@${scope.folded}@${date}`, scope, date);
  }
  return resolved;
}

/**
 * An official is placed where the bodies they hold a position in are: the first provincial
 * body in record order, else the nation when every body is national, else the report's own
 * province, else nowhere (the key then carries the report).
 */
function officialScope(entity: Entity, record: ExtractionRecord, resolved: Map<string, ResolvedEntity>): Scope {
  const bodies = record.relations
    .filter((r) => r.type === 'HOLDS_POSITION' && r.source === entity.id)
    .map((r) => resolved.get(r.target))
    .filter((b): b is ResolvedEntity => b !== undefined);
  const provincial = bodies.find((b) => b.province !== null);
  if (provincial?.province) {
    return { kind: 'province', folded: foldProvince(provincial.province), name: provincial.province };
  }
  if (bodies.length > 0 && bodies.every((b) => b.key.endsWith('@national') || b.key === 'alliance:viet nam')) {
    return { kind: 'national' };
  }
  if (bodies.length === 0 && record.province) {
    const name = canonicalProvinceName(record.province);
    return { kind: 'province', folded: foldProvince(name), name };
  }
  return { kind: 'unknown' };
}

/** The date of the meeting an award was presented at, when the award itself has none. */
function meetingDateOf(award: Entity, record: ExtractionRecord): string | undefined {
  const meetingId = record.relations.find((r) => r.type === 'PRESENTED_AT' && r.source === award.id)?.target;
  return record.entities.find((e) => e.id === meetingId)?.date;
}
