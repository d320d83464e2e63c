/**
 * Demand to 2040: the base demand set, plus the catchment cells the appraisal adds to it (growth.yaml
 * `addedFlows`), grown by commodity along a growth path (growth.yaml). Growth compounds at the yearly rate r2030
 * from the base year to 2030 and at r2040 from 2030 to 2040, and is held flat afterwards (no forecast beyond
 * 2040 was found). Announced flows (claims, not observations) are absent before their year.
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

/**
 * Growth of one flow to `year`: from the year its volume describes (the base year when it gives none), so that an
 * announced 2030 volume (15 Mt of the Trans-Afghan claim) is that volume in 2030, not grown on top of it.
 */
function growthSince(g: GrowthModel, f: DemandSet['flows'][number], path: GrowthPath, year: number): number {
  const since = f.volumePerYear.year ?? g.baseYear;
  return growthFactor(g, f.commodity, path, year) / growthFactor(g, f.commodity, path, since);
}

/** The demand of `year` on a path: each flow times its commodity's growth; announced flows only from their year. */
export function demandForYear(base: DemandSet, g: GrowthModel, path: GrowthPath, year: number): DemandSet {
  const announced = new Map(g.announcedFlows.map((a) => [`${a.from} ${a.to} ${a.commodity}`, a.fromYear]));
  for (const a of g.addedFlows)
    if (a.fromYear !== undefined) announced.set(`${a.from} ${a.to} ${a.commodity}`, a.fromYear);
  const added = g.addedFlows.map(({ fromYear: _y, ...f }) => f);
  const flows = [...base.flows, ...added]
    .filter((f) => (announced.get(`${f.from} ${f.to} ${f.commodity}`) ?? 0) <= year)
    .map((f) => ({
      ...f,
      volumePerYear: { ...f.volumePerYear, value: f.volumePerYear.value * growthSince(g, f, path, year) },
    }));
  return { ...base, id: `${base.id}-${path}-${year}`, year, flows };
}
