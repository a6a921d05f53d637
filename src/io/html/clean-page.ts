import { z } from 'zod';
import noiseData from './data/page-noise.json' with { type: 'json' };

/**
 * Removes what surrounds an article on Vietnamese news and portal pages before the readability
 * step: menus, breadcrumbs, related-news and "other news" boxes, comments, share and print
 * tools, tags, date and view-count lines, bylines, side columns and footers, as named by
 * `data/page-noise.json`. Readability knows English class names only and keeps everything
 * inside layout tables, which provincial portals still use; layout tables become plain blocks.
 */

const noiseSchema = z.object({
  removeTags: z.array(z.string().min(1)),
  classWords: z.array(z.string().min(1)),
  classTokens: z.array(z.string().min(1)),
  contentWords: z.array(z.string().min(1)),
});
const noise = noiseSchema.parse(noiseData);
const removeTags = new Set(noise.removeTags.map((t) => t.toUpperCase()));
const classWords = new RegExp(noise.classWords.join('|'));
const classTokens = new Set(noise.classTokens);
const contentWords = new RegExp(noise.contentWords.join('|'));
const LAYOUT_CONTENT = 'table, div, p, form, ul, ol, h1, h2, h3, h4, h5, h6';
const TABLE_PARTS = new Set(['TBODY', 'THEAD', 'TFOOT', 'TR', 'TD', 'TH']);

function marker(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.toLowerCase();
}

/** Whether an element's class or id names page furniture (`box-tinlienquan`, `article__meta`, `binh-luan` …). */
export function isNoiseElement(element: Element): boolean {
  const value = marker(element);
  if (value.trim() === '') return false;
  if (classWords.test(value.replace(/[-_]/g, ''))) return true;
  return value.split(/[\s_-]+/).some((token) => classTokens.has(token));
}

function isContentMarker(element: Element): boolean {
  if (element.getAttribute('itemprop')?.toLowerCase() === 'articlebody') return true;
  const value = marker(element).replace(/[-_]/g, '');
  return contentWords.test(value) && !isNoiseElement(element);
}

/** Cleans `doc` in place. */
export function removePageNoise(doc: Document): void {
  const all = [...doc.querySelectorAll('*')];
  const markers = all.filter(isContentMarker);
  const holdsContent = (element: Element): boolean => markers.some((m) => m === element || element.contains(m));
  const doomed = all.filter((element) => (removeTags.has(element.tagName.toUpperCase()) || isNoiseElement(element)) && !holdsContent(element));
  for (const element of doomed) if (element.parentNode) element.remove();
  for (const table of [...doc.querySelectorAll('table')]) if (table.querySelector(LAYOUT_CONTENT)) flattenTable(doc, table);
}

/** Turns a layout table, its rows and cells (not those of tables inside it) into `<div>`s. */
function flattenTable(doc: Document, table: Element): void {
  const parts: Element[] = [];
  const collect = (element: Element): void => {
    for (const child of [...element.children]) {
      if (!TABLE_PARTS.has(child.tagName.toUpperCase())) continue;
      parts.push(child);
      collect(child);
    }
  };
  collect(table);
  for (const element of [table, ...parts]) {
    const div = doc.createElement('div');
    for (const { name, value } of [...element.attributes]) div.setAttribute(name, value);
    while (element.firstChild) div.appendChild(element.firstChild);
    element.replaceWith(div);
  }
}
