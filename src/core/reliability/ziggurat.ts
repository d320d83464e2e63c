/**
 * Standard normal draws by the ziggurat method (G. Marsaglia and W. W. Tsang, "The ziggurat method for
 * generating random variables", J. Stat. Software 5(8), 2000), with 256 layers as numpy's standard_normal
 * uses: the area under exp(-x^2/2) is cut into 256 pieces of equal area, a base strip (with the tail beyond
 * R = 3.6541528853610088) and 255 rectangles stacked on it. One 32-bit draw picks a layer (its low 8 bits) and a
 * signed point across it (the other 24 bits, disjoint from the layer's, as J. A. Doornik, "An improved ziggurat
 * method to generate normal random samples", 2005, advises); 98.5% of points fall in the part of their layer
 * that lies wholly under the curve and are returned at once, a product and a comparison. The rest go through
 * the wedge test (layers 1-255) or Marsaglia's exact tail algorithm (the base strip), drawing again. The method
 * is exact: the draws have the normal law up to the 2^24-point grid of each layer (as many distinct values as
 * the 2^32 of a uniform fed to an inverse CDF) and, unlike an inverse CDF of a 32-bit uniform, an unbounded
 * tail. Against Acklam's inverse CDF it saves the rational function and its division on every draw.
 */

import type { Rng } from './rng.ts';

/** Right edge of the base strip: where the tail starts (Marsaglia and Tsang's r for 256 layers). */
export const ZIGGURAT_R = 3.6541528853610088;
/**
 * Area of each layer under exp(-x^2/2): R f(R) + the tail's area, sqrt(pi/2) erfc(R / sqrt 2), computed in
 * double precision (numpy's table generator states 0.0049286732339746519, the same double); the top layer's
 * area then matches it to 2e-16 (checked in the tests).
 */
const LAYER_AREA = 0.004928673233974658;
const LAYERS = 256;
/** A layer's point is a signed 24-bit integer plus a half: 2^23 half-widths on each side of zero. */
const HALF_CELLS = 8388608;

/**
 * ZIGGURAT_X[i]: half-width of layer i (the base's is its area over f(R), so that it holds the tail's area
 * too); ZIGGURAT_X[i + 1]: how far layer i lies wholly under the curve; ZIGGURAT_X[256] = 0 (the top has no
 * such part). ZIGGURAT_F[i] = f(ZIGGURAT_X[i]) (f(0) = 1 at 256; the base's is not used). ZIGGURAT_W[i] = ZIGGURAT_X[i] / 2^23.
 */
export const ZIGGURAT_X = new Float64Array(LAYERS + 1);
export const ZIGGURAT_F = new Float64Array(LAYERS + 1);
export const ZIGGURAT_W = new Float64Array(LAYERS);
{
  const f = (x: number) => Math.exp(-0.5 * x * x);
  ZIGGURAT_X[0] = LAYER_AREA / f(ZIGGURAT_R);
  ZIGGURAT_X[1] = ZIGGURAT_R;
  // each layer's top edge is where the curve has risen by the layer's area over its width (Marsaglia's zigset)
  for (let i = 1; i < LAYERS - 1; i++) {
    const x = ZIGGURAT_X[i] ?? 0;
    ZIGGURAT_X[i + 1] = Math.sqrt(-2 * Math.log(f(x) + LAYER_AREA / x));
  }
  ZIGGURAT_X[LAYERS] = 0;
  for (let i = 0; i <= LAYERS; i++) ZIGGURAT_F[i] = f(ZIGGURAT_X[i] ?? 0);
  for (let i = 0; i < LAYERS; i++) ZIGGURAT_W[i] = (ZIGGURAT_X[i] ?? 0) / HALF_CELLS;
}

/**
 * One standard normal draw: usually one 32-bit draw of `rng`, a few more for the 1.5% of points outside the
 * part of their layer under the curve.
 * @example
 * const z = standardNormal(new Rng(1)); // the same number for the same seed
 */
export function standardNormal(rng: Rng): number {
  const u = rng.nextUint32() | 0;
  const layer = u & 255;
  const z = ((u >> 8) + 0.5) * (ZIGGURAT_W[layer] ?? 0);
  if (Math.abs(z) < (ZIGGURAT_X[layer + 1] ?? 0)) return z;
  return normalBeyondFastPart(rng, layer, z);
}

/**
 * The rest of a draw whose first point `z` in layer `layer` fell outside the layer's part under the curve:
 * the tail beyond R from the base strip, else the wedge test, and a fresh point after a rejection. The sampling
 * loops (lognormal.ts) call this with the generator's state handed back to `rng`.
 */
export function normalBeyondFastPart(rng: Rng, layer: number, z: number): number {
  let i = layer;
  let x = z;
  for (;;) {
    if (i === 0) return x < 0 ? -normalTail(rng) : normalTail(rng);
    // wedge: a height uniform between the layer's bottom and top; under the curve keeps the point
    const fLow = ZIGGURAT_F[i] ?? 0;
    if (fLow + rng.uniform() * ((ZIGGURAT_F[i + 1] ?? 1) - fLow) < Math.exp(-0.5 * x * x)) return x;
    const u = rng.nextUint32() | 0;
    i = u & 255;
    x = ((u >> 8) + 0.5) * (ZIGGURAT_W[i] ?? 0);
    if (Math.abs(x) < (ZIGGURAT_X[i + 1] ?? 0)) return x;
  }
}

/** R + an exact draw of the normal's tail beyond R (Marsaglia 1964, "Generating a variable from the tail"). */
function normalTail(rng: Rng): number {
  for (;;) {
    const x = -Math.log(rng.uniformOpen()) / ZIGGURAT_R;
    const y = -Math.log(rng.uniformOpen());
    if (y + y >= x * x) return ZIGGURAT_R + x;
  }
}
