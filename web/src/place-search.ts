/**
 * Search-as-you-type over every spelling of every node (id, name, aliases, UN/LOCODE), with the core's name
 * normalisation (case, diacritics, apostrophes and separators ignored: "xian", "Xi'an" and "CN XIY" meet), as an
 * ARIA 1.2 combobox: arrows move, Enter picks, Escape closes; the list is announced to screen readers. A city
 * with several terminals (nodes sharing a `metro`, as the server reads them) is offered as one place too,
 * "Istanbul (3 terminals)": its id is the city's name, which the API resolves to all its terminals.
 */
import { compactName } from '../../src/core/browser.ts';
import type { NetworkFeature } from './api.ts';
import { lang, t } from './i18n.ts';

export interface Place {
  id: string;
  name: string;
  country: string;
  /** A node kind, or `metro` for a city with several terminals. */
  kind: string;
  /** A metro's number of terminals. */
  terminals?: number;
  /** The dataset's name in other languages (`names` of the node). */
  names?: Partial<Record<string, string>> | undefined;
}

/** A place's name in the page's language, else the dataset's name. */
export function placeName(p: Pick<Place, 'name' | 'names'>, language: string = lang()): string {
  return p.names?.[language] ?? p.name;
}

interface Key {
  place: Place;
  key: string;
  text: string;
  rank: number;
}

/** An index of all spellings; built once from the network's nodes. */
export class PlaceIndex {
  private readonly keys: Key[] = [];
  readonly byId = new Map<string, Place>();

  constructor(features: Iterable<NetworkFeature>) {
    const metros = new Map<string, Place>();
    for (const f of features) {
      const p = f.properties;
      if (p.recordType !== 'node') continue;
      const place: Place = { id: p.id, name: String(p.name), country: String(p.country), kind: String(p.kind) };
      if (p.names !== undefined && p.names !== null) place.names = p.names as Place['names'];
      this.byId.set(place.id, place);
      this.add(place, place.name, 0);
      for (const n of Object.values(place.names ?? {})) if (n !== undefined) this.add(place, n, 2);
      this.add(place, p.id, 1);
      if (typeof p.locode === 'string') this.add(place, p.locode, 1);
      for (const a of (p.aliases as string[] | undefined) ?? []) this.add(place, a, 2);
      if (typeof p.metro === 'string') {
        const m = metros.get(compactName(p.metro));
        if (m === undefined)
          metros.set(compactName(p.metro), {
            ...place,
            id: p.metro,
            name: p.metro,
            names: undefined,
            kind: 'metro',
            terminals: 1,
          });
        else m.terminals = (m.terminals ?? 0) + 1;
      }
    }
    // A metro of one node is that node (the server resolves it so): offered only with two or more terminals.
    for (const m of metros.values()) {
      if ((m.terminals ?? 0) < 2 || this.byId.has(m.id)) continue;
      this.byId.set(m.id, m);
      // Ahead of a terminal of the same name (Baku, the city node): the server reads the name as the city too.
      this.add(m, m.name, -1);
    }
  }

  private add(place: Place, text: string, rank: number): void {
    const key = compactName(text);
    if (key !== '') this.keys.push({ place, key, text, rank });
  }

  /** Best match per place: exact, then prefix, then substring (3+ letters); at most `limit`. */
  search(query: string, limit = 8): Array<{ place: Place; matched: string }> {
    const q = compactName(query);
    if (q === '') return [];
    const best = new Map<string, { place: Place; matched: string; score: number }>();
    for (const k of this.keys) {
      let tier: number;
      if (k.key === q) tier = 0;
      else if (k.key.startsWith(q)) tier = 1;
      else if (q.length >= 3 && k.key.includes(q)) tier = 2;
      else continue;
      const score = tier * 10 + k.rank;
      const prev = best.get(k.place.id);
      if (prev === undefined || score < prev.score) best.set(k.place.id, { place: k.place, matched: k.text, score });
    }
    return [...best.values()]
      .sort((a, b) => a.score - b.score || a.place.name.localeCompare(b.place.name))
      .slice(0, limit)
      .map(({ place, matched }) => ({ place, matched }));
  }
}

let comboCount = 0;

/**
 * Turns a text input into a combobox over the index. `onPick` receives the chosen place (or undefined when the
 * text no longer names the picked one).
 */
export function placeCombobox(
  input: HTMLInputElement,
  index: PlaceIndex,
  onPick: (p: Place | undefined) => void,
): { set(p: Place | undefined): void; value(): Place | undefined } {
  const c = new PlaceCombobox(input, index, onPick);
  return {
    set: (p) => {
      c.picked = p;
      input.value = p ? placeName(p) : '';
    },
    value: () => c.picked,
  };
}

