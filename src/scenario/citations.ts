// Citations of the seed reports in a scenario's sources ("000_8890056140a8d8e5.txt:L1919", "…:L1140–1153", "L1182"
// after a file named earlier in the same source): where each is, so that its passage can be shipped beside the
// scenarios (scenarios/seed-passages.json) and checked against the seeds.

/** One citation: the seed file and the lines it names (first to last, 1-based). */
export interface Citation {
  file: string;
  first: number;
  last: number;
}

/** The key a passage is kept under: "000_8890056140a8d8e5.txt:L1140–1153" (one line: no range). */
export function citationKey(c: Citation): string {
  return `${c.file}:L${c.first}${c.last !== c.first ? `–${c.last}` : ''}`;
}

const FILE = /\b(\d{3}_[0-9a-f]{16}\.txt)\b/g;
/** A line or a range after a file name or alone: "L1919", "L1140–1153", "L1140-1153". */
const LINES = /\bL(\d+)(?:[–-](\d+))?\b/g;

/**
 * Every seed citation in a source text. A line reference belongs to the last file named before it in the same text
 * ("001_….txt:L1155 … L1178" cites two lines of 001); one before any file name cites nothing and is left out.
 */
export function citationsIn(source: string): Citation[] {
  const files: { at: number; file: string }[] = [];
  for (const m of source.matchAll(FILE)) files.push({ at: m.index, file: m[1]! });
  const out: Citation[] = [];
  for (const m of source.matchAll(LINES)) {
    const owner = files.filter((f) => f.at < m.index).at(-1);
    if (!owner) continue;
    const first = Number(m[1]);
    const last = m[2] === undefined ? first : Number(m[2]);
    out.push({ file: owner.file, first, last: Math.max(first, last) });
  }
  return out;
}

/** Every `source` text in a JSON value, with its path. */
export function sourcesIn(node: unknown, path = ''): { path: string; source: string }[] {
  if (Array.isArray(node)) return node.flatMap((v, i) => sourcesIn(v, `${path}[${i}]`));
  if (node === null || typeof node !== 'object') return [];
  const out: { path: string; source: string }[] = [];
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    const at = path ? `${path}.${k}` : k;
    if (k === 'source' && typeof v === 'string') out.push({ path: at, source: v });
    else out.push(...sourcesIn(v, at));
  }
  return out;
}
