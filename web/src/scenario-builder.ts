/**
 * The scenario builder in the scenarios view: name a scenario, add changes picked from the network (close a
 * link, a node or a country; open a planned link; change a service's frequency or a capacity), see them in plain
 * words, and save it under the token; it then appears in both comparisons of the view. The document is built by
 * scenario-draft.ts and checked by the server like any stored scenario.
 */
import {
  type ApiError,
  createScenario,
  getNetworkLinks,
  getNetworkServices,
  type LinkRecord,
  type ServiceRecord,
} from './api.ts';
import { el, statusWriter } from './dom.ts';
import { fmtNumber, t } from './i18n.ts';
import type { PlannerContext } from './planner.ts';
import { DRAFT_KINDS, type DraftKind, type DraftPick, NEEDS_VALUE, scenarioOf } from './scenario-draft.ts';

interface Catalogue {
  links: LinkRecord[];
  services: ServiceRecord[];
}

const option = (value: string, text: string) => {
  const o = el('option', text);
  o.value = value;
  return o;
};

/** A labelled control in a field div. */
function field(label: string, control: HTMLElement, id: string): HTMLElement {
  control.id = id;
  const l = el('label', label);
  l.htmlFor = id;
  const f = el('div', undefined, 'field');
  f.append(l, control);
  return f;
}

export interface ScenarioBuilder {
  element: HTMLElement;
}

export function scenarioBuilder(ctx: PlannerContext, onSaved: () => void): ScenarioBuilder {
  const box = el('details', undefined, 'sc-builder');
  box.append(el('summary', t('sb.heading')));
  const name = el('input');
  name.maxLength = 200;
  const desc = el('textarea');
  desc.rows = 2;
  const kind = el('select');
  for (const k of DRAFT_KINDS) kind.append(option(k, t(`sb.k.${k}`)));
  const target = el('select');
  const country = el('input');
  country.maxLength = 2;
  country.hidden = true;
  const value = el('input');
  value.type = 'number';
  const add = el('button', t('sb.add'));
  add.type = 'button';
  const list = el('ul', undefined, 'sb-changes');
  const save = el('button', t('sb.save'));
  save.type = 'submit';
  const status = el('p', undefined, 'status');
  status.setAttribute('role', 'status');
  const setStatus = statusWriter(status, box);
  const form = el('form');
  const targetField = field(t('sb.target'), target, 'sb-target');
  targetField.append(country);
  form.append(
    field(t('sb.name'), name, 'sb-name'),
    field(t('sb.description'), desc, 'sb-desc'),
    field(t('sb.kind'), kind, 'sb-kind'),
    targetField,
    field(t('sb.value'), value, 'sb-value'),
    add,
    list,
    save,
  );
  box.append(el('p', t('sb.hint'), 'hint'), form, status);
  country.setAttribute('aria-label', t('sb.country'));

  const picks: DraftPick[] = [];
  let cat: Catalogue | undefined;
  const nameOf = (id: string) => ctx.places.byId.get(id)?.name ?? id;
  const linkText = (l: LinkRecord) => `${nameOf(l.from)} – ${nameOf(l.to)} (${t(`mode.${l.mode}`)})`;

  const fillTargets = () => {
    const k = kind.value as DraftKind;
    target.replaceChildren();
    country.hidden = k !== 'close_country';
    target.hidden = k === 'close_country';
    const bounds = NEEDS_VALUE[k];
    value.disabled = bounds === undefined;
    if (bounds) Object.assign(value, { min: String(bounds.min), max: String(bounds.max), step: String(bounds.step) });
    if (!cat) return;
    for (const [id, text] of targetsOf(k, cat, linkText, ctx)) target.append(option(id, text));
    prefill();
  };
  /** The current figure of the chosen record, as the starting value (the frequency or capacity it has now). */
  const prefill = () => {
    const k = kind.value as DraftKind;
    const svc = cat?.services.find((s) => s.id === target.value);
    const link = cat?.links.find((l) => l.id === target.value);
    const now =
      k === 'set_frequency'
        ? svc?.departuresPerWeek?.value
        : k === 'set_service_capacity'
          ? svc?.capacityTeuPerDeparture?.value
          : k === 'set_link_capacity'
            ? link?.capacity?.teuPerYear?.value
            : k === 'open_link'
              ? link?.statusYear
              : undefined;
    value.value = now === undefined ? '' : String(now);
  };
  kind.addEventListener('change', fillTargets);
  target.addEventListener('change', prefill);

  const renderList = () => {
    list.replaceChildren();
    picks.forEach((p, i) => {
      const li = el('li', describePick(p, cat, linkText, nameOf));
      const rm = el('button', '×', 'link');
      rm.type = 'button';
      rm.setAttribute('aria-label', `${t('sb.remove')}: ${li.textContent}`);
      rm.addEventListener('click', () => {
        picks.splice(i, 1);
        renderList();
      });
      li.append(' ', rm);
      list.append(li);
    });
  };
  add.addEventListener('click', () => {
    const k = kind.value as DraftKind;
    const id = k === 'close_country' ? country.value.trim().toUpperCase() : target.value;
    if (!id || (k === 'close_country' && !/^[A-Z]{2}$/.test(id))) return setStatus(t('sb.pickTarget'), 'error');
    const v = value.value === '' ? undefined : Number(value.value);
    if (NEEDS_VALUE[k] && (v === undefined || !Number.isFinite(v) || v <= 0))
      return setStatus(t('sb.needValue'), 'error');
    picks.push({ kind: k, id, value: v });
    setStatus('');
    renderList();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void saveDraft();
  });
  const saveDraft = async () => {
    if (name.value.trim().length < 3) return setStatus(t('sb.needName'), 'error');
    if (picks.length === 0) return setStatus(t('sb.needChange'), 'error');
    setStatus(t('common.loading'), 'busy');
    try {
      const r = await createScenario(scenarioOf(name.value.trim(), desc.value, picks));
      setStatus(t('sb.saved', { name: name.value.trim(), id: r.id }));
      onSaved();
    } catch (err) {
      setStatus(t('common.error', { msg: (err as ApiError).message }), 'error');
    }
  };
  // The network's links and services are public; fetched once, when the builder is first opened.
  box.addEventListener(
    'toggle',
    () => {
      void Promise.all([getNetworkLinks(), getNetworkServices()])
        .then(([links, services]) => {
          cat = { links, services };
          fillTargets();
        })
        .catch((err: unknown) => setStatus(t('common.error', { msg: (err as ApiError).message }), 'error'));
    },
    { once: true },
  );
  fillTargets();
  return { element: box };
}

