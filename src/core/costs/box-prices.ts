/**
 * Per unit type: what a 20-foot box pays against a 40-foot one. Carriers quote containers per box, and a 40' box
 * does not cost twice a 20' one (issue 15): the model keeps every container figure per TEU *of a 40' box* (half the
 * FEU price: what the search ranks on) and says, per cost part, how many times a 20' box a 40' box costs.
 *
 * - rail line haul per TEU-km (country rates and link tariffs per TEU-km): 1.6, from the published pair of per-km
 *   container rates of the KZ–TM–IR container rate of 2023, USD 0.15 per TEU-km for a loaded 20' box (≤ 24 t gross)
 *   against USD 0.24 per FEU-km (O114). Older KTZ special rates on the same line gave 0.12 and 0.24 (2.0, undated,
 *   F56 in the fidelity sheet); the newer, dated pair is taken. A network that publishes its own pair uses it
 *   (RAIL_BOX_PAIRS): TCDD's container tariff, EUR 0.18 per km for a loaded 20' box and EUR 0.23 for a 40' one
 *   (C-TCDD-TARIFF, c. 2021): 1.28 on Turkish rail legs.
 * - terminal handling quoted per container (facility.handlingCostUsdPerTeu): 1. Every such figure of the dataset
 *   is a charge per box, 20' or 40' alike (CMA CGM, EUR 220 per dry box, C-CMACGM-THC-2021; Maersk, EUR 295 per
 *   dry container, C-MAERSK-THC-DE-2025), so a 40' pays it once.
 * - everything else (sea lanes, ferry tariffs per wagon, border fees, figures per tonne): 2, i.e. proportional to
 *   TEU (a ferry wagon carries two 20' or one 40' for one price; the sea lanes' WCI quotes per FEU and the SCFI's
 *   per TEU stand about 2:1, see docs/validation.md).
 *
 * A container cargo of n TEU travels in floor(n / 2) 40' boxes and, when n is odd, one 20' box: the request counts
 * 20' boxes as 1 TEU and 40' boxes as 2 (src/core/requests/route.ts), so an odd TEU is a 20' box.
 */

/** The published per-km pair behind the rail ratio (O114, 2023), USD. */
export const RAIL_BOX_RATES = { usdPer20ftKm: 0.15, usdPer40ftKm: 0.24, source: 'O114', year: 2023 } as const;

/** A 40' rail box pays this many times a 20' one (RAIL_BOX_RATES: 0.24 / 0.15 = 1.6). */
export const RAIL_FEU_OVER_20FT = RAIL_BOX_RATES.usdPer40ftKm / RAIL_BOX_RATES.usdPer20ftKm;

/** A network's own published per-km pair for a loaded 20' and 40' box (any currency: only the ratio is used). */
export interface RailBoxPair {
  per20ftKm: number;
  per40ftKm: number;
  currency: string;
  source: string;
  year: number;
}

/** Per country (ISO 3166 alpha-2): the rail networks that publish their own 20'/40' pair. */
export const RAIL_BOX_PAIRS: Readonly<Record<string, RailBoxPair>> = {
  TR: { per20ftKm: 0.18, per40ftKm: 0.23, currency: 'EUR', source: 'C-TCDD-TARIFF', year: 2021 },
};

/**
 * How many times a 20' box a 40' box pays on a rail leg of `country`, with the source of the pair: the network's own
 * pair when it publishes one, else the KZ–TM–IR pair (RAIL_BOX_RATES).
 * @example railFeuOver20ft('TR') // { ratio: 1.278, source: 'C-TCDD-TARIFF' }
 */
export function railFeuOver20ft(country: string | undefined): { ratio: number; source: string } {
  const own = country === undefined ? undefined : RAIL_BOX_PAIRS[country];
  return own === undefined
    ? { ratio: RAIL_FEU_OVER_20FT, source: RAIL_BOX_RATES.source }
    : { ratio: own.per40ftKm / own.per20ftKm, source: own.source };
}

/** A per-container handling charge: a 40' pays it once, like a 20'. */
export const HANDLING_FEU_OVER_20FT = 1;

/** Proportional to TEU: a 40' pays twice a 20'. */
export const PROPORTIONAL = 2;

/**
 * Cost of `teu` TEU of containers for a part priced `usdPerTeu` per TEU of a 40' box, where a 40' box costs
 * `feuOver20ft` times a 20' box: floor(teu / 2) 40' boxes, and the rest as a 20' box (pro rata below one TEU,
 * then growing continuously to a full 40' box at two). Throws on a ratio outside [1, 2] or a bad count.
 * @example boxesUsd(100, 1, 1.6) // 125: one 20' box pays 2 × 100 / 1.6
 * @example boxesUsd(100, 2, 1.6) // 200: one 40' box
 */
export function boxesUsd(usdPerTeu: number, teu: number, feuOver20ft: number = PROPORTIONAL): number {
  if (!(feuOver20ft >= 1 && feuOver20ft <= 2))
    throw new RangeError(`feuOver20ft = ${feuOver20ft}: a 40' box costs between 1 and 2 times a 20' box`);
  if (!(Number.isFinite(teu) && teu >= 0)) throw new RangeError(`teu = ${teu}: must be finite and >= 0`);
  const per40 = 2 * usdPerTeu;
  const per20 = per40 / feuOver20ft;
  const forties = Math.floor(teu / 2);
  const rest = teu - 2 * forties;
  return forties * per40 + Math.min(rest, 1) * per20 + Math.max(rest - 1, 0) * (per40 - per20);
}
