/**
 * Shipments: the user's list, a new shipment on one itinerary of a route search, and one shipment in detail
 * (shipment-detail.ts: milestone events with the server's warnings shown, never hidden, and the re-predicted
 * arrival distribution with the probability of meeting the deadline).
 */
import {
  type ApiError,
  createShipment,
  getShipment,
  getShipmentEta,
  getToken,
  listShipments,
  type Shipment,
} from './api.ts';
import { el, statusWriter } from './dom.ts';
import { fmtDateTime, onLangChange, t } from './i18n.ts';
import { placeCombobox } from './place-search.ts';
import type { PlannerContext } from './planner.ts';
import { type DetailDeps, type OpenShipment, renderShipmentDetail } from './shipment-detail.ts';
import { field, input } from './shipment-fields.ts';
import { onTokenChange, tokenField } from './token.ts';

/** Days from today to the default deadline of a new shipment. */
const DEFAULT_DEADLINE_DAYS = 45;
const MS_PER_DAY = 86_400_000;

/** The view's elements and state. */
interface ShipmentsView extends DetailDeps {
  listBox: HTMLElement;
  shipments: Shipment[];
  current?: OpenShipment | undefined;
}

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
  const newForm = newShipmentForm();
  root.append(h, tokenField('sh-token'), loadBtn, status, listBox, newForm.box, detail);
  const fromBox = placeCombobox(newForm.from, ctx.places, () => {});
  const toBox = placeCombobox(newForm.to, ctx.places, () => {});
  const setStatus = statusWriter(status, root);
  const v: ShipmentsView = {
    ctx,
    detail,
    listBox,
    shipments: [],
    setStatus,
    failed: (e) => setStatus(failureText(e as ApiError), 'error'),
    nodeName: (id) => ctx.places.byId.get(id)?.name ?? id,
    reopen: (id) => openShipment(v, id),
  };
  newForm.form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const a = fromBox.value();
    const b = toBox.value();
    if (!a || !b) return setStatus(t('plan.pickPlace'), 'error');
    await createFromForm(v, newForm, a.id, b.id);
  });
  loadBtn.addEventListener('click', () => void loadShipments(v));
  onTokenChange(() => void loadShipments(v));
  onLangChange(() => {
    if (v.shipments.length) renderList(v);
    void renderShipmentDetail(v, v.current);
  });
}

/** Status text of a failed call: the token hint, "not available", or the error with the server's reason. */
export function failureText(err: ApiError): string {
  if (err.unauthorized) return t('sh.tokenHint');
  if (err.notAvailable) return t('common.notAvailable', { what: '/shipments' });
  const b = err.body as { reason?: string } | undefined;
  return t('common.error', { msg: b?.reason ? `${b.reason}: ${err.message}` : err.message });
}

/** The collapsible "new shipment" form: name, places, ready date, deadline, itinerary number. */
function newShipmentForm() {
  const box = el('details');
  const summary = el('summary', t('sh.new'));
  summary.dataset.i18n = 'sh.new';
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
  deadline.value = new Date(now.getTime() + DEFAULT_DEADLINE_DAYS * MS_PER_DAY).toISOString().slice(0, 10);
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
  box.append(summary, form);
  return { box, form, name, from, to, depart, deadline, itNo };
}

/** Creates a shipment from the form (ready 08:00 UTC, due 23:59 UTC), then lists and opens it. */
async function createFromForm(
  v: ShipmentsView,
  f: ReturnType<typeof newShipmentForm>,
  fromId: string,
  toId: string,
): Promise<void> {
  v.setStatus(t('common.loading'), 'busy');
  try {
    const s = await createShipment({
      name: f.name.value || undefined,
      from: fromId,
      to: toId,
      cargo: { kind: 'containers', teu: 1 },
      depart: new Date(`${f.depart.value}T08:00:00Z`).toISOString(),
      deadline: new Date(`${f.deadline.value}T23:59:00Z`).toISOString(),
      itinerary: Math.max(0, (Number(f.itNo.value) || 1) - 1),
    });
    v.setStatus(t('sh.created'));
    await loadShipments(v);
    await openShipment(v, s.id);
  } catch (err) {
    v.failed(err);
  }
}

/** The list of the user's shipments, each a button that opens it. */
function renderList(v: ShipmentsView): void {
  const { listBox } = v;
  listBox.replaceChildren();
  listBox.append(el('h3', t('sh.list')));
  if (v.shipments.length === 0) {
    listBox.append(el('p', t('sh.none'), 'hint'));
    return;
  }
  const ul = el('ul', undefined, 'sh-list');
  for (const s of v.shipments) {
    const li = el('li');
    const b = el('button', s.name || s.id, 'link');
    b.type = 'button';
    b.addEventListener('click', () => void openShipment(v, s.id));
    li.append(
      b,
      document.createTextNode(
        ` · ${t(`corridor.${s.itinerary.corridor}`)} · ${t('sh.deadline')} ${fmtDateTime(s.deadline)}`,
      ),
    );
    ul.append(li);
  }
  listBox.append(ul);
}

async function loadShipments(v: ShipmentsView): Promise<void> {
  // Private records: without a token the answer is a 401 anyway; say what is needed instead.
  if (getToken() === undefined) return v.setStatus(t('sh.tokenHint'));
  v.setStatus(t('common.loading'), 'busy');
  try {
    v.shipments = (await listShipments()).shipments;
    v.setStatus('');
    renderList(v);
  } catch (e) {
    v.failed(e);
  }
}

/** Fetches a shipment and its ETA (an ETA failure is shown in the detail, not as the view's error). */
async function openShipment(v: ShipmentsView, id: string): Promise<void> {
  v.setStatus(t('common.loading'), 'busy');
  try {
    const s = await getShipment(id);
    v.current = { s };
    try {
      v.current.eta = await getShipmentEta(id);
    } catch (e) {
      v.current.etaError = (e as Error).message;
    }
    v.setStatus('');
    await renderShipmentDetail(v, v.current);
  } catch (e) {
    v.failed(e);
  }
}