/** The records a kind of change can apply to, as [id, label], sorted by label. */
function targetsOf(
  k: DraftKind,
  cat: Catalogue,
  linkText: (l: LinkRecord) => string,
  ctx: PlannerContext,
): Array<[string, string]> {
  const byLabel = (a: [string, string], b: [string, string]) => a[1].localeCompare(b[1]);
  switch (k) {
    case 'close_link':
    case 'set_link_capacity':
      return cat.links
        .filter((l) => l.status === 'operational')
        .map((l): [string, string] => [l.id, linkText(l)])
        .sort(byLabel);
    case 'open_link':
      return cat.links
        .filter((l) => l.status === 'planned' || l.status === 'under_construction')
        .map((l): [string, string] => [l.id, linkText(l)])
        .sort(byLabel);
    case 'close_node':
      return [...ctx.places.byId.values()]
        .map((p): [string, string] => [p.id, `${p.name} (${p.country})`])
        .sort(byLabel);
    case 'set_frequency':
    case 'set_service_capacity':
      return cat.services.map((s): [string, string] => [s.id, s.name]).sort(byLabel);
    case 'close_country':
      return [];
  }
}

/** A change in plain words: "Close: Aktau – Baku (ferry)", "Frequency: ASCO ferries … → 10 per week". */
function describePick(
  p: DraftPick,
  cat: Catalogue | undefined,
  linkText: (l: LinkRecord) => string,
  nameOf: (id: string) => string,
): string {
  const link = cat?.links.find((l) => l.id === p.id);
  const svc = cat?.services.find((s) => s.id === p.id);
  const what = link ? linkText(link) : svc ? svc.name : nameOf(p.id);
  const v = p.value === undefined ? '' : fmtNumber(p.value, 1);
  return t(`sb.d.${p.kind}`, { what, v });
}
