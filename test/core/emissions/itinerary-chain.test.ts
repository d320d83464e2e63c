/**
 * One itinerary as an ISO 14083 transport chain (issue 17, item 7): on shipped routes of every kind (a rail
 * corridor with gauge changes and a Caspian ferry, a sea route, a bulk tonnage, a route with a gauge change on
 * the way to the Caucasus), the chain's ISO 14083 total equals the itinerary's own CO2e, element by element, so
 * the exported iLEAP file and the route answer agree.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chainEmissions,
  type EmissionFactors,
  type Itinerary,
  itineraryChain,
  KeruenError,
  type RouteRequest,
  toIleap,
} from '../../../src/core/index.ts';
import { type KeruenContext, loadContext } from '../../../src/io/index.ts';

let ctx: KeruenContext;
let factors: EmissionFactors;
beforeAll(() => {
  ctx = loadContext();
  factors = ctx.factors;
});

const DEPART = '2026-12-07T08:00:00Z';
const route = (q: Omit<RouteRequest, 'depart'>) => ctx.engine.route({ depart: DEPART, ...q } as RouteRequest);

const QUERIES: Array<[string, Omit<RouteRequest, 'depart'>]> = [
  [
    "Xi'an → Duisburg avoiding RU, BY, IR",
    { from: 'cn-xian', to: 'de-duisburg', cargo: { kind: 'containers', teu: 2 }, avoidCountries: ['RU', 'BY', 'IR'] },
  ],
  ['Shanghai → Rotterdam', { from: 'cn-shanghai', to: 'nl-rotterdam', cargo: { kind: 'containers', teu: 1 } }],
  ['Almaty → Alat, 3 TEU', { from: 'kz-almaty', to: 'az-alat', cargo: { kind: 'containers', teu: 3 } }],
  [
    'Almaty → Yerevan, 1,000 t of grain',
    { from: 'kz-almaty', to: 'am-yerevan', cargo: { kind: 'bulk', tonnes: 1000 } },
  ],
];

describe('itineraryChain', () => {
  it.each(QUERIES)('%s: every itinerary’s chain total equals its CO2e', (_name, q) => {
    const r = route(q);
    expect(r.itineraries.length).toBeGreaterThan(0);
    for (const it of r.itineraries) {
      const { chain } = itineraryChain(ctx.network, factors, it, r.cargo);
      const e = chainEmissions(factors, chain);
      expect(it.totals.co2eKg).not.toBeNull();
      // Same factors, same order of sums up to float rounding: equal to 1e-9 relative.
      expect(e.totals.wtwKg).toBeCloseTo(it.totals.co2eKg as number, 6);
      // Element by element: each leg and each stop with a non-zero CO2e is one element with that CO2e.
      const routeParts = [...it.legs.map((l) => l.co2eKg ?? 0), ...it.stops.map((s) => s.co2eKg ?? 0)]
        .filter((x) => x > 0)
        .sort((a, b) => a - b);
      const chainParts = e.elements
        .map((x) => x.wtwKg)
        .filter((x) => x > 0)
        .sort((a, b) => a - b);
      expect(chainParts.length).toBe(routeParts.length);
      for (const [i, x] of chainParts.entries()) expect(x).toBeCloseTo(routeParts[i] as number, 6);
    }
  });

  it('keeps the order travelled: each stop sits between the leg into its node and the leg out of it', () => {
    const r = route(QUERIES[0]?.[1] as Omit<RouteRequest, 'depart'>);
    const it = r.itineraries.find((x) => x.stops.length > 0) as Itinerary;
    const { chain } = itineraryChain(ctx.network, factors, it, r.cargo);
    chain.elements.forEach((el, i) => {
      if (el.type !== 'hub') return;
      const next = chain.elements.slice(i + 1).find((x) => x.type === 'leg');
      const prev = chain.elements.slice(0, i).findLast((x) => x.type === 'leg');
      if (next !== undefined) expect(next.from).toBe(el.location);
      if (prev !== undefined) expect(prev.to).toBe(el.location);
    });
  });

  it('exports to iLEAP with the same total, one TCE per element', () => {
    const r = route(QUERIES[0]?.[1] as Omit<RouteRequest, 'depart'>);
    const it = r.itineraries[0] as Itinerary;
    const { chain, notes } = itineraryChain(ctx.network, factors, it, r.cargo);
    const ileap = toIleap(factors, chainEmissions(factors, chain), { teu: 2 });
    expect(ileap.shipmentFootprint.shipmentId).toBe(it.key);
    expect(ileap.shipmentFootprint.tces.length).toBe(chain.elements.length);
    const sum = ileap.shipmentFootprint.tces.reduce((s, t) => s + Number(t.co2eWTW), 0);
    // TCE figures are 6-decimal strings: their sum is within 1e-6 kg per TCE of the itinerary's CO2e.
    expect(Math.abs(sum - (it.totals.co2eKg as number))).toBeLessThan(1e-6 * ileap.shipmentFootprint.tces.length);
    expect(notes[0]).toContain(it.key);
  });

  it('says when it charges a tonnage with bulk factors or ignores a mass per TEU', () => {
    const r = route({ from: 'kz-almaty', to: 'am-yerevan', cargo: { kind: 'general', tonnes: 500 } });
    const { notes, chain } = itineraryChain(ctx.network, factors, r.itineraries[0] as Itinerary, r.cargo);
    expect(chain.cargo).toEqual({ kind: 'bulk', tonnes: 500 });
    expect(notes.join('\n')).toMatch(/general charged with bulk factors/);
    const c = itineraryChain(ctx.network, factors, r.itineraries[0] as Itinerary, {
      kind: 'containers',
      teu: 1,
      tonnesPerTeu: 20,
    });
    expect(c.notes.join('\n')).toMatch(/20 t per TEU was given/);
  });

  it('refuses an itinerary naming a link the network does not have', () => {
    const r = route(QUERIES[1]?.[1] as Omit<RouteRequest, 'depart'>);
    const it = r.itineraries[0] as Itinerary;
    const forged = { ...it, legs: it.legs.map((l, i) => (i === 0 ? { ...l, linkId: 'atlantis-ferry' } : l)) };
    try {
      itineraryChain(ctx.network, factors, forged, r.cargo);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KeruenError);
      expect((e as KeruenError).code).toBe('KERUEN_UNKNOWN_LINK');
      expect((e as KeruenError).issues[0]).toMatchObject({ field: 'legs.0.linkId', value: 'atlantis-ferry' });
    }
  });
});
