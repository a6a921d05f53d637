import type { ReportText } from '../api/network-reads.ts';
import { formatDay } from '../i18n/format.ts';
import { currentLanguage, t } from '../i18n/i18n.ts';
import { element, factList } from './dom.ts';

/** Shows a report's text, with the cited sentence (when given) marked and scrolled into view, and a link to the original page. */
export function showReportPanel(panel: HTMLElement, report: ReportText, start?: number, end?: number): void {
  const text = element('div', { className: 'report-text' });
  const marked = start !== undefined && end !== undefined && end > start;
  const mark = marked ? element('mark', { text: report.text.slice(start, end) }) : null;
  if (mark) text.append(report.text.slice(0, start), mark, report.text.slice(end));
  else text.append(report.text);
  const children: HTMLElement[] = [
    element('h2', { text: report.title }),
    ...(report.titleDerived ? [element('p', { className: 'meta', text: t('report.titleDerived') })] : []),
    factList([[t('report.published'), formatDay(report.publishedAt, currentLanguage())], [t('report.source'), report.source], [t('panel.id'), report.id]]),
  ];
  if (report.url && /^https?:\/\//.test(report.url)) {
    children.push(element('a', { text: t('report.original'), attributes: { href: report.url, target: '_blank', rel: 'noopener noreferrer' } }));
  }
  children.push(text);
  panel.replaceChildren(...children);
  if (mark) mark.scrollIntoView({ block: 'center' });
  else panel.scrollTop = 0;
}
