/**
 * `keruen route ... --ileap FILE`: one itinerary of the answer as an ISO 14083 / iLEAP footprint
 * (core/emissions/itinerary-chain.ts, the function POST /emissions/itinerary calls), written to FILE. The
 * itinerary is the one numbered `--itinerary N` in the printed table (default 1), or the one whose key is given
 * (the key a route answer, the page or a booking shows).
 */
import { writeFileSync } from 'node:fs';
import type { ChainedItinerary, EmissionFactors, Itinerary, Network, RouteResult } from '../../core/index.ts';
import { ItineraryEmissionsRequestSchema, itineraryIleap, KeruenError } from '../../core/index.ts';

/** An itinerary as the table lists it (route.ts RouteOutput): what the export reads of it. */
type Listed = ChainedItinerary & Pick<Itinerary, 'totals'>;

/** The itinerary `choice` names: a 1-based row of the table or a key; KERUEN_INVALID_INPUT naming --itinerary. */
export function chosenItinerary<T extends Listed>(its: readonly T[], choice: string | undefined): T {
  const c = choice ?? '1';
  const bad = (message: string): never => {
    const offered = its.map((it, i) => `${i + 1} ${it.key}`).join(', ');
    throw new KeruenError('KERUEN_INVALID_INPUT', `--itinerary ${c}: ${message}; offered: ${offered || 'none'}`, [
      { code: 'invalid_input', field: '--itinerary', value: c, message },
    ]);
  };
  if (/^\d+$/.test(c)) {
    const it = its[Number(c) - 1];
    return it ?? bad(`the table has rows 1 to ${its.length}`);
  }
  const key = ItineraryEmissionsRequestSchema.shape.itineraryKey.safeParse(c);
  if (!key.success) return bad('give a row number of the table or an itinerary key (12 hex digits, dot, 12)');
  return its.find((it) => it.key === c) ?? bad('no itinerary of this search has that key');
}

/** Writes the iLEAP export of the chosen itinerary to `file`; returns a line saying what was written. */
export function writeIleap(
  net: Network,
  factors: EmissionFactors,
  result: RouteResult,
  its: readonly Listed[],
  opts: { file: string; itinerary?: string | undefined },
): string {
  const it = chosenItinerary(its, opts.itinerary);
  const ileap = itineraryIleap(net, factors, it, result.cargo);
  try {
    writeFileSync(opts.file, `${JSON.stringify(ileap, null, 2)}\n`);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new KeruenError('KERUEN_INVALID_INPUT', `--ileap ${opts.file}: cannot write the file (${why})`, [], {
      field: '--ileap',
      value: opts.file,
    });
  }
  const kg = it.totals.co2eKg === null ? 'n/a' : `${it.totals.co2eKg.toFixed(1)} kg CO2e`;
  return `iLEAP footprint of itinerary ${it.key} (${it.corridor}, ${kg}) written to ${opts.file}`;
}
