/**
 * Which itinerary of a fresh route search a booking takes: the one whose key the user chose in an earlier answer,
 * else the one at the given index. A key that the fresh search no longer offers is an error that says what
 * changed (the same legs at other departures, or other legs), so a shipment is never booked on an itinerary
 * the user did not choose.
 */

import type { Itinerary } from '../routing/itinerary.ts';
import { routePartOf } from '../routing/itinerary-key.ts';
import type { RouteResult } from '../routing/plan.ts';

export interface BookingChoice {
  /** Index in the search's itineraries, used when no key is given. */
  itinerary: number;
  itineraryKey?: string | undefined;
}

export type BookedItinerary =
  | { ok: true; itinerary: Itinerary }
  | {
      ok: false;
      /** 409 when the chosen itinerary is gone, 422 when the search gives nothing to choose from. */
      status: 409 | 422;
      error: 'itinerary_gone' | 'no_route' | 'no_such_itinerary';
      field: 'itinerary' | 'itineraryKey';
      value: string | number;
      message: string;
      /** The itineraries the search offers now, to choose again. */
      offered: Array<{ key: string; corridor: string; keyNodes: string[] }>;
    };

const offeredOf = (r: RouteResult) =>
  r.itineraries.map((it) => ({ key: it.key, corridor: it.corridor, keyNodes: it.keyNodes }));

/** Why a key is not in the search any more, from the parts of the keys it does offer. */
function whatChanged(key: string, r: RouteResult): string {
  const sameLegs = r.itineraries.find((it) => routePartOf(it.key) === routePartOf(key));
  if (sameLegs !== undefined) {
    return (
      `itinerary ${key} is gone: the same legs now depart at other times (itinerary ${sameLegs.key}), ` +
      'because the ready time or a timetable changed; book that key to accept the new times'
    );
  }
  return (
    `itinerary ${key} is gone: no itinerary of this search takes its legs any more ` +
    '(a link, service or constraint changed, or the request differs from the one that offered it)'
  );
}

export function bookedItinerary(r: RouteResult, choice: BookingChoice): BookedItinerary {
  const offered = offeredOf(r);
  if (r.itineraries.length === 0) {
    return {
      ok: false,
      status: 422,
      error: 'no_route',
      field: choice.itineraryKey === undefined ? 'itinerary' : 'itineraryKey',
      value: choice.itineraryKey ?? choice.itinerary,
      message: r.noRoute?.message ?? 'no route',
      offered,
    };
  }
  if (choice.itineraryKey !== undefined) {
    const it = r.itineraries.find((x) => x.key === choice.itineraryKey);
    if (it !== undefined) return { ok: true, itinerary: it };
    const message = whatChanged(choice.itineraryKey, r);
    return {
      ok: false,
      status: 409,
      error: 'itinerary_gone',
      field: 'itineraryKey',
      value: choice.itineraryKey,
      message,
      offered,
    };
  }
  const it = r.itineraries[choice.itinerary];
  if (it !== undefined) return { ok: true, itinerary: it };
  return {
    ok: false,
    status: 422,
    error: 'no_such_itinerary',
    field: 'itinerary',
    value: choice.itinerary,
    message: `the search found ${r.itineraries.length} itineraries (0-based index)`,
    offered,
  };
}
