/**
 * The text of an article's DOM as lines, one per paragraph: block elements and `<br>` end a line,
 * table cells of a row share one, images and scripts give nothing. Whitespace runs (non-breaking
 * spaces too) become single spaces; empty lines are dropped. Captions (`<figcaption>`, a caption
 * cell) stay as their own lines, where the extractor reads them as it reads them in text files.
 */

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE',
  'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
]);
const CELLS = new Set(['TD', 'TH']);
const SILENT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IMG', 'PICTURE', 'SVG', 'VIDEO', 'AUDIO', 'IFRAME', 'OBJECT', 'EMBED', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'HEAD', 'TITLE', 'META', 'LINK']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** The lines of text under `root`, in document order. */
export function htmlLines(root: Element): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line !== '') lines.push(line);
    current = '';
  };
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        current += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const tag = (child as Element).tagName.toUpperCase();
      if (SILENT.has(tag)) continue;
      if (tag === 'BR') flush();
      else if (BLOCKS.has(tag)) {
        flush();
        walk(child);
        flush();
      } else {
        walk(child);
        if (CELLS.has(tag)) current += ' ';
      }
    }
  };
  walk(root);
  flush();
  return lines;
}
