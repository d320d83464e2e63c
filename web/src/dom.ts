/**
 * Small DOM builders shared by the scenarios and shipments views: an element with text and class, a labelled
 * form field, a status line, and the head of a table. No framework; every call creates fresh elements.
 */
import { t } from './i18n.ts';

/** An element with optional text content and class name. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  cls?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/** A div.field holding a label (translated from `key`, re-translated on language change) for `control`. */
export function labelled(id: string, key: string, control: HTMLElement): HTMLElement {
  const f = el('div', undefined, 'field');
  const l = el('label', t(key));
  l.htmlFor = id;
  l.dataset.i18n = key;
  control.id = id;
  f.append(l, control);
  return f;
}

export type StatusKind = 'info' | 'busy' | 'error';

/** A function that writes a status line and marks `busyRoot` aria-busy while the kind is 'busy'. */
export function statusWriter(status: HTMLElement, busyRoot: HTMLElement): (text: string, kind?: StatusKind) => void {
  return (text, kind = 'info') => {
    status.textContent = text;
    status.dataset.kind = kind;
    busyRoot.setAttribute('aria-busy', String(kind === 'busy'));
  };
}

/** A table (with its caption, if given) and one header row of column headings; rows go into the returned tbody. */
export function headedTable(
  headings: readonly string[],
  cls?: string,
  caption?: string,
): { table: HTMLTableElement; tbody: HTMLElement } {
  const table = el('table', undefined, cls);
  if (caption !== undefined) table.append(el('caption', caption));
  const head = el('tr');
  for (const text of headings) {
    const th = el('th', text);
    th.scope = 'col';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  table.append(thead, tbody);
  return { table, tbody };
}

/** A horizontally scrollable wrapper for a wide table. */
export function tableWrap(table: HTMLTableElement): HTMLElement {
  const wrap = el('div', undefined, 'table-wrap');
  wrap.append(table);
  return wrap;
}
