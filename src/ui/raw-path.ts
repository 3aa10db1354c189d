// Reading and writing a raw scenario (plain JSON) by dotted field path, without mutating it.

/** Splits `a.b[2].c` into ['a', 'b', 2, 'c']. */
function splitPath(path: string): Array<string | number> {
  const parts: Array<string | number> = [];
  for (const piece of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(piece);
    if (!m) continue;
    if (m[1]) parts.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) parts.push(Number(idx[1]));
  }
  return parts;
}

export function getAt(root: unknown, path: string): unknown {
  let node = root;
  for (const key of splitPath(path)) node = (node as Record<string | number, unknown> | undefined)?.[key];
  return node;
}

/** A copy of root with the value at path replaced (undefined deletes the key). */
export function setAt<T>(root: T, path: string, value: unknown): T {
  const copy = structuredClone(root);
  const parts = splitPath(path);
  let node = copy as Record<string | number, unknown>;
  for (const key of parts.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = parts.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}
