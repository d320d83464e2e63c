/**
 * Payload physics: how many tonnes a unit legally carries, and how many units a tonnage needs. Sources
 * (data/sources/costs.yaml):
 * - containers: ISO 668 (Amendment 1, 2005) rates 20' and 40' boxes at 30,480 kg maximum gross mass (C-ISO668);
 *   typical tares 2,300 kg (20') and 3,750 kg (40') are estimates from manufacturers' sheets, so the payload is
 *   28.18 t and 26.73 t.
 * - 1520 mm wagons: the 12-132 gondola carries 69.5 t (C-WAGON-12-132); covered hoppers and tanks are taken at
 *   the same class of 23.5 t axle load, so about 69.5 t (estimate).
 * - 1435 mm wagons: estimate 58 t, four axles at UIC line class C/D (20–22.5 t per axle = 80–90 t gross) less a
 *   tare of about 24 t, taking the lower, more common class-C limit.
 * - trucks: estimate 24 t, a 40 t EU-style gross combination less ~16 t tractor and trailer.
 */

/** A vehicle or box that a per-unit tariff counts. */
export type PayloadUnit = 'teu' | 'feu' | 'wagon1520' | 'wagon1435' | 'truck';

/** Legal payload in tonnes per unit (see the header for the source or estimate of each). */
export const PAYLOAD_TONNES: Readonly<Record<PayloadUnit, number>> = {
  teu: 30.48 - 2.3,
  feu: 30.48 - 3.75,
  wagon1520: 69.5,
  wagon1435: 58,
  truck: 24,
};

/** ISO 668 maximum gross mass of a 20' or 40' box, tonnes. */
export const CONTAINER_MAX_GROSS_T = 30.48;

/**
 * Units needed to carry `tonnes`: each unit carries at most its legal payload, a part-load still takes a unit.
 * Throws on a negative or non-finite tonnage (names the value).
 * @example unitsFor(1000, 'wagon1520') // 15 (1000 / 69.5 = 14.4, rounded up)
 */
export function unitsFor(tonnes: number, unit: PayloadUnit): number {
  if (!(Number.isFinite(tonnes) && tonnes >= 0)) throw new RangeError(`tonnes = ${tonnes}: must be finite and >= 0`);
  // The 1e-9 absorbs float noise of a tonnage that is an exact multiple of the payload.
  return Math.max(0, Math.ceil(tonnes / PAYLOAD_TONNES[unit] - 1e-9));
}

/** The wagon a rail leg of this gauge uses; broad gauges (1520, 1676) carry like 1520, the others like 1435. */
export function wagonOfGauge(gauge: number | undefined): PayloadUnit {
  return gauge === 1520 || gauge === 1676 ? 'wagon1520' : 'wagon1435';
}
