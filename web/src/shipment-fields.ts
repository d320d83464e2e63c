/**
 * Form fields of the shipments view: inputs with fixed ids, and labelled fields (a combobox field gets the
 * "combo" class the place search needs). Fields without an id get a fresh one.
 */
import { el } from './dom.ts';
import { t } from './i18n.ts';

let fieldCount = 0;

/** A div.field with a label translated from `key` for `control`. */
export function field(key: string, control: HTMLInputElement | HTMLSelectElement, combo = false): HTMLElement {
  const f = el('div', undefined, combo ? 'field combo' : 'field');
  control.id ||= `sh-f${++fieldCount}`;
  const l = el('label', t(key));
  l.htmlFor = control.id;
  l.dataset.i18n = key;
  f.append(l, control);
  return f;
}

/** An input of a type with an id. */
export function input(type: string, id: string): HTMLInputElement {
  const i = el('input');
  i.type = type;
  i.id = id;
  return i;
}

/** yyyy-mm-ddThh:mm of a date in UTC, the value format of a datetime-local input read as UTC. */
export const utcLocal = (d: Date) => d.toISOString().slice(0, 16);
