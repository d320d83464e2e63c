/**
 * Order statistics of a sample without a full sort: Hoare's selection with median-of-three pivots (expected
 * O(n)), applied to the requested quantiles in ascending order so each search starts where the last one ended.
 * Quantiles interpolate linearly between order statistics (Hyndman and Fan type 7, the default of R and numpy),
 * so results match `numpy.percentile(x, 100 * q)`. The loops over the data index it (for...of over a typed array
 * of a million values runs about 1.7x slower in V8) and their reads carry `?? 0`, or a value that stops the scan:
 * never taken within the bounds, and free in V8.
 */
import { must } from '../must.ts';

/** Puts the k-th smallest of data[lo..hi] at index k, smaller ones before it, larger ones after. Mutates data. */
export function selectInPlace(data: Float64Array, k: number, lo: number, hi: number): void {
  let l = lo;
  let r = hi;
  while (r > l) {
    const m = (l + r) >>> 1;
    // median of three into data[m], then use it as the pivot
    if ((data[m] ?? 0) < (data[l] ?? 0)) swap(data, m, l);
    if ((data[r] ?? 0) < (data[l] ?? 0)) swap(data, r, l);
    if ((data[r] ?? 0) < (data[m] ?? 0)) swap(data, r, m);
    const pivot = data[m] ?? 0;
    let i = l;
    let j = r;
    while (i <= j) {
      while ((data[i] ?? pivot) < pivot) i++;
      while ((data[j] ?? pivot) > pivot) j--;
      if (i <= j) {
        swap(data, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] ?? 0;
  a[i] = a[j] ?? 0;
  a[j] = t;
}

/** Sample size from which quantilesInPlace first tries buckets. */
const BUCKETED_MIN = 32768;
const BUCKETS = 4096;

/**
 * Exact type-7 quantiles by bucketing: one pass for the range (none when the caller knows it), one to count 4,096 equal-width buckets (bucket
 * index is monotone in the value, so bucket b holds exactly the order statistics cum[b] .. cum[b + 1] - 1), one
 * to copy out the few buckets that hold the wanted order statistics, then selection inside those small arrays.
 * About three times faster than selection over the whole array for a million values. Leaves `data` as it was.
 * Returns undefined (the caller falls back to selection) for NaN or infinite values.
 */
function bucketedQuantiles(
  data: Float64Array,
  qs: readonly number[],
  range: SampleRange | undefined,
): number[] | undefined {
  const n = data.length;
  let min = range?.min ?? data[0] ?? Number.NaN;
  let max = range?.max ?? min;
  if (range === undefined) {
    for (let i = 1; i < n; i++) {
      const x = data[i] ?? 0;
      if (x < min) min = x;
      else if (x > max) max = x;
      else if (Number.isNaN(x)) return undefined;
    }
  }
  if (!Number.isFinite(max - min)) return undefined;
  if (max === min) return qs.map(() => min);
  const scale = BUCKETS / (max - min);
  const top = BUCKETS - 1;
  const counts = new Int32Array(BUCKETS);
  for (let i = 0; i < n; i++) {
    const b = Math.min((((data[i] ?? 0) - min) * scale) | 0, top);
    counts[b] = (counts[b] ?? 0) + 1;
  }
  // start[b]: how many values lie in the buckets before b
  const start = new Int32Array(BUCKETS + 1);
  let cum = 0;
  counts.forEach((count, b) => {
    cum += count;
    start[b + 1] = cum;
  });
  const bucketOf = (rank: number): number => {
    let lo = 0;
    let hi = top;
    while (lo < hi) {
      const m = (lo + hi + 1) >> 1;
      if ((start[m] ?? 0) <= rank) lo = m;
      else hi = m - 1;
    }
    return lo;
  };
  // the order statistics needed: k and k + 1 of each quantile
  const wanted = new Map<number, Float64Array>();
  for (const q of qs) {
    const k = Math.floor((n - 1) * q);
    for (const r of [k, Math.min(k + 1, n - 1)]) {
      const b = bucketOf(r);
      if (!wanted.has(b)) wanted.set(b, new Float64Array(counts[b] ?? 0));
    }
  }
  const fill = new Int32Array(BUCKETS);
  const take = new Uint8Array(BUCKETS);
  for (const b of wanted.keys()) take[b] = 1;
  for (let i = 0; i < n; i++) {
    const x = data[i] ?? 0;
    let b = ((x - min) * scale) | 0;
    if (b > top) b = top;
    if (take[b] === 1) {
      const at = fill[b] ?? 0;
      fill[b] = at + 1;
      must(wanted.get(b), 'bucket of a wanted order statistic')[at] = x;
    }
  }
  const orderStat = (r: number): number => {
    const b = bucketOf(r);
    const arr = must(wanted.get(b), 'bucket of a wanted order statistic');
    const k = r - (start[b] ?? 0);
    selectInPlace(arr, k, 0, arr.length - 1);
    return must(arr[k], 'order statistic');
  };
  return qs.map((q) => {
    const h = (n - 1) * q;
    const k = Math.floor(h);
    const xk = orderStat(k);
    if (k + 1 >= n || h <= k) return xk;
    return xk + (h - k) * (orderStat(k + 1) - xk);
  });
}

/** Smallest and largest value of a sample whose values are all finite (no NaN, no infinity). */
export interface SampleRange {
  min: number;
  max: number;
}

/**
 * Quantiles (type 7) of `data` for probabilities `qs` (each in [0, 1]), in the order given. May reorder `data`.
 * A caller that has already passed over the data may give its `range` (exact minimum and maximum, every value
 * finite; an array sum that is finite proves the latter): the bucketing then skips its own pass for them.
 * The order statistics needed are selected middle first, each search confined to the part between the ones
 * already placed, so the array ends up partitioned at every selected index; the next order statistic after
 * index k is then the minimum of the stretch up to the following selected index, not of the whole tail.
 * @example
 * quantilesInPlace(Float64Array.of(3, 1, 2, 4), [0.5]); // [2.5]
 */
export function quantilesInPlace(data: Float64Array, qs: readonly number[], range?: SampleRange): number[] {
  const n = data.length;
  if (n === 0) return qs.map(() => Number.NaN);
  if (n >= BUCKETED_MIN) {
    const r = bucketedQuantiles(data, qs, range);
    if (r !== undefined) return r;
  }
  const ks = [...new Set(qs.map((q) => Math.floor((n - 1) * q)))].sort((a, b) => a - b);
  selectAll(data, ks, 0, ks.length, 0, n - 1);
  return qs.map((q) => {
    const h = (n - 1) * q;
    const k = Math.floor(h);
    const xk = must(data[k], 'order statistic');
    if (k + 1 >= n || h <= k) return xk;
    // (k+1)-th smallest: the minimum of data[k+1 .. next selected index], everything beyond it is no smaller
    const end = ks[ks.indexOf(k) + 1] ?? n - 1;
    let next = must(data[k + 1], 'order statistic');
    for (let j = k + 2; j <= end; j++) {
      const x = data[j] ?? next;
      if (x < next) next = x;
    }
    return xk + (h - k) * (next - xk);
  });
}

/** Selects ks[a..b) (ascending indices) within data[lo..hi], middle one first. */
function selectAll(data: Float64Array, ks: number[], a: number, b: number, lo: number, hi: number): void {
  if (a >= b) return;
  const m = (a + b) >> 1;
  const k = must(ks[m], 'selected index');
  selectInPlace(data, k, lo, hi);
  selectAll(data, ks, a, m, lo, k - 1);
  selectAll(data, ks, m + 1, b, k + 1, hi);
}
