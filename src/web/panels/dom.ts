/**
 * Builds an element with text content only: names, sentences and report text never go through
 * innerHTML. `children` are appended after the text.
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { text?: string; className?: string; attributes?: Record<string, string> } = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.text !== undefined) node.textContent = options.text;
  if (options.className) node.className = options.className;
  for (const [name, value] of Object.entries(options.attributes ?? {})) node.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** A button that runs `onClick`. */
export function button(text: string, onClick: () => void, className?: string): HTMLButtonElement {
  const made = element('button', { text, ...(className ? { className } : {}), attributes: { type: 'button' } });
  made.addEventListener('click', onClick);
  return made;
}

/** A term–value list of facts; empty values are left out. */
export function factList(facts: [string, string | null | undefined][]): HTMLDListElement {
  const list = element('dl', { className: 'facts' });
  for (const [term, value] of facts) {
    if (value === null || value === undefined || value === '') continue;
    list.append(element('dt', { text: term }), element('dd', { text: value }));
  }
  return list;
}

/** Looks an element of the page up by id; a missing one is a defect of the page, so it throws. */
export function findElement<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
}
