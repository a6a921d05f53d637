import type { Entity, EntityType, Relation, RelationType, Span } from './record.ts';
import { shadowOf } from './shadow.ts';

/** Characters a key does not keep as they are: anything but letters, digits and single spaces. */
const RECAST = /[^a-z0-9\u00c0-\u1fff ]| {2}/;

/** A name as an identity key: folded, each run of other characters than letters and digits one space, trimmed. */
function fold(text: string): string {
  const folded = shadowOf(text);
  // most names are words and single spaces already: the replacement would give them back unchanged
  return (RECAST.test(folded) ? folded.replace(/[^a-z0-9\u00c0-\u1fff]+/g, ' ') : folded).trim();
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
  /** The same entities by the type, name and province exactly as asked for, so that repeated calls skip folding. */
  private byExact = new Map<EntityType, Map<string, Map<string | null | undefined, Entity>>>();
  private byId = new Map<string, Entity>();
  /** Folded names and provinces: every entity of a report repeats its province. */
  private folds = new Map<string, string>();
  private counters = new Map<EntityType, number>();
  private relationKeys = new Set<string>();
  readonly entities: Entity[] = [];
  readonly relations: Relation[] = [];

  /** The id of the entity with this identity, created on first sight; the mention is added when given. */
  add(type: EntityType, name: string, province: string | null | undefined, mention?: Span, extra?: Partial<Entity>): string {
    let byName = this.byExact.get(type);
    if (!byName) this.byExact.set(type, (byName = new Map()));
    let byProvince = byName.get(name);
    if (!byProvince) byName.set(name, (byProvince = new Map()));
    let entity = byProvince.get(province);
    if (!entity) {
      const key = `${type}|${this.fold(name)}|${province === undefined ? '-' : province === null ? '?' : this.fold(province)}`;
      entity = this.byKey.get(key);
      if (!entity) {
        const n = (this.counters.get(type) ?? 0) + 1;
        this.counters.set(type, n);
        entity = { id: `${PREFIX[type]}${n}`, type, name, ...(province !== undefined ? { province } : {}), mentions: [], ...extra };
        this.byKey.set(key, entity);
        this.entities.push(entity);
        this.byId.set(entity.id, entity);
      }
      byProvince.set(province, entity);
    }
    if (mention && !entity.mentions.some((m) => m.start === mention.start && m.end === mention.end)) entity.mentions.push(mention);
    return entity.id;
  }

  private fold(text: string): string {
    let folded = this.folds.get(text);
    if (folded === undefined) this.folds.set(text, (folded = fold(text)));
    return folded;
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
    this.relations.push({ type, source: a, target: b, ...(attributes ? { attributes } : {}), evidence });
  }
}
