/**
 * The API token field shared by the scenarios and shipments views: a user's own records need a bearer token
 * (`keruen token create`). Kept in sessionStorage, so it is gone when the browser tab closes.
 */
import { getToken, setToken } from './api.ts';
import { t } from './i18n.ts';

const KEY = 'keruen.token';
const listeners = new Set<() => void>();
try {
  const saved = sessionStorage.getItem(KEY);
  if (saved) setToken(saved);
} catch {
  // No storage (private window): the token lasts for this page only.
}

/** Calls `f` whenever the token changes (in any view). */
export function onTokenChange(f: () => void): void {
  listeners.add(f);
}

/** A labelled password field for the token; `id` must be unique on the page. */
export function tokenField(id: string): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'field token';
  const label = document.createElement('label');
  label.htmlFor = id;
  label.dataset.i18n = 'sh.token';
  label.textContent = t('sh.token');
  const input = document.createElement('input');
  input.type = 'password';
  input.id = id;
  input.autocomplete = 'off';
  input.value = getToken() ?? '';
  input.setAttribute('aria-describedby', `${id}-hint`);
  const hint = document.createElement('span');
  hint.id = `${id}-hint`;
  hint.className = 'hint';
  hint.dataset.i18n = 'sh.tokenHint';
  hint.textContent = t('sh.tokenHint');
  input.addEventListener('change', () => {
    const v = input.value.trim();
    setToken(v === '' ? undefined : v);
    try {
      if (v === '') sessionStorage.removeItem(KEY);
      else sessionStorage.setItem(KEY, v);
    } catch {
      // See above.
    }
    for (const f of listeners) f();
  });
  onTokenChange(() => {
    if (input.value !== (getToken() ?? '')) input.value = getToken() ?? '';
  });
  wrap.append(label, input, hint);
  return wrap;
}
