/**
 * The Monte Carlo's sampling loops over encoded distributions (samplers.ts encodeDistribution): one draw per
 * sample added to a block of transit times, one tight loop per distribution kind, so the hot loop never branches
 * on the kind. Each loop runs the xoshiro128** step of rng.ts itself, with the generator's state in local
 * variables, and uses each uniform as it is made: filling an array of uniforms first and reading it back cost a
 * store and a load per draw (about a third of a uniform draw's time, measured), and a call to Rng.uniform()
 * inside the loop keeps the state in the object's fields. The numbers are those of Rng.uniform(), in the same
 * order, so the draws are the ones sampleDuration makes from the same generator state (the lognormal's up to
 * expFast's last bit against Math.exp). Typed-array reads within the loops' bounds carry `?? 0`: never taken,
 * and free in V8.
 */

import { addLognormalDraws } from './lognormal.ts';
import type { Rng } from './rng.ts';
import { DIST_FIXED, DIST_LOGNORMAL, DIST_TRIANGULAR, DIST_UNIFORM, PARAM_STRIDE } from './samplers.ts';

const INV_2_32 = 1 / 4294967296;

/**
 * Adds one draw of the encoded distribution at `slot` to each of acc[at .. at + n), drawing from `rng` (one
 * uniform per draw, none for fixed; the lognormal's normal draws take one, rarely more). Allocation-free:
 * `fix` is the scratch of the triangular loop, for at least n samples.
 */
export function addEncodedDraws(
  kind: number,
  params: Float64Array,
  slot: number,
  pool: Float64Array,
  rng: Rng,
  acc: Float64Array,
  at: number,
  n: number,
  fix: BranchFixups,
): void {
  const o = slot * PARAM_STRIDE;
  const p0 = params[o] ?? 0;
  const p1 = params[o + 1] ?? 0;
  if (kind === DIST_FIXED) {
    for (let i = at; i < at + n; i++) acc[i] = (acc[i] ?? 0) + p0;
    return;
  }
  if (kind === DIST_LOGNORMAL) {
    addLognormalDraws(p0, p1, rng, acc, at, n);
    return;
  }
  if (kind === DIST_TRIANGULAR) {
    addTriangularDraws(params, o, rng, acc, at, n, fix);
    return;
  }
  // the kind as a boolean: an imported constant would be read from its module binding in every iteration
  const uniform = kind === DIST_UNIFORM;
  let { a, b, c, d } = rng;
  for (let i = at; i < at + n; i++) {
    // xoshiro128** (rng.ts nextUint32), times 2^-32: Rng.uniform()
    const m = Math.imul(b, 5);
    const u = (Math.imul((m << 7) | (m >>> 25), 9) >>> 0) * INV_2_32;
    c ^= a;
    d ^= b;
    const t = b << 9;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    // the branch on the kind is the same for every sample of the loop, so it is always predicted
    let x: number;
    if (uniform) x = p0 + p1 * u;
    else x = pool[p0 + Math.floor(u * p1)] ?? 0; // empirical
    acc[i] = (acc[i] ?? 0) + x;
  }
  rng.setState(a, b, c, d, n);
}

/**
 * Scratch of the loops that take one branch for every sample and redo the few samples of the other branch
 * afterwards (the triangular loop below): which samples, what they held before, their uniform. A branch taken
 * at random in a loop of long dependency chains costs far more than its own work: each misprediction throws
 * away the iterations the processor was overlapping.
 */
export class BranchFixups {
  readonly index: Int32Array;
  readonly before: Float64Array;
  readonly u: Float64Array;

  /** For loops of at most n samples. */
  constructor(n: number) {
    this.index = new Int32Array(n + 1);
    this.before = new Float64Array(n + 1);
    this.u = new Float64Array(n + 1);
  }
}

/**
 * Triangular draws by inversion: u < fc ? min + sqrt(u * left) : max - sqrt((1 - u) * right). The side is a
 * random branch (taken with probability fc), so every draw takes the right side's formula and the draws with
 * u < fc are listed without a branch and redone after the loop (BranchFixups): the same numbers.
 */
function addTriangularDraws(
  params: Float64Array,
  o: number,
  rng: Rng,
  acc: Float64Array,
  at: number,
  n: number,
  fix: BranchFixups,
): void {
  const min = params[o] ?? 0;
  const max = params[o + 1] ?? 0;
  const fc = params[o + 2] ?? 0;
  const w = params[o + 3] ?? 0;
  const left = w * (fc * w);
  const right = w * (max - min - fc * w);
  const { index, before, u: us } = fix;
  let lefts = 0;
  let { a, b, c, d } = rng;
  for (let i = at; i < at + n; i++) {
    const m = Math.imul(b, 5);
    const u = (Math.imul((m << 7) | (m >>> 25), 9) >>> 0) * INV_2_32;
    c ^= a;
    d ^= b;
    const t = b << 9;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    const old = acc[i] ?? 0;
    acc[i] = old + (max - Math.sqrt((1 - u) * right));
    index[lefts] = i;
    before[lefts] = old;
    us[lefts] = u;
    lefts += +(u < fc);
  }
  rng.setState(a, b, c, d, n);
  for (let j = 0; j < lefts; j++) acc[index[j] ?? 0] = (before[j] ?? 0) + (min + Math.sqrt((us[j] ?? 0) * left));
}
