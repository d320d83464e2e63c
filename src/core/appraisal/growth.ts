/**
 * Demand to 2040: the base demand set grown by commodity along a growth path (growth.yaml). Growth compounds at
 * the yearly rate r2030 from the base year to 2030 and at r2040 from 2030 to 2040, and is held flat afterwards
 * (no forecast beyond 2040 was found). Announced flows (claims, not observations) are absent before their year.
 */
import type { DemandSet } from '../scenarios/demand.ts';
import type { GrowthModel, GrowthPath } from './schema.ts';

/** Growth factor of a commodity's volumes from the base year to `year` on a path (1 at the base year). */
export function growthFactor(g: GrowthModel, commodity: string, path: GrowthPath, year: number): number {
  const row = g.commodities.find((c) => c.commodity === commodity) ?? g.commodities.find((c) => c.commodity === '*');
  if (row === undefined) return 1;
  const r = row[path];
  const y1 = Math.max(0, Math.min(year, 2030) - g.baseYear);
  const y2 = Math.max(0, Math.min(year, 2040) - Math.max(2030, g.baseYear));
  return (1 + r.r2030.value) ** y1 * (1 + r.r2040.value) ** y2;
}

/** The demand of `year` on a path: each flow times its commodity's growth; announced flows only from their year. */
export function demandForYear(base: DemandSet, g: GrowthModel, path: GrowthPath, year: number): DemandSet {
  const announced = new Map(g.announcedFlows.map((a) => [`${a.from} ${a.to} ${a.commodity}`, a.fromYear]));
  const flows = base.flows
    .filter((f) => (announced.get(`${f.from} ${f.to} ${f.commodity}`) ?? 0) <= year)
    .map((f) => ({
      ...f,
      volumePerYear: { ...f.volumePerYear, value: f.volumePerYear.value * growthFactor(g, f.commodity, path, year) },
    }));
  return { ...base, id: `${base.id}-${path}-${year}`, year, flows };
}
