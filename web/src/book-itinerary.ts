/**
 * "Track this itinerary": books a shipment on exactly the itinerary selected in the planner. It sends the
 * planner's query (constraints, cargo and scenario included) with the itinerary's key, so the server stores that
 * itinerary's legs, or answers 409 saying what changed when its fresh search no longer offers it.
 */
import { type ApiError, createShipment, type Itinerary, type RouteQuery } from './api.ts';
import { el, statusWriter } from './dom.ts';
import { t } from './i18n.ts';
import { tokenField } from './token.ts';

/** Deadline default: the planned arrival plus a week, as yyyy-mm-dd. */
const defaultDeadline = (it: Itinerary) =>
  new Date(Date.parse(it.totals.arrive) + 7 * 86_400_000).toISOString().slice(0, 10);

/** The booking box under the selected itinerary. */
export function bookingBox(query: RouteQuery, it: Itinerary): HTMLElement {
  const box = el('details', undefined, 'booking');
  box.append(el('summary', t('book.heading')));
  const form = el('form');
  const deadline = el('input');
  deadline.type = 'date';
  deadline.id = 'book-deadline';
  deadline.required = true;
  deadline.value = defaultDeadline(it);
  const label = el('label', t('sh.deadline'));
  label.htmlFor = deadline.id;
  const submit = el('button', t('book.submit'));
  submit.type = 'submit';
  const status = el('p', undefined, 'status');
  status.setAttribute('role', 'status');
  const setStatus = statusWriter(status, box);
  const field = el('div', undefined, 'field');
  field.append(label, deadline);
  form.append(tokenField('book-token'), field, submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void book(query, it, deadline.value, setStatus, submit);
  });
  box.append(el('p', t('book.hint'), 'hint'), form, status);
  return box;
}

async function book(
  query: RouteQuery,
  it: Itinerary,
  deadline: string,
  setStatus: ReturnType<typeof statusWriter>,
  submit: HTMLButtonElement,
): Promise<void> {
  setStatus(t('common.loading'), 'busy');
  submit.disabled = true;
  try {
    const s = await createShipment({
      ...query,
      depart: query.depart ?? it.totals.depart,
      deadline: new Date(`${deadline}T23:59:00Z`).toISOString(),
      itineraryKey: it.key,
    });
    setStatus(t('book.done', { id: s.id }));
  } catch (err) {
    setStatus(t('common.error', { msg: (err as ApiError).message }), 'error');
  } finally {
    submit.disabled = false;
  }
}
