// The WebAssembly family walk (src/wasm/pathway.ts) in this thread: its memory, what a run writes there, and the host calls it makes.
import { PATHWAY_WASM_BASE64 } from './pathway-wasm';

/** What the module exports (src/wasm/pathway.ts). Booleans are passed as 0 / 1. */
export interface PathwayExports {
  setRun(
    horizon: number,
    key0: number,
    key1: number,
    initialCount: number,
    children: number,
    initialState: number,
    initialPlacement: number,
    initialExit: number,
    arrivalTime: number,
    constants: number,
    tables: number,
    conferences: number,
  ): void;
  sojournFor(horizon: number, acc: number, k: number, children: number, t0: number, t1: number, sign: number): void;
  walk(
    f: number,
    state: number,
    placement: number,
    t: number,
    exit: number,
    episode: number,
    caseStart: number,
    count: number,
    sign: number,
    acc: number,
    withLedger: number,
    candidates: number,
    points: number,
  ): number;
  simulate(f: number, count: number, sign: number, acc: number, withLedger: number, candidates: number, points: number): number;
  simulateAll(n: number, acc: number, withLedger: number, candidates: number, points: number): void;
}

/** What the walk asks of the run that set it up (see the imports of src/wasm/pathway.ts). */
export interface PathwayHost {
  sampleStay(state: number, f: number, episode: number): number;
  exactQuantile(table: number, u: number): number;
  reReferralStay(f: number, episode: number): number;
  pushCandidate(t: number, f: number, state: number, eligibility: number, episode: number): void;
  closeCases(count: number, t: number): void;
  pushPoint(f: number, t: number, exit: number, caseStart: number, episode: number, state: number, placement: number): void;
}

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
const HEAP_BASE = 4096;
const PAGE = 65536;

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

/**
 * The thread's one instance of the walk module and its memory. A run takes the memory over
 * (`begin`), lays out its columns and tables, and allocates accumulator blocks; nothing is freed
 * until the next run begins. Views made over the memory are re-made if it has to grow.
 */
export class Pathway {
  private static instance: Pathway | undefined;
  readonly exports: PathwayExports;
  private readonly memory: WasmMemory;
  private top = HEAP_BASE;
  private views: MemoryViews[] = [];
  /** Which run holds the memory: a view from an earlier run must not be used once another began. */
  generation = 0;
  /** The run the walk's host calls go to. */
  host: PathwayHost | null = null;

  private constructor() {
    this.memory = new wasm.Memory({ initial: 16 });
    const call = (): PathwayHost => {
      if (!this.host) throw new Error('pathway walk called with no run set up');
      return this.host;
    };
    const env = {
      memory: this.memory,
      exp: Math.exp,
      sampleStay: (s: number, f: number, e: number) => call().sampleStay(s, f, e),
      exactQuantile: (table: number, u: number) => call().exactQuantile(table, u),
      reReferralStay: (f: number, e: number) => call().reReferralStay(f, e),
      pushCandidate: (t: number, f: number, s: number, eligibility: number, e: number) => call().pushCandidate(t, f, s, eligibility, e),
      closeCases: (count: number, t: number) => call().closeCases(count, t),
      pushPoint: (f: number, t: number, exit: number, caseStart: number, e: number, s: number, placement: number) =>
        call().pushPoint(f, t, exit, caseStart, e, s, placement),
    };
    const module = new wasm.Module(decodeBase64(PATHWAY_WASM_BASE64));
    this.exports = new wasm.Instance(module, { env }).exports as unknown as PathwayExports;
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
    this.top = HEAP_BASE;
    this.views = [];
    this.host = host;
    return ++this.generation;
  }

  /** `bytes` of zeroed memory (8-byte aligned) for the current run; `views` are re-made if the memory grows. */
  allocate(bytes: number, views?: MemoryViews): number {
    const at = (this.top + 7) & ~7;
    const end = at + bytes;
    const size = this.memory.buffer.byteLength;
    if (end > size) {
      this.memory.grow(Math.ceil((end - size) / PAGE));
      for (const v of this.views) v.bind(this.memory.buffer);
    }
    new Uint8Array(this.memory.buffer, at, bytes).fill(0);
    this.top = end;
    if (views) this.views.push(views);
    return at;
  }

  /** Throws if a run other than `generation` now holds the memory. */
  check(generation: number, what: string): void {
    if (generation !== this.generation) throw new Error(`${what} belongs to a run whose memory another run has since taken over`);
  }
}
