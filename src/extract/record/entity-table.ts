import type { Entity, EntityType, Relation, RelationType, Span } from './schema.ts';
import { fold, shadowOf } from '../text/fold.ts';

/** Characters a key does not keep as they are: anything but lower-case letters, digits and single spaces. */
const RECAST = /[^a-z0-9 ]| {2}|^ | $/;

/** Keys already made: names and provinces recur from report to report. Emptied now and then so it stays small. */
const keys = new Map<string, string>();

/** A name as an identity key (fold), memoised. Most names fold to letters and single spaces with shadowOf alone. */
function keyOf(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    const shadow = shadowOf(text);
    key = RECAST.test(shadow) ? fold(text) : shadow;
    if (keys.size >= 10000) keys.clear();
    keys.set(text, key);
  }
  return key;
}

/**
 * Collects the entities and relations of one record: one entity per identity
 * (type, folded name, province), mentions merged; one relation per (type, source,
 * target, title/role), first evidence kept.
 */

const PREFIX: Record<EntityType, string> = {
  Province: 'p',
  Alliance: 'a',
  Agency: 'g',
  Official: 'o',
  Meeting: 'm',
  Award: 'w',
  Cooperative: 'c',
};

export class EntityTable {
  private byKey = new Map<string, Entity>();
  /** The same entities by the name exactly as asked for, with that type and province: repeated calls skip folding. */
  private byName = new Map<string, { type: EntityType; province: string | null | undefined; entity: Entity }[]>();
  private byId = new Map<string, Entity>();
  private counters = new Map<EntityType, number>();
  private relationKeys = new Set<string>();
  readonly entities: Entity[] = [];
  readonly relations: Relation[] = [];

  /** The id of the entity with this identity, created on first sight; the mention is added when given. */
  add(type: EntityType, name: string, province: string | null | undefined, mention?: Span, extra?: Partial<Entity>): string {
    const sameName = this.byName.get(name);
    let entity = sameName?.find((known) => known.type === type && known.province === province)?.entity;
    if (!entity) {
      const key = `${type}|${keyOf(name)}|${province === undefined ? '-' : province === null ? '?' : keyOf(province)}`;
      entity = this.byKey.get(key);
      if (!entity) {
        const n = (this.counters.get(type) ?? 0) + 1;
        this.counters.set(type, n);
        const id = `${PREFIX[type]}${n}`;
        // two literals rather than a conditional spread: same keys in the same order, built without copying
        entity = province !== undefined ? { id, type, name, province, mentions: [] } : { id, type, name, mentions: [] };
        if (extra) Object.assign(entity, extra);
        this.byKey.set(key, entity);
        this.entities.push(entity);
        this.byId.set(entity.id, entity);
      }
      const known = { type, province, entity };
      if (sameName) sameName.push(known);
      else this.byName.set(name, [known]);
    }
    if (mention && !entity.mentions.some((m) => m.start === mention.start && m.end === mention.end)) entity.mentions.push(mention);
    return entity.id;
  }

  /** Adds a mention to an existing entity. */
  mention(id: string, span: Span): void {
    const entity = this.byId.get(id);
    if (entity && !entity.mentions.some((m) => m.start === span.start && m.end === span.end)) entity.mentions.push(span);
  }

  /** Adds a relation unless the same one (with the same title or role) is already there. */
  relate(type: RelationType, source: string, target: string, evidence: Span, attributes?: Record<string, unknown>): void {
    if (source === target) return;
    const [a, b] = type === 'COOPERATES_WITH' && source > target ? [target, source] : [source, target];
    const key = `${type}|${a}|${b}|${String(attributes?.title ?? attributes?.role ?? '')}`;
    if (this.relationKeys.has(key)) return;
    this.relationKeys.add(key);
    this.relations.push(attributes ? { type, source: a, target: b, attributes, evidence } : { type, source: a, target: b, evidence });
  }
}