/** The combobox's list, state and keyboard handling (WAI-ARIA combobox with a listbox popup). */
class PlaceCombobox {
  private readonly input: HTMLInputElement;
  private readonly index: PlaceIndex;
  private readonly onPick: (p: Place | undefined) => void;
  private readonly list: HTMLUListElement;
  private readonly listId: string;
  picked: Place | undefined;
  private options: Array<{ place: Place; matched: string }> = [];
  private active = -1;

  constructor(input: HTMLInputElement, index: PlaceIndex, onPick: (p: Place | undefined) => void) {
    this.input = input;
    this.index = index;
    this.onPick = onPick;
    this.listId = `${input.id || `combo${++comboCount}`}-list`;
    const list = document.createElement('ul');
    list.id = this.listId;
    list.setAttribute('role', 'listbox');
    list.className = 'combo-list';
    list.hidden = true;
    this.list = list;
    input.after(list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', this.listId);
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.addEventListener('input', () => this.onInput());
    input.addEventListener('keydown', (e) => this.onKeydown(e));
    input.addEventListener('blur', () => this.onBlur());
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
  }

  private setActive(i: number): void {
    this.active = i;
    // Array.from, not spread: HTMLCollection iteration needs DOM.Iterable, which the root tsconfig (tests) leaves out.
    Array.from(this.list.children).forEach((li, j) => {
      li.setAttribute('aria-selected', String(j === i));
    });
    if (i >= 0) {
      this.input.setAttribute('aria-activedescendant', `${this.listId}-${i}`);
      this.list.children[i]?.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }

  private pick(p: Place | undefined): void {
    this.picked = p;
    if (p) this.input.value = placeName(p);
    this.input.setAttribute('aria-invalid', 'false');
    this.close();
    this.onPick(p);
  }

  /** Lists the matches of the input's text, or says there are none. */
  private render(): void {
    const { input, list } = this;
    this.options = this.index.search(input.value);
    list.replaceChildren();
    if (this.options.length === 0) {
      if (input.value.trim() !== '') {
        const li = document.createElement('li');
        li.className = 'combo-empty';
        li.textContent = t('plan.noMatch', { q: input.value.trim() });
        list.append(li);
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      } else this.close();
      return;
    }
    this.options.forEach((o, i) => {
      list.append(this.option(o, i));
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    this.setActive(-1);
  }

  /** One match: the place's name, and the alias matched, its country and kind. */
  private option(o: { place: Place; matched: string }, i: number): HTMLLIElement {
    const li = document.createElement('li');
    li.id = `${this.listId}-${i}`;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    li.dataset.id = o.place.id;
    const name = document.createElement('span');
    name.textContent = placeName(o.place);
    const meta = document.createElement('span');
    meta.className = 'combo-meta';
    const alias = compactName(o.matched) !== compactName(placeName(o.place)) ? `“${o.matched}” · ` : '';
    meta.textContent = `${alias}${o.place.country} · ${t(`kind.${o.place.kind}`, { n: o.place.terminals ?? 1 })}`;
    li.append(name, meta);
    // mousedown, not click: a click would blur the input first and close the list.
    li.addEventListener('mousedown', (e) => {
      e.preventDefault();
      this.pick(o.place);
    });
    return li;
  }

  private onInput(): void {
    if (this.picked && this.input.value !== placeName(this.picked)) {
      this.picked = undefined;
      this.onPick(undefined);
    }
    this.render();
  }

  private onKeydown(e: KeyboardEvent): void {
    const n = this.options.length;
    if (e.key === 'ArrowDown') {
      if (this.list.hidden) this.render();
      if (this.options.length) this.setActive((this.active + 1) % this.options.length);
      e.preventDefault();
    } else if (e.key === 'ArrowUp') {
      if (n) this.setActive(this.active <= 0 ? n - 1 : this.active - 1);
      e.preventDefault();
    } else if (e.key === 'Enter') {
      const option = this.options[Math.max(this.active, 0)];
      if (!this.list.hidden && option !== undefined) {
        this.pick(option.place);
        e.preventDefault();
      }
    } else if (e.key === 'Escape') {
      this.close();
    }
  }

  /** Typing an exact name and leaving the field picks it: the keyboard path needs no list at all. */
  private onBlur(): void {
    if (!this.picked) {
      const [best] = this.index.search(this.input.value, 2);
      if (best !== undefined && compactName(best.matched) === compactName(this.input.value)) this.pick(best.place);
    }
    this.close();
  }
}
