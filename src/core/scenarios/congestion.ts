/**
 * Congestion delay at a capacity-limited element (a terminal, a gauge-change yard, a line section, a sailing
 * service), as a function of its utilisation.
 *
 * Method: cargo reaches an element in batches (train loads) at random (Poisson) times and the element clears
 * one batch in a fixed time h = batch / capacity rate, so the mean wait in queue is the Pollaczek–Khinchine
 * value for M/D/1: W = rho h / (2 (1 - rho)) (Kingman's formula with c_a^2 = 1, c_s^2 = 0). For a scheduled
 * service the same expression is Kingman's heavy-traffic wait of the bulk-service queue Q' = max(Q + A - K, 0)
 * (A compound-Poisson train loads per sailing, K units per sailing): E[Q] = Var A / (2 (K - E A)) gives, through
 * Little's law, W = rho (b / K) T / (2 (1 - rho)) with T the headway; this is the M/D/1 value with h = b T / K.
 * The timetable wait itself (half a headway on average) is part of the base travel time, not of W.
 *
 * The reliability module simulates individual departures; this closed form is what the equilibrium needs:
 * smooth, increasing, cheap. Beyond rhoMax (0.95 by default) the curve continues along its tangent, so that
 * an overloaded element has a large but finite delay and the assignment can move flow off it (an element above
 * capacity is reported as such; demand that no route can take is reported as unserved, see assignment.ts).
 *
 * Batch: a container train of 112.5 TEU: a Kazmortransflot feeder of 225 TEU carries "2 container trains"
 * (source S47, corridor-facts §3a). Tonnes convert to TEU equivalents at 10 t per TEU (DEFAULT_TONNES_PER_TEU,
 * GLEC convention). A line capacity in trains a day holds containers at 112.5 TEU a train and other cargo at the
 * bulk train load of its gauge (bulkTonnesPerTrain), so that its tonnes are not counted in container trains.
 */

import { sumSquaredWeeklyGapsH2, WEEK_H, YEAR_H } from '../time.ts';

/** TEU per container train (S47: 225 TEU = 2 container trains). */
export const TEU_PER_TRAIN = 112.5;
/** Net tonnes per loaded rail wagon, for wagon capacities of rail ferries: 1,050 t of wheat in 15 wagons (S61). */
export const TONNES_PER_WAGON = 70;
/**
 * Cargo tonnes per truck, for truck capacities of Ro-Ro ferries: one FEU (2 TEU) at the GLEC 10 t per TEU, the
 * load the dataset uses for truck crossings (e.g. the Red Bridge road capacity, data/links/caucasus.yaml).
 */
export const TONNES_PER_TRUCK = 20;
/**
 * Net tonnes of bulk or general cargo per train on a line whose capacity is given in trains a day, by gauge.
 * 1520 mm: 2,740 t, DERIVED twice from Kazakh figures: KTZ's 10 Mt a year expected on Darbaza–Maktaaral (S32, S31)
 * over the 10 train pairs a day of its Syrdarya junction (AP20), 10e6 / (10 x 365); and Dostyk's more than 15 Mt
 * handled in 2014 (S184) over the 15 trains a day of its 1520 mm side (S106), 15e6 / (15 x 365). Other gauges: no
 * bulk train load was found, so they keep the container train's 1,125 t (112.5 TEU at 10 t), close to the
 * 1,000–1,050 t grain trains of S60/S61 (the Dostyk 1435 mm side implies at least 15e6 / (12 x 365) = 3,425 t,
 * S184 S106, but European trains are shorter: a lower load errs towards more congestion there).
 */
export const BULK_TONNES_PER_TRAIN_BY_GAUGE: Readonly<Record<number, number>> = { 1520: 2740 };
/** The container train's load in tonnes, the bulk train load of gauges without a figure. */
export const DEFAULT_BULK_TONNES_PER_TRAIN = 1125;

/**
 * Bulk or general cargo tonnes per train on a line of `gauge` mm (undefined: not a rail gauge; the default).
 * @example bulkTonnesPerTrain(1520) // 2740
 */
export function bulkTonnesPerTrain(gauge: number | undefined): number {
  return (gauge === undefined ? undefined : BULK_TONNES_PER_TRAIN_BY_GAUGE[gauge]) ?? DEFAULT_BULK_TONNES_PER_TRAIN;
}
/** Hours per (365-day) year: ../time.ts. */
export const HOURS_PER_YEAR = YEAR_H;
export const DEFAULT_RHO_MAX = 0.95;

/**
 * Mean queueing delay in hours at utilisation `rho` for an element that clears one batch in `batchH` hours.
 * Continuous, increasing and convex in rho; linear beyond rhoMax.
 * @example mD1WaitH(0.5, 4) // 2 (hours): 0.5 * 4 / (2 * 0.5)
 */
export function mD1WaitH(rho: number, batchH: number, rhoMax = DEFAULT_RHO_MAX): number {
  if (!(rho > 0) || !(batchH > 0)) return 0;
  if (rho <= rhoMax) return (rho * batchH) / (2 * (1 - rho));
  const w = (rhoMax * batchH) / (2 * (1 - rhoMax));
  const slope = batchH / (2 * (1 - rhoMax) * (1 - rhoMax));
  return w + slope * (rho - rhoMax);
}

/** Hours to clear one batch at a capacity given in TEU (equivalents) per year. */
export function batchHoursAt(capacityTeuPerYear: number, batchTeu = TEU_PER_TRAIN): number {
  return capacityTeuPerYear > 0 && Number.isFinite(capacityTeuPerYear)
    ? (batchTeu * HOURS_PER_YEAR) / capacityTeuPerYear
    : 0;
}

/**
 * Mean wait for the next departure of a weekly timetable when cargo is ready at a random time, with each
 * departure cancelled independently with probability p: sum(gap^2) / (2 * 168) for the timetable, plus
 * p / (1 - p) mean headways for the cancelled ones.
 */
export function meanTimetableWaitH(weeklyOffsetsH: ArrayLike<number>, cancellationProbability = 0): number {
  const n = weeklyOffsetsH.length;
  if (n === 0) return 0;
  const sq = sumSquaredWeeklyGapsH2(weeklyOffsetsH);
  const p = Math.min(Math.max(cancellationProbability, 0), 0.99);
  return sq / (2 * WEEK_H) + (p / (1 - p)) * (WEEK_H / n);
}

/** Derivative of mD1WaitH with respect to rho (hours per unit of utilisation), for Newton-type flow shifts. */
export function mD1WaitSlopeH(rho: number, batchH: number, rhoMax = DEFAULT_RHO_MAX): number {
  if (!(batchH > 0)) return 0;
  const r = Math.min(Math.max(rho, 0), rhoMax);
  return batchH / (2 * (1 - r) * (1 - r));
}
