// A list that lives in the pathway memory: its header of i32 slots, and reads of its records' fields.
import { L_LENGTH_SLOT, L_RECORDS_SLOT } from './layout';
import { Pathway, type MemoryViews } from './pathway';

/**
 * The host's side of a list the module writes (src/wasm/lists.ts): a list header (L_* in the layout:
 * length, records allocated, the address of its records, fixed-size, 2^shift bytes each). Fields
 * are read through the list's current address (the module moves the records when the list grows);
 * they are valid for the current run only, and reading one after another run has taken the memory
 * over throws.
 */
export abstract class ModuleList implements MemoryViews {
  /** Address of the list's header in the pathway memory. */
  readonly at: number;
  protected readonly pathway: Pathway;
  private readonly generation: number;
  protected header!: Int32Array;
  private data!: DataView;

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
    this.header = new Int32Array(buffer, this.at, this.headerSlots);
    this.data = new DataView(buffer);
  }

  /** Throws once another run holds the pathway memory. */
  protected check(): void {
    this.pathway.check(this.generation, this.what);
  }

  get length(): number {
    this.check();
    return this.header[L_LENGTH_SLOT]!;
  }

  /** Byte `offset` of record i of the records whose list header starts at header slot `slot`. */
  private field(i: number, offset: number, shift: number, slot: number): number {
    this.check();
    if (!(i >= 0 && i < this.header[slot]!)) throw new RangeError(`${this.what}: no entry ${i} (${this.header[slot]} entries)`);
    return this.header[slot + L_RECORDS_SLOT]! + i * 2 ** shift + offset;
  }

  protected f64(i: number, offset: number, shift: number, slot = 0): number {
    return this.data.getFloat64(this.field(i, offset, shift, slot), true);
  }

  protected i32(i: number, offset: number, shift: number, slot = 0): number {
    return this.data.getInt32(this.field(i, offset, shift, slot), true);
  }

  protected u8(i: number, offset: number, shift: number, slot = 0): number {
    return this.data.getUint8(this.field(i, offset, shift, slot));
  }
}
