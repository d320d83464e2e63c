/**
 * Shipments: the user's list, a new shipment on one itinerary of a route search, milestone events (with the
 * server's warnings shown, never hidden), and the re-predicted arrival distribution with the probability of
 * meeting the deadline.
 */
import {
  type ApiError,
  addShipmentEvent,
  createShipment,
  getShipment,
  getShipmentEta,
  getToken,
  listShipments,
  MILESTONE_TYPES,
  type MilestoneType,
  type Shipment,
  type ShipmentEta,
} from './api.ts';
import { distributionChart } from './charts.ts';
import { fmtDateTime, fmtPercent, onLangChange, t } from './i18n.ts';
import { PlaceIndex, placeCombobox } from './place-search.ts';
import type { PlannerContext } from './planner.ts';
import { onTokenChange, tokenField } from './token.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

let fieldCount = 0;
function field(key: string, control: HTMLInputElement | HTMLSelectElement, combo = false): HTMLElement {
  const f = el('div', undefined, combo ? 'field combo' : 'field');
  control.id ||= `sh-f${++fieldCount}`;
  const l = el('label', t(key));
  l.htmlFor = control.id;
  l.dataset.i18n = key;
  f.append(l, control);
  return f;
}

const input = (type: string, id: string) => {
  const i = el('input');
  i.type = type;
  i.id = id;
  return i;
};

/** yyyy-mm-ddThh:mm of a date in UTC, the value format of a datetime-local input read as UTC. */
const utcLocal = (d: Date) => d.toISOString().slice(0, 16);

