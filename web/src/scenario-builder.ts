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

/** The builder's controls, in its foldable box. */
function builderView() {
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
  country.setAttribute('aria-label', t('sb.country'));
  const value = el('input');
  value.type = 'number';
  const add = el('button', t('sb.add'));
  add.type = 'button';
  const list = el('ul', undefined, 'sb-changes');
  const save = el('button', t('sb.save'));
  save.type = 'submit';
  const status = el('p', undefined, 'status');
  status.setAttribute('role', 'status');
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
  return { box, form, name, desc, kind, target, country, value, add, list, setStatus: statusWriter(status, box) };
}

type BuilderView = ReturnType<typeof builderView>;

interface BuilderState {
  ctx: PlannerContext;
  picks: DraftPick[];
  cat?: Catalogue | undefined;
}

const nameOf = (s: BuilderState, id: string) => s.ctx.places.byId.get(id)?.name ?? id;
const linkTextOf = (s: BuilderState) => (l: LinkRecord) =>
  `${nameOf(s, l.from)} – ${nameOf(s, l.to)} (${t(`mode.${l.mode}`)})`;

/** The targets of the chosen kind of change, and whether it takes a number and within which bounds. */
function fillTargets(v: BuilderView, s: BuilderState): void {
  const k = v.kind.value as DraftKind;
  v.target.replaceChildren();
  v.country.hidden = k !== 'close_country';
  v.target.hidden = k === 'close_country';
  const bounds = NEEDS_VALUE[k];
  v.value.disabled = bounds === undefined;
  if (bounds) Object.assign(v.value, { min: String(bounds.min), max: String(bounds.max), step: String(bounds.step) });
  if (!s.cat) return;
  for (const [id, text] of targetsOf(k, s.cat, linkTextOf(s), s.ctx)) v.target.append(option(id, text));
  prefill(v, s);
}

/** The current figure of the chosen record, as the starting value (the frequency or capacity it has now). */
function prefill(v: BuilderView, s: BuilderState): void {
  const k = v.kind.value as DraftKind;
  const svc = s.cat?.services.find((x) => x.id === v.target.value);
  const link = s.cat?.links.find((x) => x.id === v.target.value);
  const now: Partial<Record<DraftKind, number | undefined>> = {
    set_frequency: svc?.departuresPerWeek?.value,
    set_service_capacity: svc?.capacityTeuPerDeparture?.value,
    set_link_capacity: link?.capacity?.teuPerYear?.value,
    open_link: link?.statusYear,
  };
  const x = now[k];
  v.value.value = x === undefined ? '' : String(x);
}

/** The changes picked so far, in plain words, each with its remove button. */
function renderPicks(v: BuilderView, s: BuilderState): void {
  v.list.replaceChildren();
  s.picks.forEach((p, i) => {
    const li = el(
      'li',
      describePick(p, s.cat, linkTextOf(s), (id) => nameOf(s, id)),
    );
    const rm = el('button', '×', 'link');
    rm.type = 'button';
    rm.setAttribute('aria-label', `${t('sb.remove')}: ${li.textContent}`);
    rm.addEventListener('click', () => {
      s.picks.splice(i, 1);
      renderPicks(v, s);
    });
    li.append(' ', rm);
    v.list.append(li);
  });
}

/** Adds the change in the controls to the picks, or says what is missing. */
function addPick(v: BuilderView, s: BuilderState): void {
  const k = v.kind.value as DraftKind;
  const id = k === 'close_country' ? v.country.value.trim().toUpperCase() : v.target.value;
  const x = v.value.value === '' ? undefined : Number(v.value.value);
  if (!id || (k === 'close_country' && !/^[A-Z]{2}$/.test(id))) v.setStatus(t('sb.pickTarget'), 'error');
  else if (NEEDS_VALUE[k] && (x === undefined || !Number.isFinite(x) || x <= 0))
    v.setStatus(t('sb.needValue'), 'error');
  else {
    s.picks.push({ kind: k, id, value: x });
    v.setStatus('');
    renderPicks(v, s);
  }
}

async function saveDraft(v: BuilderView, s: BuilderState, onSaved: () => void): Promise<void> {
  const name = v.name.value.trim();
  if (name.length < 3 || s.picks.length === 0) {
    v.setStatus(t(name.length < 3 ? 'sb.needName' : 'sb.needChange'), 'error');
    return;
  }
  v.setStatus(t('common.loading'), 'busy');
  try {
    const r = await createScenario(scenarioOf(name, v.desc.value, s.picks));
    v.setStatus(t('sb.saved', { name, id: r.id }));
    onSaved();
  } catch (err) {
    v.setStatus(t('common.error', { msg: (err as ApiError).message }), 'error');
  }
}

export function scenarioBuilder(ctx: PlannerContext, onSaved: () => void): ScenarioBuilder {
  const v = builderView();
  const s: BuilderState = { ctx, picks: [] };
  v.kind.addEventListener('change', () => fillTargets(v, s));
  v.target.addEventListener('change', () => prefill(v, s));
  v.add.addEventListener('click', () => addPick(v, s));
  v.form.addEventListener('submit', (e) => {
    e.preventDefault();
    void saveDraft(v, s, onSaved);
  });
  // The network's links and services are public; fetched once, when the builder is first opened.
  v.box.addEventListener(
    'toggle',
    () => {
      void Promise.all([getNetworkLinks(), getNetworkServices()])
        .then(([links, services]) => {
          s.cat = { links, services };
          fillTargets(v, s);
        })
        .catch((err: unknown) => v.setStatus(t('common.error', { msg: (err as ApiError).message }), 'error'));
    },
    { once: true },
  );
  fillTargets(v, s);
  return { element: v.box };
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
