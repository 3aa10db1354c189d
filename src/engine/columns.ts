// Growable typed-array columns: the one way a column list (offers, resume points) doubles its storage.

export type Column = Float64Array | Int32Array | Uint8Array;

/** A column of the same kind as `old` holding `size` entries, with old's entries copied to its start. */
export function grown<T extends Column>(old: T, size: number): T {
  const next = new (old.constructor as new (n: number) => T)(size);
  next.set(old);
  return next;
}
