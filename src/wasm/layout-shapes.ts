// Part of the one table of the host ↔ module boundary (./layout-table.ts): the shapes its entries take (code sets,
// slot blocks, horizon blocks, records, headers). `npm run build:wasm` reads the entries; these are their types.

/** A code set: names in order, each worth its index unless given. `count` names the number after the last, if wanted. */
export interface CodeSet {
  /** The host's const enum. */
  enumName: string;
  /** The module's constants are PREFIX + NAME in SCREAMING_SNAKE. */
  prefix: string;
  codes: [name: string, value: number][];
  /** A constant for how many there are (module: PREFIX + COUNT name; host: the same name). */
  count?: [name: string, value: number];
  what: string;
}

/** A block of f64 slots laid out one part after the next; a part's size is a fixed count of slots. */
export interface SlotBlock {
  /** Constant names are PREFIX + NAME. */
  prefix: string;
  parts: [name: string, slots: number, what: string][];
  /** The constant for the block's whole size, in slots. */
  size: string;
  what: string;
}

/** A block whose parts grow with the horizon H: each part is perH1 × (H + 1) + perH2 × (H + 2) + fixed f64 slots. */
export interface HorizonBlock {
  prefix: string;
  parts: { name: string; perH1?: number; perH2?: number; fixed?: number; ledgerOnly?: boolean; what: string }[];
  what: string;
}

/** A record field's type in the module's memory. */
export type FieldType = 'f64' | 'i32' | 'u8';

/** Records of 2^shift bytes: fields packed in order, each at its own alignment. */
export interface RecordLayout {
  prefix: string;
  shift: number;
  /** The module's constant for the shift. */
  shiftName: string;
  fields: [name: string, type: FieldType, what: string][];
  what: string;
}

/** A header of i32 slots: module constants are byte offsets (PREFIX + NAME), host constants slot indices (the same + _SLOT). */
export interface HeaderLayout {
  prefix: string;
  slots: [name: string, what: string][];
  /** The module's constant for the header's size in bytes. */
  size: string;
  what: string;
}
