/**
 * Lane factors and primary data (ISO 14083; GLEC v3.0 Table 16, p.99): a sea leg of a container
 * service takes its trade lane's factor, and a carrier's own figure takes precedence over any default and is
 * reported as primary.
 */
import { describe, expect, it } from 'vitest';
import {
  chainEmissions,
  createEmissionsModel,
  hubEmissions,
  legEmissions,
  parseEmissionFactors,
  toIleap,
} from '../../../src/core/emissions/index.ts';
import { getLink, getNode } from '../../../src/core/network/network.ts';
import { loadContext } from '../../../src/io/index.ts';
import { factorsWith, shipped, shippedFiles } from './helpers.ts';

const ctx = loadContext();

describe('trade-lane factors', () => {
  it('every laned service exists in the network and sails container ships', () => {
    for (const [service] of shipped.laneOfService) {
      const s = ctx.network.services.find((x) => x.id === service);
      expect(s?.carries, service).toContain('containers');
    }
    expect(shipped.laneOfService.get('asia-north-europe')?.id).toBe('asia-north-europe');
  });

  it('Shanghai -> Singapore sails on the Asia - North Europe lane: 49.9 g per TEU-km, not 89.0', () => {
    const l = getLink(ctx.network, 'sea-shanghai-singapore');
    const km = l.distanceKm?.value ?? Number.NaN;
    const u = createEmissionsModel(shipped).link(l, getNode(ctx.network, l.from), 'container_ship');
    expect(u.perTeuKg).toBeCloseTo((km * 49.9) / 1000, 6);
  });

  it('an all-sea Shanghai -> Rotterdam TEU comes to the lane figure (about 990 kg, not 1,770)', () => {
    const r = ctx.engine.route(
      {
        from: 'cn-shanghai',
        to: 'nl-rotterdam',
        depart: '2025-03-03T08:00:00Z',
        cargo: { kind: 'containers', teu: 1 },
        avoidModes: ['rail', 'road', 'ferry'],
      },
      { timelines: false },
    );
    const fastest = r.itineraries.reduce((a, b) => (a.totals.durationH <= b.totals.durationH ? a : b));
    // Every leg is on the asia-north-europe service: 49.9 g/TEU-km x the route's km.
    expect(fastest.totals.co2eKg).toBeCloseTo((fastest.totals.distanceKm * 49.9) / 1000, 3);
    expect(fastest.totals.co2eKg).toBeLessThan(1100);
  });

  it('a service without a lane keeps the industry average and a chain leg names its lane', () => {
    const base = { mode: 'sea', distanceKm: 1000, country: 'CN', vessel: 'container_ship' } as const;
    const cargo = { kind: 'containers', teu: 1 } as const;
    expect(legEmissions(shipped, { ...base, cargo }).wtwKg).toBeCloseTo(89.0, 6);
    expect(legEmissions(shipped, { ...base, cargo, tradeLane: 'asia-north-europe' }).wtwKg).toBeCloseTo(49.9, 6);
  });

  it('rejects a lane without its TOC and a service on two lanes', () => {
    const bad = `
- { id: no-such-lane, services: [asia-north-europe], source: E1, version: GLEC v3.0 }
`;
    const { issues } = parseEmissionFactors([...shippedFiles, { path: 'emissions/lanes-extra.yaml', text: bad }]);
    expect(issues.map((i) => i.code).sort()).toEqual(['duplicate_key', 'unknown_factor']);
  });
});

describe('primary data', () => {
  const primary = {
    unit: 'g_per_teukm',
    wtwG: 30,
    ttwG: 25,
    source: 'Carrier report 2024',
    carrier: 'Line X',
  } as const;

  it('a carrier intensity on a leg overrides the lane factor and is reported as primary', () => {
    const leg = { mode: 'sea', distanceKm: 1000, country: 'CN', vessel: 'container_ship' } as const;
    const cargo = { kind: 'containers', teu: 2 } as const;
    const d = legEmissions(shipped, { ...leg, cargo, tradeLane: 'asia-north-europe' });
    const p = legEmissions(shipped, {
      ...leg,
      cargo,
      tradeLane: 'asia-north-europe',
      primary: { ...primary, activityBasis: 'net', dafIncluded: true },
    });
    expect(d.factor.dataType).toBe('default');
    expect(p.factor.dataType).toBe('primary');
    // 2 TEU x 1000 km x 30 g = 60 kg, of which 2 x 1000 x 25 g = 50 kg TTW.
    expect(p.wtwKg).toBeCloseTo(60, 9);
    expect(p.ttwKg).toBeCloseTo(50, 9);
    expect(p.factor.source).toBe('Carrier report 2024');
  });

  it('a carrier fuel figure gives fuel x the energy factor: 100 kg HFO x 3.86 = 386 kg WTW', () => {
    const r = legEmissions(shipped, {
      mode: 'sea',
      distanceKm: 500,
      country: 'AZ',
      cargo: { kind: 'containers', teu: 1 },
      fuelUse: { energyCarrier: 'hfo', quantity: 100, unit: 'kg', source: 'ASCO voyage log' },
    });
    expect(r.wtwKg).toBeCloseTo(386, 9);
    expect(r.ttwKg).toBeCloseTo(318, 9);
    expect(r.factor.dataType).toBe('primary');
  });

  it('a chain reports the part of its emissions that rests on primary data; iLEAP export keeps working', () => {
    const chain = {
      shipmentId: 'p1',
      cargo: { kind: 'containers', teu: 1 } as const,
      elements: [
        { type: 'leg', mode: 'road', distanceKm: 100, country: 'DE' } as const,
        {
          type: 'hub',
          operation: 'container_terminal',
          primary: { unit: 'kg_per_teu', wtwKg: 4, source: 'Terminal report' },
        } as const,
      ],
    };
    const r = chainEmissions(shipped, chain);
    expect(r.elements[1]?.wtwKg).toBe(4);
    expect(r.elements[1]?.factor.dataType).toBe('primary');
    expect(r.totals.primaryWtwKg).toBe(4);
    expect(hubEmissions(shipped, { operation: 'container_terminal', cargo: chain.cargo }).factor.dataType).toBe(
      'default',
    );
    const ileap = toIleap(shipped, r);
    expect(ileap.hocs.find((h) => h.hocId === r.elements[1]?.factor.id)?.co2eIntensityWTW).toBe('4');
  });

  it('a service with a primary record (primary*.yaml) takes it on every link it sails, in the routing model', () => {
    const f = factorsWith({
      path: 'emissions/primary-test.yaml',
      text: `
- { id: line-x-2024, service: asia-north-europe, carrier: Line X, unit: g_per_teukm, wtwG: 30, ttwG: 25,
    source: E1, version: carrier report 2024, year: 2024 }
`,
    });
    const l = getLink(ctx.network, 'sea-shanghai-singapore');
    const km = l.distanceKm?.value ?? Number.NaN;
    const u = createEmissionsModel(f).link(l, getNode(ctx.network, l.from), 'container_ship');
    expect(u.perTeuKg).toBeCloseTo((km * 30) / 1000, 6);
  });
});
