/**
 * Primary data (ISO 14083:2023 and the GLEC Framework v3.0 rank a carrier's measured data above modelled and
 * default values): a carrier's own intensity or fuel use for a leg, or its own intensity for a hub. When a
 * leg, a hub or a network service carries one, it replaces the default factor, and the result says
 * `dataType: 'primary'` so that a report can give the share of its emissions resting on primary data.
 */
import { z } from 'zod';
import { KeruenError } from '../errors.ts';
import { ENERGY_CARRIERS, type Primary, PrimaryIntensitySchema } from './factor-schema.ts';
import type { EmissionFactors } from './load-factors.ts';

const nonNegative = z.number().finite('must be a finite number').nonnegative('must not be negative');
const provenance = {
  /** Where the figure comes from: a report, a carrier statement, a source id. */
  source: z.string().min(1),
  carrier: z.string().min(1).optional(),
  year: z.number().int().min(1990).max(2100).optional(),
};

/** A carrier's intensity for one leg (per net tkm or TEU-km unless activityBasis is gross). */
export const LegPrimarySchema = z.strictObject({
  ...PrimaryIntensitySchema.shape,
  energyCarrier: z.enum(ENERGY_CARRIERS).optional(),
  ...provenance,
});
export type LegPrimary = z.output<typeof LegPrimarySchema>;

/** Fuel (kg) or electricity (kWh) the carrier allocates to this shipment on this leg. */
export const FuelUseSchema = z.strictObject({
  energyCarrier: z.enum(ENERGY_CARRIERS),
  quantity: nonNegative,
  unit: z.enum(['kg', 'kWh']),
  ...provenance,
});
export type FuelUse = z.output<typeof FuelUseSchema>;

/** A hub operator's own intensity, per TEU or per tonne handled. */
export const HubPrimarySchema = z.strictObject({
  unit: z.enum(['kg_per_teu', 'kg_per_tonne']),
  wtwKg: nonNegative,
  ttwKg: nonNegative.optional(),
  ...provenance,
});
export type HubPrimary = z.output<typeof HubPrimarySchema>;

/** The data type of a result, as ISO 14083 asks it reported. */
export type DataType = 'primary' | 'default';

/** A leg's primary intensity from a dataset record (primary*.yaml) of the service it sails. */
export function legPrimaryOf(p: Primary): LegPrimary {
  const source = Array.isArray(p.source) ? p.source.join(',') : p.source;
  return {
    unit: p.unit,
    wtwG: p.wtwG,
    ttwG: p.ttwG,
    activityBasis: p.activityBasis,
    dafIncluded: p.dafIncluded,
    source,
    energyCarrier: p.energyCarrier,
    carrier: p.carrier,
    year: p.year,
  };
}

/** WTW and TTW kg of a leg from the fuel the carrier used for it, with the energy carrier's factor. */
export function fuelUseEmissions(
  f: EmissionFactors,
  fuel: FuelUse,
): { wttKg: number; ttwKg: number; energyId: string } {
  const unit = fuel.unit === 'kg' ? 'kg_co2e_per_kg' : 'kg_co2e_per_kwh';
  const e = [...f.energy.values()].find((x) => x.carrier === fuel.energyCarrier && x.unit === unit);
  if (e === undefined)
    throw new KeruenError('KERUEN_UNKNOWN_ID', `no energy factor for ${fuel.energyCarrier} per ${fuel.unit}`, [
      {
        code: 'unknown_factor',
        field: 'fuelUse.energyCarrier',
        value: fuel.energyCarrier,
        message: `no ${unit} record in data/emissions/energy*.yaml`,
      },
    ]);
  const ttwKg = fuel.quantity * e.ttw;
  return { wttKg: fuel.quantity * e.wtw - ttwKg, ttwKg, energyId: e.id };
}

/** A lower-case id fragment of a carrier's name, e.g. `Line X` -> `line-x`. */
export function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
