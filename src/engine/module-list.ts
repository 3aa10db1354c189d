// A list that lives in the pathway memory: its header of i32 slots, and typed views of its columns.
import { Pathway, type MemoryViews } from './pathway';

type Column = Float64Array | Int32Array | Uint8Array;
type ColumnKind<T extends Column> = new (buffer: ArrayBuffer, byteOffset: number, length: number) => T;

/**
 * The host's side of a list the module writes (src/wasm/lists.ts): header slot 0 is the length,
 * slot 1 the capacity, later slots the columns' addresses. Column views are made on demand and
 * re-made when the module has moved the column (it grew) or the memory itself grew; they are valid
 * for the current run only, and reading one after another run has taken the memory over throws.
 */
export abstract class ModuleList implements MemoryViews {
  /** Address of the list's header in the pathway memory. */
  readonly at: number;
  protected readonly pathway: Pathway;
  private readonly generation: number;
  protected header!: Int32Array;
  private buffer!: ArrayBuffer;
  private views: (Column | undefined)[] = [];

  protected constructor(
    make: (pathway: Pathway) => number,
    private readonly headerSlots: number,
    /** What the list is, for the message when it is read too late. */
    private readonly what: string,
  ) {
    this.pathway = Pathway.get();
    this.generation = this.pathway.generation;
    this.at = make(this.pathway);
    this.pathway.track(this);
  }

  bind(buffer: ArrayBuffer): void {
    this.buffer = buffer;
    this.header = new Int32Array(buffer, this.at, this.headerSlots);
    this.views = [];
  }

  /** Throws once another run holds the pathway memory. */
  protected check(): void {
    this.pathway.check(this.generation, this.what);
  }

  get length(): number {
    this.check();
    return this.header[0]!;
  }

  /** The column whose address is in header slot `slot`, as many entries long as header slot `lengthSlot` says. */
  protected column<T extends Column>(kind: ColumnKind<T>, slot: number, lengthSlot = 1): T {
    this.check();
    const address = this.header[slot]!;
    const length = this.header[lengthSlot]!;
    const view = this.views[slot];
    if (view && view.byteOffset === address && view.length === length) return view as T;
    const made = new kind(this.buffer, address, length);
    this.views[slot] = made;
    return made;
  }
}
