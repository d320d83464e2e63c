/**
 * A fixed cost of not shipping per pair (AssignmentOptions.unservedCostUsdPerUnit) replaces the factor times the
 * pair's free-flow cost, so that runs compared with and without a project share one choke price.
 */
import { describe, expect, it } from 'vitest';
import { assign, containerDemand, legsNetwork } from './helpers.ts';

describe('cost of not shipping', () => {
  // One line a -> b at USD 100/TEU, 98,550 TEU a year (a 112.5-TEU train clears in 10 h), 200,000 TEU of demand
  // at USD 1 per TEU-hour. A TEU ships while 100 + W(rho) <= P, with W = 10 rho / (2 (1 - rho)).
  const net = legsNetwork(['a', 'b'], [{ id: 'ab', from: 'a', to: 'b', usdPerTeu: 100, teuPerYear: 98550 }]);
  const demand = containerDemand([{ from: 'a', to: 'b', teu: 200000 }]);

  it('ships up to where the queue costs the fixed penalty: P = 150, W = 50 h, rho = 10/11', () => {
    const r = assign(net, demand, { unservedCostUsdPerUnit: new Map([['a b containers', 150]]) });
    const od = r.ods[0]!;
    expect(od.penaltyUsdPerUnit).toBe(150);
    expect(200000 - od.unserved).toBeCloseTo((10 / 11) * 98550, -1);
  });

  it('keeps the factor for the pairs it does not name: 2 x 100 = 200', () => {
    const r = assign(net, demand, { unservedCostUsdPerUnit: new Map([['a c containers', 150]]) });
    expect(r.ods[0]!.penaltyUsdPerUnit).toBe(200);
  });

  it('rejects a penalty that is not positive, naming the pair', () => {
    expect(() => assign(net, demand, { unservedCostUsdPerUnit: new Map([['a b containers', 0]]) })).toThrow(
      expect.objectContaining({ code: 'KERUEN_INVALID_INPUT' }),
    );
  });
});
