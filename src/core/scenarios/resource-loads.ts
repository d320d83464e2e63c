/**
 * Loads on the capacity-limited elements (resources.ts) and what they cost: per element the container load (TEU
 * per year) and the all-cargo load (TEU equivalents per year, other cargo weighted by the element's bulkWeight), the utilisation of whichever measure binds, and the
 * M/D/1-type delay with its slope (congestion.ts). Moving flow onto or off a route updates the elements it uses at
 * once, as gradient projection needs; a full recount from the route flows clears the rounding once per iteration.
 * Reads of an element's figures carry `?? 0` (a capacity `?? Infinity`): an element index is below `res.count`,
 * so they are never taken, and V8 drops them.
 */
import { must } from '../must.ts';
import type { CommodityClass } from './assignment-settings.ts';
import { batchHoursAt, mD1WaitH, mD1WaitSlopeH } from './congestion.ts';
import type { Resources } from './resources.ts';
import type { OdAssignment, RouteFlow } from './route-flows.ts';

export class ResourceLoads {
  readonly res: Resources;
  private readonly rhoMax: number;
  /** Per element: container load (TEU/yr), all-cargo load (TEU eq/yr), utilisation, delay (h). */
  readonly containersTeu: Float64Array;
  readonly allTeuEq: Float64Array;
  readonly utilisation: Float64Array;
  readonly delayH: Float64Array;
  /** dW/drho (hours), and whether the container-only measure binds. */
  private readonly slopeH: Float64Array;
  private readonly bindsContainers: Uint8Array;

  constructor(res: Resources, rhoMax: number) {
    this.res = res;
    this.rhoMax = rhoMax;
    const R = res.count;
    this.containersTeu = new Float64Array(R);
    this.allTeuEq = new Float64Array(R);
    this.utilisation = new Float64Array(R);
    this.delayH = new Float64Array(R);
    this.slopeH = new Float64Array(R);
    this.bindsContainers = new Uint8Array(R);
  }

  /** Recomputes utilisation, delay and slope of element r from its loads. */
  refresh(r: number): void {
    const capC = this.res.capContainersTeu[r] ?? Number.POSITIVE_INFINITY;
    const capA = this.res.capAllTeuEq[r] ?? Number.POSITIVE_INFINITY;
    const rc = (this.containersTeu[r] ?? 0) / capC;
    const ra = (this.allTeuEq[r] ?? 0) / capA;
    const c = rc >= ra;
    const rho = Math.max(rc, ra);
    this.bindsContainers[r] = c ? 1 : 0;
    this.utilisation[r] = rho;
    const h = batchHoursAt(c ? capC : capA);
    this.delayH[r] = mD1WaitH(rho, h, this.rhoMax);
    this.slopeH[r] = mD1WaitSlopeH(rho, h, this.rhoMax);
  }

  /** Recounts every load from the route flows of `ods` (routes with positive flow), then refreshes every element. */
  recount(ods: readonly OdAssignment[], classes: readonly CommodityClass[]): void {
    this.containersTeu.fill(0);
    this.allTeuEq.fill(0);
    for (const od of ods) {
      const k = must(classes[od.classIndex], 'class of an OD pair');
      for (const rt of od.routes) {
        if (rt.flow <= 0) continue;
        for (const r of rt.resources) this.addLoad(r, k, rt.flow);
      }
    }
    for (let r = 0; r < this.res.count; r++) this.refresh(r);
  }

  /** Adds `delta` units per year of class `cl` to route `rt` (mutates rt.flow) and updates the elements it uses. */
  move(cl: CommodityClass, rt: RouteFlow, delta: number): void {
    rt.flow += delta;
    for (const r of rt.resources) this.addLoad(r, cl, delta);
    for (const r of rt.resources) this.refresh(r);
  }

  /** Adds `units` units per year of class `cl` to the loads of element r (containers too when it counts TEU). */
  private addLoad(r: number, cl: CommodityClass, units: number): void {
    const w = cl.perTeu ? 1 : (this.res.bulkWeight[r] ?? 1);
    this.allTeuEq[r] = (this.allTeuEq[r] ?? 0) + units * cl.teuEqPerUnit * w;
    if (cl.perTeu) this.containersTeu[r] = (this.containersTeu[r] ?? 0) + units;
  }

  /** d(cost of a unit of class cl)/d(flow of class cl through element r), USD per unit per unit per year. */
  marginal(cl: CommodityClass, r: number): number {
    const res = this.res;
    const perUnit = this.bindsContainers[r]
      ? cl.perTeu
        ? 1 / (res.capContainersTeu[r] ?? Number.POSITIVE_INFINITY)
        : 0
      : (cl.teuEqPerUnit * (cl.perTeu ? 1 : (res.bulkWeight[r] ?? 1))) /
        (res.capAllTeuEq[r] ?? Number.POSITIVE_INFINITY);
    return cl.valueOfTimeUsdPerUnitH * (this.slopeH[r] ?? 0) * perUnit;
  }

  /**
   * Newton step denominator for shifting flow of class cl from route a to route b (undefined: not shipping): the
   * sum over the elements used a different number of times of (difference)² x marginal.
   */
  curvature(cl: CommodityClass, a: RouteFlow | undefined, b: RouteFlow | undefined): number {
    const n = new Map<number, number>();
    if (a) for (const r of a.resources) n.set(r, (n.get(r) ?? 0) + 1);
    if (b) for (const r of b.resources) n.set(r, (n.get(r) ?? 0) - 1);
    let h = 0;
    for (const [r, d] of n) if (d !== 0) h += d * d * this.marginal(cl, r);
    return h;
  }
}
