import { t } from '../i18n/i18n.ts';
import { element, button } from './dom.ts';

/** A sentence stating a relationship, and where it stands in its report. */
export type Sentence = { reportId: string; start: number; end: number; text: string };

/**
 * The sentences stating something, each quoted with a button that opens its report at the
 * sentence; says how many more reports state it when only the latest are listed.
 */
export function evidenceList(sentences: readonly Sentence[], openReport: (reportId: string, start: number, end: number) => void, total = sentences.length): HTMLElement {
  const list = element('div', { className: 'evidence-list' });
  if (sentences.length === 0) {
    list.append(element('p', { className: 'hint', text: t('evidence.none') }));
    return list;
  }
  for (const sentence of sentences) {
    const quote = element('blockquote', { className: 'evidence', text: sentence.text });
    quote.dataset.report = sentence.reportId;
    list.append(quote, button(t('evidence.openReport'), () => openReport(sentence.reportId, sentence.start, sentence.end), 'link-button'));
  }
  if (total > sentences.length) list.append(element('p', { className: 'hint', text: t('evidence.more', { count: total - sentences.length }) }));
  return list;
}
