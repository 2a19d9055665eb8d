/**
 * Deterministic randomness. Each node gets its own stream derived from (root seed, node id), so
 * adding a node never shifts another node's draws and two designs see the same workload.
 * Hand-written (sfc32 + splitmix32) rather than a package: a dozen lines, no allocation per draw,
 * and its output is fixed forever, which golden trace hashes depend on.
 */

/** FNV-1a over UTF-16 code units, then a murmur3 finaliser: stable string → uint32. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
export function fmix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Integer hash for keys and users (used by routing and partitioning). */
export function hashInt(x: number, salt = 0): number {
  return fmix32((Math.imul(x, 0x9e3779b1) ^ salt) >>> 0);
}

/** splitmix32 step, to expand one seed into independent state words. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const TWO_POW_32 = 4294967296;

/** sfc32: small, fast, passes PractRand to large sizes. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const st = { s: seed | 0 };
    this.a = splitmix32(st);
    this.b = splitmix32(st);
    this.c = splitmix32(st);
    this.d = splitmix32(st);
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  /** The stream of a node: independent of every other node's id. */
  static forNode(rootSeed: number, nodeId: string): Rng {
    return new Rng(hashString(nodeId, fmix32((rootSeed ^ 0x5bd1e995) >>> 0)));
  }

  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  // next(), exp() and expRounded() repeat nextU32's step rather than call it: one level of calls less lets V8
  // inline them into the simulator's large handlers, where a call would also box the double result.

  /** Uniform in [0, 1): nextU32() / 2^32. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / TWO_POW_32;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Exponential with the given mean: -mean·ln(1 - next()); 1 - u keeps the log argument in (0, 1]. */
  exp(mean: number): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return -mean * Math.log(1 - (t >>> 0) / TWO_POW_32);
  }

  /**
   * exp(mean) + plusUs rounded to a whole number (of microseconds, for a delay): the same draw and
   * arithmetic as Math.round(exp(mean) + plusUs). An integer result is passed back without boxing
   * where V8 does not inline the call, as it does not in the service's busy handlers; a double
   * result would be a heap allocation per draw.
   */
  expRounded(mean: number, plusUs = 0): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return Math.round(-mean * Math.log(1 - (t >>> 0) / TWO_POW_32) + plusUs);
  }
}

/**
 * Zipf(n, s) by rejection-inversion (Hörmann & Derflinger 1996, as in Apache Commons RNG):
 * O(1) per draw and no table, so key spaces of millions cost nothing.
 */
export class ZipfSampler {
  private readonly hX1: number;
  private readonly hN: number;
  private readonly sCut: number;

  constructor(
    private readonly n: number,
    private readonly exponent: number,
  ) {
    this.hX1 = this.hIntegral(1.5) - 1;
    this.hN = this.hIntegral(n + 0.5);
    this.sCut = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
  }

  /** A rank in [0, n): 0 is the most popular. */
  sample(rng: Rng): number {
    for (;;) {
      const u = this.hN + rng.next() * (this.hX1 - this.hN);
      const x = this.hIntegralInverse(u);
      let k = Math.floor(x + 0.5);
      if (k < 1) k = 1;
      else if (k > this.n) k = this.n;
      if (k - x <= this.sCut || u >= this.hIntegral(k + 0.5) - this.h(k)) return k - 1;
    }
  }

  private h(x: number): number {
    return Math.exp(-this.exponent * Math.log(x));
  }

  private hIntegral(x: number): number {
    const logX = Math.log(x);
    return helper2((1 - this.exponent) * logX) * logX;
  }

  private hIntegralInverse(x: number): number {
    let t = x * (1 - this.exponent);
    if (t < -1) t = -1;
    return Math.exp(helper1(t) * x);
  }
}

function helper1(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x * (1 / 3 - 0.25 * x));
}

function helper2(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x * 0.5 * (1 + (x / 3) * (1 + 0.25 * x));
}
