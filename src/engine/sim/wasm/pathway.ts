// The WebAssembly family walk (src/wasm/pathway.ts) in this thread: its memory, what a run writes there, and the host calls it makes.
import { normalQuantile } from '../../random/special';
import { EXPORT_NAMES, type PathwayExports, type PathwayImports } from './layout';
import { PATHWAY_WASM_BASE64 } from './pathway-wasm';

export type { PathwayExports };

/** What the module asks of the run that set it up: the imports a run answers (the rest are the thread's). */
export type PathwayHost = Pick<PathwayImports, 'sampleStay' | 'exactQuantile' | 'reReferralStay' | 'leadTime' | 'hazardScaledStay' | 'routeHazardScaled' | 'careEvent'>;

/** The parts of the host's WebAssembly API used here (the engine compiles against ES2022 alone, which does not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** First byte the host allocates: the module's own constants sit below (at 1,024). */
export const HEAP_BASE = 4096;

/** Decodes base64 without the host's atob or Buffer (the engine imports nothing but its own files). */
function decodeBase64(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const value = new Int8Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) value[alphabet.charCodeAt(i)] = i;
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = value[clean.charCodeAt(i)]!;
    if (v < 0) throw new Error(`pathway module: not base64 at character ${i}`);
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

/** A holder of typed-array views over the memory, re-made when the memory grows. */
export interface MemoryViews {
  bind(buffer: ArrayBuffer): void;
}

/** Answers the module's call for an initial family's time left (see Pathway.residual). */
export interface ResidualSource {
  timeLeft(state: number, id: number): number;
  /** The time already spent by the family of the last timeLeft (the rest of the same stay). */
  age(): number;
}

/**
 * The thread's one instance of the module and its memory. A run takes the memory over (`begin`),
 * lays out its columns and tables, and allocates accumulator blocks and lists; nothing is freed
 * until the next run begins. The module grows the memory as its lists grow: views made over it
 * are re-made after every call (`exports` does this).
 */
export class Pathway {
  private static instance: Pathway | undefined;
  readonly exports: PathwayExports;
  private readonly memory: WasmMemory;
  private views: MemoryViews[] = [];
  private seen: ArrayBuffer;
  /** Which run holds the memory: a view from an earlier run must not be used once another began. */
  generation = 0;
  /** The run the walk's host calls go to. */
  host: PathwayHost | null = null;
  /**
   * How many entries this thread's runs have needed in their lists (offers, resume points, family
   * records, re-walked paths' offers): a run's lists start that big, so that they do not grow (each
   * growth copies the list and leaves the old records behind in the run's memory). Sizes only: no
   * number depends on them.
   */
  readonly listSizes = { offers: 4096, points: 4096, familyRecords: 256, extra: 1024 };
  /** While an initial population is drawn: time left of initial family `id` in `state` whose sojourn the module does not sample. */
  residual: ResidualSource | null = null;

  private constructor() {
    this.memory = new wasm.Memory({ initial: 16 });
    const call = (): PathwayHost => {
      if (!this.host) throw new Error('pathway walk called with no run set up');
      return this.host;
    };
    const imports: PathwayImports = {
      exp: Math.exp,
      log: Math.log,
      normalQuantile,
      residual: (state: number, id: number) => {
        if (!this.residual) throw new Error('pathway: an initial family\'s time left asked for outside makeRunContext');
        return this.residual.timeLeft(state, id);
      },
      residualAge: () => {
        if (!this.residual) throw new Error('pathway: an initial family\'s time in its state asked for outside makeRunContext');
        return this.residual.age();
      },
      sampleStay: (s: number, f: number, e: number) => call().sampleStay(s, f, e),
      exactQuantile: (table: number, u: number) => call().exactQuantile(table, u),
      reReferralStay: (f: number, e: number) => call().reReferralStay(f, e),
      leadTime: (f: number, e: number) => call().leadTime(f, e),
      hazardScaledStay: (state: number, stay: number, from: number, factor: number) => call().hazardScaledStay(state, stay, from, factor),
      routeHazardScaled: (route: number, stay: number, from: number, factor: number) => call().routeHazardScaled(route, stay, from, factor),
      careEvent: (kind: number, family: number, child: number, t: number, a: number, b: number) => call().careEvent(kind, family, child, t, a, b),
    };
    const env = { memory: this.memory, ...imports };
    const module = new wasm.Module(decodeBase64(PATHWAY_WASM_BASE64));
    const raw = new wasm.Instance(module, { env }).exports as Record<string, unknown>;
    // Every call may grow the memory (lists grow inside the module): re-make the views after it.
    const wrapped: Record<string, unknown> = {};
    for (const name of EXPORT_NAMES) {
      const value = raw[name];
      if (typeof value !== 'function') throw new Error(`pathway module: it exports no function ${name} (rebuild it: npm run build:wasm)`);
      const fn = value as (...args: number[]) => number;
      wrapped[name] = (...args: number[]) => {
        const result = fn(...args);
        if (this.memory.buffer !== this.seen) this.rebind();
        return result;
      };
    }
    this.exports = wrapped as unknown as PathwayExports;
    this.seen = this.memory.buffer;
    this.exports.reset(HEAP_BASE);
  }

  private rebind(): void {
    this.seen = this.memory.buffer;
    for (const v of this.views) v.bind(this.seen);
  }

  /** This thread's instance, made on first use. */
  static get(): Pathway {
    return (Pathway.instance ??= new Pathway());
  }

  get buffer(): ArrayBuffer {
    return this.memory.buffer;
  }

  /** A new run takes the memory over: everything allocated before is given up. */
  begin(host: PathwayHost | null): number {
    this.exports.reset(HEAP_BASE);
    this.views = [];
    this.host = host;
    return ++this.generation;
  }

  /**
   * `bytes` of memory (8-byte aligned) for the current run: zeroed, or with `zeroed` false as an earlier
   * run left it, for what is wholly written before it is read (so that nothing depends on what ran before).
   */
  allocate(bytes: number, zeroed = true): number {
    return zeroed ? this.exports.alloc(bytes) : this.exports.claim(bytes);
  }

  /**
   * Where scratch memory starts: what is allocated after it is freed by releaseScratch(mark), and
   * nothing allocated in between may outlive that. (A mark and a release, not a callback: a closure
   * made afresh for each run is compiled by V8 again and again.)
   */
  scratchMark(): number {
    return this.exports.mark();
  }

  /** Frees the scratch memory allocated since `mark` (from scratchMark). */
  releaseScratch(mark: number): void {
    this.exports.reset(mark);
  }

  /** Keeps `views` bound to the memory for the rest of the run. */
  track(views: MemoryViews): void {
    this.views.push(views);
    views.bind(this.memory.buffer);
  }

  /** Throws if a run other than `generation` now holds the memory. */
  check(generation: number, what: string): void {
    if (generation !== this.generation) throw new Error(`${what} belongs to a run whose memory another run has since taken over`);
  }
}
