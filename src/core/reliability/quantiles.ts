/**
 * Order statistics of a sample without a full sort: Hoare's selection with median-of-three pivots (expected
 * O(n)), applied to the requested quantiles in ascending order so each search starts where the last one ended.
 * Quantiles interpolate linearly between order statistics (Hyndman and Fan type 7, the default of R and numpy),
 * so results match `numpy.percentile(x, 100 * q)`.
 */

/** Puts the k-th smallest of data[lo..hi] at index k, smaller ones before it, larger ones after. Mutates data. */
export function selectInPlace(data: Float64Array, k: number, lo: number, hi: number): void {
  let l = lo;
  let r = hi;
  while (r > l) {
    const m = (l + r) >>> 1;
    // median of three into data[m], then use it as the pivot
    if (data[m]! < data[l]!) swap(data, m, l);
    if (data[r]! < data[l]!) swap(data, r, l);
    if (data[r]! < data[m]!) swap(data, r, m);
    const pivot = data[m]!;
    let i = l;
    let j = r;
    while (i <= j) {
      while (data[i]! < pivot) i++;
      while (data[j]! > pivot) j--;
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
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * Quantiles (type 7) of `data` for probabilities `qs` (each in [0, 1]), in the order given. Reorders `data`.
 * @example
 * quantilesInPlace(Float64Array.of(3, 1, 2, 4), [0.5]); // [2.5]
 */
export function quantilesInPlace(data: Float64Array, qs: readonly number[]): number[] {
  const n = data.length;
  if (n === 0) return qs.map(() => Number.NaN);
  const order = qs.map((q, i) => ({ q, i })).sort((a, b) => a.q - b.q);
  const out = new Array<number>(qs.length);
  let from = 0;
  for (const { q, i } of order) {
    const h = (n - 1) * q;
    const k = Math.floor(h);
    selectInPlace(data, k, from, n - 1);
    const xk = data[k]!;
    let next = xk;
    if (k + 1 < n && h > k) {
      // the (k+1)-th smallest is the minimum of what lies right of k
      next = data[k + 1]!;
      for (let j = k + 2; j < n; j++) if (data[j]! < next) next = data[j]!;
    }
    out[i] = xk + (h - k) * (next - xk);
    from = k;
  }
  return out;
}
