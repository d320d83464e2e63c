/**
 * Seeded pseudo-random numbers for the Monte Carlo and the port simulation: xoshiro128** (Blackman and Vigna,
 * "Scrambled linear pseudorandom number generators", 2018), seeded through splitmix32 so that nearby seeds give
 * unrelated streams. 32-bit state words fit JavaScript's integer ops (Math.imul, >>>), so a draw costs a few
 * nanoseconds and allocates nothing. Not cryptographic.
 */

/** One step of splitmix32 (the seeding function recommended by the xoshiro authors, 32-bit variant). */
function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Seed of sub-stream `stream` of `seed`. Monte Carlo samples are drawn in fixed blocks, each from its own
 * sub-stream, so the numbers do not depend on how many workers share the blocks.
 */
export function streamSeed(seed: number, stream: number): number {
  return splitmix32(splitmix32(seed >>> 0) ^ Math.imul(stream + 1, 0x27d4eb2d)) >>> 0;
}

const INV_2_32 = 1 / 4294967296;

/**
 * xoshiro128** generator.
 * @example
 * const rng = new Rng(42);
 * rng.uniform(); // 0 <= u < 1, the same sequence for the same seed
 */
export class Rng {
  // The four state words, readable so that a sampling loop can run the generator in local variables
  // (encoded-draws.ts) and hand the state back through setState.
  a = 0;
  b = 0;
  c = 0;
  d = 0;
  /** Number of 32-bit draws so far (echoed in results so a figure can be reproduced). */
  draws = 0;

  constructor(seed: number) {
    this.reseed(seed);
  }

  /** Resets the state from a 32-bit seed; the all-zero state cannot occur. */
  reseed(seed: number): void {
    // State words are kept as signed 32-bit integers so V8 stores them as small integers, not boxed doubles
    // (measured: 4x faster draws).
    const a = splitmix32(seed >>> 0);
    const b = splitmix32(a);
    const c = splitmix32(b);
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = splitmix32(c) | 0;
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1;
    this.draws = 0;
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const b = this.b;
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const c = this.c ^ this.a;
    const d = this.d ^ b;
    this.b = b ^ c;
    this.a ^= d;
    this.c = c ^ (b << 9);
    this.d = rotl(d, 11);
    this.draws++;
    return r;
  }

  /** Takes back the state of a loop that ran the generator itself, `draws` draws further on. */
  setState(a: number, b: number, c: number, d: number, draws: number): void {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    this.draws += draws;
  }

  /** Uniform on [0, 1) with 32-bit resolution. */
  uniform(): number {
    return this.nextUint32() * INV_2_32;
  }

  /**
   * Fills out[0..n) with the next n uniforms on [0, 1), the same numbers n calls of uniform() would give, with
   * the state held in locals for speed.
   */
  fillUniform(out: Float64Array, n: number): void {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    for (let i = 0; i < n; i++) {
      out[i] = (Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0) * INV_2_32;
      c ^= a;
      d ^= b;
      const t = b << 9;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    this.draws += n;
  }

  /** Uniform on the open interval (0, 1): safe for logarithms and the inverse normal. */
  uniformOpen(): number {
    return (this.nextUint32() + 0.5) * INV_2_32;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
