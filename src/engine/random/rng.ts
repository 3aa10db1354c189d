// Seeded randomness: a seedrandom Alea stream per run, and keyed per-family streams for common random numbers.
import seedrandom from 'seedrandom';

/** A source of uniform draws in [0, 1). */
export type Rng = () => number;

/**
 * The run's own stream, a function of (seed, run index) alone, so results never depend on
 * batching or on how many workers share the runs. Never the global unseeded generator.
 */
export function makeRunRng(seed: string, run: number): Rng {
  return seedrandom.alea(`${seed}:${run}`);
}

/**
 * The stream a scenario input is drawn from in a run, keyed by the seed and the input's path
 * (src/scenario/inputs.ts): the parameter draw and the analyses that re-draw an input both use it.
 */
export function makeInputRng(seed: string, path: string, run: number): Rng {
  return makeRunRng(`${seed}|${path}`, run);
}

/**
 * A 32-bit integer mixer (lowbias32, C. Wellons): full avalanche, cheap in V8. Works on and
 * returns signed int32 so that V8 keeps values unboxed (uint32 above 2^31 would be heap numbers).
 */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b | 0);
  return x ^ (x >>> 16);
}

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/**
 * Counter-based draws keyed by (run key, family, purpose, episode), the purposes being the simulator's
 * Purpose codes (src/wasm/layout-table.ts). The same family gets the same draws in every arm of a run whatever happens to other families: an FGC given to one
 * family never shifts another family's numbers (common random numbers across arms).
 * One instance is reused: `at(...)` positions it, `next()` returns uniforms in (0, 1).
 */
export class KeyedStream {
  private base = 0;
  private counter = 0;
  /** The last family positioned, and its hash: a family's draws come in runs, so this saves two mixes. */
  private family = -1;
  private hash = 0;

  constructor(
    private readonly key0: number,
    private readonly key1: number,
  ) {}

  /** Positions the stream at the sub-stream for this family, purpose and episode. */
  at(family: number, purpose: number, episode: number): this {
    if (family !== this.family) {
      this.family = family;
      this.hash = familyHash(this.key0, family);
    }
    this.base = subStream(this.hash, this.key1, purpose, episode);
    this.counter = 0;
    return this;
  }

  /** Passes over n draws of the current sub-stream (those already taken elsewhere). */
  skip(n: number): this {
    this.counter += n;
    return this;
  }

  /** The next uniform of the current sub-stream, strictly inside (0, 1). */
  next(): number {
    return uniformOf(this.base, ++this.counter);
  }
}

/** A family's hash under the run key: every sub-stream of that family starts from it. */
function familyHash(key0: number, family: number): number {
  return mix32(key0 ^ mix32(family | 0));
}

/** The base of the sub-stream (purpose, episode) of a family, from its hash. */
export function subStream(familyHash: number, key1: number, purpose: number, episode: number): number {
  return mix32(familyHash ^ (((purpose & 0xff) << 24) | (episode & 0xffffff)) ^ key1);
}

/** Draw number `counter` (1, 2, ...) of a sub-stream: a uniform strictly inside (0, 1). */
export function uniformOf(base: number, counter: number): number {
  const h = mix32((base + Math.imul(counter, 0x9e3779b9 | 0)) | 0);
  return ((h >>> 0) + 0.5) * TWO_POW_MINUS_32;
}
