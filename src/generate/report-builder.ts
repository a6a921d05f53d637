import { createHash } from 'node:crypto';
import type { Entity, ExtractionRecord, Metric, Relation, RelationType, Span, Statistic } from '../extract/record/schema.ts';

/** A slot value: plain text, or the text of an entity whose mention the slot is. */
export type SlotValue = string | { text: string; entity: string };

/** A written sentence: its span in the report and where each slot landed. */
export type WrittenSentence = { span: Span; slots: Map<string, Span> };

/**
 * Writes one synthetic report and its expected record side by side: every sentence is
 * filled from a template, so the offsets of the sentence and of each entity mention are
 * known exactly while the text grows.
 */
export class ReportBuilder {
  private text = '';
  private readonly entities = new Map<string, Entity>();
  private readonly relations: Relation[] = [];
  private readonly statistics: Statistic[] = [];

  /** Adds an entity once (by id) and returns its id. */
  addEntity(entity: Omit<Entity, 'mentions'>): string {
    if (!this.entities.has(entity.id)) this.entities.set(entity.id, { ...entity, mentions: [] });
    return entity.id;
  }

  /** Starts a new paragraph (a blank line) unless the text is empty. */
  breakParagraph(): void {
    if (this.text !== '') this.text += '\n\n';
  }

  /** Appends a template with its slots filled; slot values that name entities become their mentions. */
  write(template: string, slots: Record<string, SlotValue>): WrittenSentence {
    if (this.text !== '' && !this.text.endsWith('\n')) this.text += ' ';
    const start = this.text.length;
    const spans = new Map<string, Span>();
    let rest = template;
    for (let match = /\{(\w+)\}/.exec(rest); match; match = /\{(\w+)\}/.exec(rest)) {
      this.text += rest.slice(0, match.index);
      const name = match[1] ?? '';
      const value = slots[name];
      if (value === undefined) throw new Error(`template slot {${name}} has no value: ${template}`);
      const text = typeof value === 'string' ? value : value.text;
      const span = { start: this.text.length, end: this.text.length + text.length, text };
      this.text += text;
      spans.set(name, span);
      if (typeof value !== 'string') this.entities.get(value.entity)?.mentions.push(span);
      rest = rest.slice(match.index + match[0].length);
    }
    this.text += rest;
    return { span: { start, end: this.text.length, text: this.text.slice(start) }, slots: spans };
  }

  /** Records a relation stated by a written sentence. */
  relate(type: RelationType, source: string, target: string, evidence: Span, attributes?: Record<string, string>): void {
    this.relations.push({ type, source, target, evidence, ...(attributes ? { attributes } : {}) });
  }

  /** Records a statistic stated by a written sentence. */
  state(metric: Metric, value: number, statistic: Omit<Statistic, 'metric' | 'value'>): void {
    this.statistics.push({ metric, value, ...statistic });
  }

  /** Marks every occurrence of a name in the text as a mention of an entity (e.g. a province inside other names). */
  mentionEverywhere(entity: string, name: string): void {
    const target = this.entities.get(entity);
    if (!target) return;
    for (let at = this.text.indexOf(name); at >= 0; at = this.text.indexOf(name, at + name.length)) {
      target.mentions.push({ start: at, end: at + name.length, text: name });
    }
  }

  /** The finished text and record; entities the text never came to mention are left out. */
  finish(document: Omit<ExtractionRecord['document'], 'id' | 'text'>, province: string | null): ExtractionRecord {
    const text = this.text;
    const related = new Set(this.relations.flatMap((r) => [r.source, r.target]));
    const entities = [...this.entities.values()].filter((e) => e.mentions.length > 0 || related.has(e.id));
    for (const entity of entities) entity.mentions.sort((a, b) => a.start - b.start);
    return {
      document: { id: createHash('sha256').update(text).digest('hex'), ...document, text },
      province,
      entities,
      relations: this.relations,
      statistics: this.statistics,
      warnings: [],
    };
  }
}