export function initShipments(root: HTMLElement, ctx: PlannerContext): void {
  root.replaceChildren();
  const h = el('h2', t('sh.heading'));
  h.dataset.i18n = 'sh.heading';
  const status = el('p', '', 'status');
  status.setAttribute('role', 'status');
  const loadBtn = el('button', t('sh.load'), 'secondary');
  loadBtn.type = 'button';
  loadBtn.dataset.i18n = 'sh.load';
  const listBox = el('div');
  const detail = el('div', undefined, 'sh-detail');

  // New shipment.
  const newBox = el('details');
  const newSum = el('summary', t('sh.new'));
  newSum.dataset.i18n = 'sh.new';
  const form = el('form');
  form.noValidate = true;
  const name = input('text', 'sh-name');
  const from = input('text', 'sh-from');
  const to = input('text', 'sh-to');
  const depart = input('date', 'sh-depart');
  const deadline = input('date', 'sh-deadline');
  const itNo = input('number', 'sh-itinerary');
  itNo.min = '1';
  itNo.value = '1';
  const now = new Date();
  depart.value = now.toISOString().slice(0, 10);
  deadline.value = new Date(now.getTime() + 45 * 86_400_000).toISOString().slice(0, 10);
  const create = el('button', t('sh.create'), 'primary');
  create.type = 'submit';
  create.dataset.i18n = 'sh.create';
  form.append(
    field('sh.name', name),
    field('plan.from', from, true),
    field('plan.to', to, true),
    field('plan.depart', depart),
    field('sh.deadline', deadline),
    field('sh.itinerary', itNo),
    create,
  );
  newBox.append(newSum, form);
  root.append(h, tokenField('sh-token'), loadBtn, status, listBox, newBox, detail);
  const fromBox = placeCombobox(from, ctx.places, () => {});
  const toBox = placeCombobox(to, ctx.places, () => {});

  let shipments: Shipment[] = [];
  let current: { s: Shipment; eta?: ShipmentEta | undefined; etaError?: string | undefined } | undefined;

  const setStatus = (text: string, kind: 'info' | 'busy' | 'error' = 'info') => {
    status.textContent = text;
    status.dataset.kind = kind;
    root.setAttribute('aria-busy', String(kind === 'busy'));
  };
  const failed = (e: unknown) => {
    const err = e as ApiError;
    if (err.unauthorized) setStatus(t('sh.tokenHint'), 'error');
    else if (err.notAvailable) setStatus(t('common.notAvailable', { what: '/shipments' }), 'error');
    else {
      const b = err.body as { reason?: string } | undefined;
      setStatus(t('common.error', { msg: b?.reason ? `${b.reason}: ${err.message}` : err.message }), 'error');
    }
  };
  const nodeName = (id: string) => ctx.places.byId.get(id)?.name ?? id;

  const renderList = () => {
    listBox.replaceChildren();
    const hh = el('h3', t('sh.list'));
    listBox.append(hh);
    if (shipments.length === 0) {
      listBox.append(el('p', t('sh.none'), 'hint'));
      return;
    }
    const ul = el('ul', undefined, 'sh-list');
    for (const s of shipments) {
      const li = el('li');
      const b = el('button', s.name || s.id, 'link');
      b.type = 'button';
      b.addEventListener('click', () => void open(s.id));
      li.append(
        b,
        document.createTextNode(
          ` · ${t(`corridor.${s.itinerary.corridor}`)} · ${t('sh.deadline')} ${fmtDateTime(s.deadline)}`,
        ),
      );
      ul.append(li);
    }
    listBox.append(ul);
  };

  const load = async () => {
    // Private records: without a token the answer is a 401 anyway; say what is needed instead.
    if (getToken() === undefined) return setStatus(t('sh.tokenHint'));
    setStatus(t('common.loading'), 'busy');
    try {
      shipments = (await listShipments()).shipments;
      setStatus('');
      renderList();
    } catch (e) {
      failed(e);
    }
  };

  const open = async (id: string) => {
    setStatus(t('common.loading'), 'busy');
    try {
      const s = await getShipment(id);
      current = { s };
      try {
        current.eta = await getShipmentEta(id);
      } catch (e) {
        current.etaError = (e as Error).message;
      }
      setStatus('');
      await renderDetail();
    } catch (e) {
      failed(e);
    }
  };

  const renderDetail = async () => {
    detail.replaceChildren();
    if (!current) return;
    const { s, eta, etaError } = current;
    const m = await ctx.map;
    m.showItineraries([s.itinerary], 0);
    const hh = el('h3', `${s.name || s.id} · ${t(`corridor.${s.itinerary.corridor}`)}`);
    hh.tabIndex = -1;
    detail.append(hh);
    const pos = eta?.position ?? s.position;
    if (pos) {
      const where = t('sh.position', { node: nodeName(pos.node), at: fmtDateTime(pos.at) });
      const extra = pos.delivered
        ? ` (${t('sh.delivered')})`
        : pos.basedOn === 'plan'
          ? ` (${t('sh.basedOnPlan')})`
          : '';
      detail.append(el('p', where + extra));
    }
    // ETA and deadline risk.
    const etaBox = el('div');
    etaBox.dataset.testid = 'shipment-eta';
    etaBox.append(el('h4', t('sh.eta')));
    if (eta) {
      etaBox.append(
        el(
          'p',
          t('sh.etaRange', {
            p5: fmtDateTime(eta.eta.p5),
            p50: fmtDateTime(eta.eta.p50),
            p95: fmtDateTime(eta.eta.p95),
          }),
        ),
      );
      if (eta.onTimeProbability !== undefined) {
        const risk = el('p', t('sh.risk', { p: fmtPercent(eta.onTimeProbability) }), 'risk');
        risk.dataset.probability = String(eta.onTimeProbability);
        etaBox.append(risk);
      }
      if (eta.remainingH) {
        const fig = distributionChart(eta.remainingH, Math.max(280, Math.min(520, detail.clientWidth || 440)), {
          title: t('sh.etaChart'),
          descKey: 'sh.etaDesc',
        });
        etaBox.append(fig);
      }
    } else if (etaError) etaBox.append(el('p', t('common.error', { msg: etaError }), 'notice'));
    detail.append(etaBox);

    // Events.
    detail.append(el('h4', t('sh.events')));
    const events = s.events ?? [];
    if (events.length) {
      const table = el('table');
      const tr0 = el('tr');
      for (const k of ['#', 'sh.eventType', 'sh.eventNode', 'sh.eventAt', 'sh.eventNote']) {
        const th = el('th', k === '#' ? '#' : t(k));
        th.scope = 'col';
        tr0.append(th);
      }
      const thead = el('thead');
      thead.append(tr0);
      const tbody = el('tbody');
      for (const e of events) {
        const tr = el('tr');
        const note = el('td', e.note ?? '');
        for (const w of e.warnings) note.append(el('div', t('sh.warning', { msg: w.message }), 'warning'));
        tr.append(
          el('td', String(e.seq)),
          el('td', t(`ev.${e.type}`)),
          el('td', nodeName(e.node)),
          el('td', fmtDateTime(e.at)),
          note,
        );
        tbody.append(tr);
      }
      table.append(thead, tbody);
      const wrap = el('div', undefined, 'table-wrap');
      wrap.append(table);
      detail.append(wrap);
    }

    // Add an event: the place search offers the itinerary's own nodes.
    const evForm = el('form');
    evForm.noValidate = true;
    const type = el('select');
    type.id = 'ev-type';
    for (const ty of MILESTONE_TYPES) {
      const o = el('option', t(`ev.${ty}`));
      o.value = ty;
      type.append(o);
    }
    const node = input('text', 'ev-node');
    const at = input('datetime-local', 'ev-at');
    at.value = utcLocal(new Date());
    const note = input('text', 'ev-note');
    const add = el('button', t('sh.addEvent'), 'primary');
    add.type = 'submit';
    evForm.append(
      field('sh.eventType', type),
      field('sh.eventNode', node, true),
      field('sh.eventAt', at),
      field('sh.eventNote', note),
      add,
    );
    detail.append(evForm);
    const ids = new Set(s.itinerary.legs.flatMap((l) => [l.from, l.to]));
    const idx = new PlaceIndex([...m.records.values()].filter((f) => ids.has(f.id)));
    const nodeBox = placeCombobox(node, idx, () => {});
    evForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      const p = nodeBox.value();
      if (!p) return setStatus(t('plan.pickPlace'), 'error');
      try {
        const ev = await addShipmentEvent(s.id, {
          type: type.value as MilestoneType,
          node: p.id,
          at: new Date(`${at.value}:00Z`).toISOString(),
          note: note.value || undefined,
        });
        await open(s.id);
        const warn = ev.warnings.map((w) => w.message).join('; ');
        setStatus(warn ? `${t('sh.eventAdded')}. ${t('sh.warning', { msg: warn })}` : t('sh.eventAdded'));
      } catch (err) {
        failed(err);
      }
    });
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const a = fromBox.value();
    const b = toBox.value();
    if (!a || !b) return setStatus(t('plan.pickPlace'), 'error');
    setStatus(t('common.loading'), 'busy');
    try {
      const s = await createShipment({
        name: name.value || undefined,
        from: a.id,
        to: b.id,
        cargo: { kind: 'containers', teu: 1 },
        depart: new Date(`${depart.value}T08:00:00Z`).toISOString(),
        deadline: new Date(`${deadline.value}T23:59:00Z`).toISOString(),
        itinerary: Math.max(0, (Number(itNo.value) || 1) - 1),
      });
      setStatus(t('sh.created'));
      await load();
      await open(s.id);
    } catch (err) {
      failed(err);
    }
  });

  loadBtn.addEventListener('click', () => void load());
  onTokenChange(() => void load());
  onLangChange(() => {
    if (shipments.length) renderList();
    void renderDetail();
  });
}
