/**
 * One shipment in detail: where it is, the re-predicted arrival (P5–P95, with the probability of meeting the
 * deadline and the distribution chart), its milestone events with the server's warnings shown, never hidden, and
 * a form to add an event (the place search offers the itinerary's own nodes).
 */
import {
  addShipmentEvent,
  MILESTONE_TYPES,
  type MilestoneType,
  type Shipment,
  type ShipmentEta,
  type ShipmentEvent,
} from './api.ts';
import { distributionChart } from './charts.ts';
import { el, headedTable, tableWrap } from './dom.ts';
import { fmtDateTime, fmtPercent, t } from './i18n.ts';
import type { KeruenMap } from './map.ts';
import { PlaceIndex, placeCombobox } from './place-search.ts';
import type { PlannerContext } from './planner.ts';
import { field, input, utcLocal } from './shipment-fields.ts';
import { paceText } from './shipment-pace.ts';

/** The open shipment, its ETA, or why the ETA failed. */
export interface OpenShipment {
  s: Shipment;
  eta?: ShipmentEta | undefined;
  etaError?: string | undefined;
}

/** What the detail needs from the view around it. */
export interface DetailDeps {
  ctx: PlannerContext;
  detail: HTMLElement;
  setStatus: (text: string, kind?: 'info' | 'busy' | 'error') => void;
  failed: (e: unknown) => void;
  nodeName: (id: string) => string;
  /** Reloads the shipment (after an event was added) and draws it again. */
  reopen: (id: string) => Promise<void>;
}

/** Draws the shipment into deps.detail and shows its itinerary on the map. */
export async function renderShipmentDetail(deps: DetailDeps, current: OpenShipment | undefined): Promise<void> {
  const { detail } = deps;
  detail.replaceChildren();
  if (!current) return;
  const { s, eta, etaError } = current;
  const m = await deps.ctx.map;
  m.showItineraries([s.itinerary], 0);
  const hh = el('h3', `${s.name || s.id} · ${t(`corridor.${s.itinerary.corridor}`)}`);
  hh.tabIndex = -1;
  detail.append(hh);
  const pos = eta?.position ?? s.position;
  if (pos) detail.append(el('p', positionText(pos, deps.nodeName)));
  detail.append(etaSection(eta, etaError, detail.clientWidth));
  detail.append(el('h4', t('sh.events')));
  const events = s.events ?? [];
  if (events.length) detail.append(tableWrap(eventsTable(events, deps.nodeName)));
  appendEventForm(deps, s, m);
}

/** "At <node> since <time>", with "delivered" or "based on the plan" when so. */
export function positionText(
  pos: { node: string; at: string; basedOn: string; delivered: boolean },
  nodeName: (id: string) => string,
): string {
  const where = t('sh.position', { node: nodeName(pos.node), at: fmtDateTime(pos.at) });
  const extra = pos.delivered ? ` (${t('sh.delivered')})` : pos.basedOn === 'plan' ? ` (${t('sh.basedOnPlan')})` : '';
  return where + extra;
}

/** The ETA box (data-testid shipment-eta): range, deadline risk, distribution chart; or the error. */
function etaSection(eta: ShipmentEta | undefined, etaError: string | undefined, widthPx: number): HTMLElement {
  const etaBox = el('div');
  etaBox.dataset.testid = 'shipment-eta';
  etaBox.append(el('h4', t('sh.eta')));
  if (eta) {
    const range = { p5: fmtDateTime(eta.eta.p5), p50: fmtDateTime(eta.eta.p50), p95: fmtDateTime(eta.eta.p95) };
    etaBox.append(el('p', t('sh.etaRange', range)));
    if (eta.onTimeProbability !== undefined) {
      const risk = el('p', t('sh.risk', { p: fmtPercent(eta.onTimeProbability) }), 'risk');
      risk.dataset.probability = String(eta.onTimeProbability);
      etaBox.append(risk);
    }
    if (eta.pace) etaBox.append(el('p', paceText(eta.pace.factorP50)));
    if (eta.remainingH) {
      const fig = distributionChart(eta.remainingH, Math.max(280, Math.min(520, widthPx || 440)), {
        title: t('sh.etaChart'),
        descKey: 'sh.etaDesc',
      });
      etaBox.append(fig);
    }
  } else if (etaError) etaBox.append(el('p', t('common.error', { msg: etaError }), 'notice'));
  return etaBox;
}

/** One row per event: sequence, type, node, time, note and the warnings it was accepted with. */
function eventsTable(events: readonly ShipmentEvent[], nodeName: (id: string) => string): HTMLTableElement {
  const { table, tbody } = headedTable(
    ['#', 'sh.eventType', 'sh.eventNode', 'sh.eventAt', 'sh.eventNote'].map((k) => (k === '#' ? '#' : t(k))),
  );
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
  return table;
}

/**
 * Appends the form that adds a milestone event at one of the itinerary's nodes (appended before its place search
 * is attached, which needs the input in the page).
 */
function appendEventForm(deps: DetailDeps, s: Shipment, m: KeruenMap): void {
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
  deps.detail.append(evForm);
  const ids = new Set(s.itinerary.legs.flatMap((l) => [l.from, l.to]));
  const idx = new PlaceIndex([...m.records.values()].filter((f) => ids.has(f.id)));
  const nodeBox = placeCombobox(node, idx, () => {});
  evForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const p = nodeBox.value();
    if (!p) return deps.setStatus(t('plan.pickPlace'), 'error');
    try {
      const ev = await addShipmentEvent(s.id, {
        type: type.value as MilestoneType,
        node: p.id,
        at: new Date(`${at.value}:00Z`).toISOString(),
        note: note.value || undefined,
      });
      await deps.reopen(s.id);
      const warn = ev.warnings.map((w) => w.message).join('; ');
      deps.setStatus(warn ? `${t('sh.eventAdded')}. ${t('sh.warning', { msg: warn })}` : t('sh.eventAdded'));
    } catch (err) {
      deps.failed(err);
    }
  });
}
