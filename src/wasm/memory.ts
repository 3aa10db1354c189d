// Memory: one bump allocator for the host and the module (a run gives everything up at once), and typed loads and adds.

let top: usize = 0;

/** Frees everything from `base` on (a new run). */
export function reset(base: usize): void {
  top = base;
}

/** Where the next allocation goes: reset() to it frees what was allocated since. */
export function mark(): usize {
  return top;
}

/** `bytes` of zeroed memory, 8-byte aligned, growing the memory if need be. */
export function alloc(bytes: i32): usize {
  const at = claim(bytes);
  memory.fill(at, 0, <usize>bytes);
  return at;
}

/** `bytes` of memory, 8-byte aligned, as an earlier run left it: for what is written before it is read. */
export function claim(bytes: i32): usize {
  const at = (top + 7) & ~(<usize>7);
  const end = at + <usize>bytes;
  const have = <usize>memory.size() << 16;
  if (end > have) memory.grow(<i32>((end - have + 0xffff) >> 16));
  top = end;
  return at;
}

/** A column of `size` entries of `width` bytes holding the `length` entries of `old`. */
export function grown(old: usize, length: i32, width: i32, size: i32): usize {
  const at = claim(size * width); // entries past `length` are written before they are read
  memory.copy(at, old, <usize>(length * width));
  return at;
}

/** Adds v to entry i of an f64 column. */
@inline export function add(at: usize, i: i32, v: f64): void {
  const p = at + (<usize>i << 3);
  store<f64>(p, load<f64>(p) + v);
}

/** Entry i of a column of f64, i32 or u8. */
@inline export function f64At(column: usize, i: i32): f64 {
  return load<f64>(column + (<usize>i << 3));
}

@inline export function i32At(column: usize, i: i32): i32 {
  return load<i32>(column + (<usize>i << 2));
}

@inline export function u8At(column: usize, i: i32): u8 {
  return load<u8>(column + <usize>i);
}
