// Does a seed citation carry the value it is cited for (issue 24, point 3)? A citation carries its value when the
// passage it names holds one of the figures: the quantity's own value or parameters, or a figure the source's own
// words give ("9,918 / 12", "45 working days"). A figure derived from the passage counts when the
// arithmetic can be checked against it: a sum or a mean of consecutive numbers in the passage (a year of a monthly
// row), or a ratio of two of them ("883 families covering 1,637 children"). A passage quoted in the source's words
// ("no significant change") carries itself. Anything else is a citation of a line that does not say what it is cited
// for, and the test that uses this fails naming it.
import { citationsIn, type Citation } from './citations';

/** A number as written: its value and the decimals it was written with (the rounding it states). */
export interface Figure {
  value: number;
  decimals: number;
}

const FILE_OR_LINE = /\b\d{3}_[0-9a-f]{16}\.txt\b|\bL\d+(?:[–-]\d+)?\b/g;
const NUMBER = /(?<![\w.])[−-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])[−-]?\d+(?:\.\d+)?/g;

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const WORD = new RegExp(`\\b(${WORDS.join('|')})\\b`, 'gi');

/**
 * Every number written in a text (thousands commas, decimals and a minus sign read; "two" to "twenty" in words), file
 * names and line refs left out.
 */
export function figuresIn(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(WORD)) out.push({ value: WORDS.indexOf(m[1]!.toLowerCase()), decimals: 0 });
  for (const m of text.replace(FILE_OR_LINE, ' ').matchAll(NUMBER)) {
    const written = m[0].replace(/,/g, '').replace('−', '-');
    const value = Number(written);
    if (!Number.isFinite(value)) continue;
    const dot = written.indexOf('.');
    out.push({ value: Math.abs(value), decimals: dot < 0 ? 0 : written.length - dot - 1 });
  }
  return out;
}

/** A calendar year or a line's worth of small counting words: not evidence that a passage carries a value. */
function isIncidental(f: Figure): boolean {
  return f.decimals === 0 && ((f.value >= 1990 && f.value <= 2035) || f.value <= 1);
}

/** Whether `a` rounds to the figure `f` as `f` was written (a half in its last place either side), or is within 0.1%. */
function matches(f: Figure, a: number): boolean {
  const half = 0.5 * 10 ** -f.decimals;
  return Math.abs(a - f.value) <= half + 1e-9 || Math.abs(a - f.value) <= 0.001 * Math.abs(f.value);
}

/** The forms a value may be written in: itself, and a share as a percentage. */
function forms(f: Figure): Figure[] {
  const out = [f];
  if (f.value > 0 && f.value < 1) out.push({ value: f.value * 100, decimals: Math.max(0, f.decimals - 2) });
  return out;
}

/** Significant digits as written: 1.85 has 3, 0.004 has 1, 9918 has 4, 150 has 2. */
function significantDigits(f: Figure): number {
  const digits = f.value.toFixed(f.decimals).replace('.', '').replace(/^0+/, '');
  return (f.decimals === 0 ? digits.replace(/0+$/, '') : digits).length;
}

/**
 * Whether the passage's numbers carry the figure: one of them is it (or, for a share, its percentage); or the sum of
 * the last money amount on each of its lines is (a costed table's total column); or, for a figure written with 3
 * significant digits or more (fewer would be matched by chance in a table of numbers), a sum or a mean of 2 to 24
 * consecutive ones is, or the ratio or the difference of two of them is.
 */
export function carries(passage: Figure[], figure: Figure, money: number[] = []): boolean {
  const values = passage.map((p) => p.value);
  if (forms(figure).some((f) => values.some((v) => matches(f, v)))) return true;
  const f = figure;
  if (money.length > 1 && matches(f, money.reduce((a, b) => a + b, 0))) return true;
  if (significantDigits(figure) < 3) return false;
  for (const a of values) for (const b of values) if (a > b && (matches(f, a - b) || matches(f, a / b))) return true;
  for (let i = 0; i < values.length; i++) {
    let sum = values[i]!;
    for (let j = i + 1; j < Math.min(values.length, i + 24); j++) {
      sum += values[j]!;
      if (matches(f, sum) || matches(f, sum / (j - i + 1))) return true;
    }
  }
  return false;
}

/** The numbers a quantity node gives: its value, its distribution's parameters, its shares and multipliers. */
export function quantityFigures(node: Record<string, unknown>): Figure[] {
  const out: Figure[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'number' && Number.isFinite(v)) out.push(...figuresIn(String(v)));
  };
  for (const [k, v] of Object.entries(node)) {
    if (k === 'source' || k === 'note' || k === 'unit' || k === 'concentration') continue;
    if (Array.isArray(v)) v.forEach(add);
    else if (v !== null && typeof v === 'object') Object.values(v as Record<string, unknown>).forEach(add);
    else add(v);
  }
  return out;
}

/** Quoted words ("…" or “…”) in a source, at least two words long. */
function quotes(source: string): string[] {
  return [...source.matchAll(/["“]([^"”]{6,})["”]/g)].map((m) => m[1]!).filter((q) => q.trim().includes(' '));
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9%£.]+/g, ' ').trim();

/**
 * The citations in a node's source that do not carry its value, with the reason. `node` is the object the source
 * belongs to (a quantity, or any object with a source); `passageOf` gives a citation's passage (the shipped one).
 */
export function uncarried(node: Record<string, unknown>, passageOf: (c: Citation) => string | undefined): { citation: Citation; why: string }[] {
  const source = String(node.source ?? '');
  const own = quantityFigures(node);
  const out: { citation: Citation; why: string }[] = [];
  const stated = figuresIn(source).filter((f) => !isIncidental(f));
  const candidates = [...own.filter((f) => !isIncidental(f)), ...stated];
  const quoted = quotes(source).map(squash);
  for (const citation of citationsIn(source)) {
    const passage = passageOf(citation);
    if (passage === undefined) {
      out.push({ citation, why: 'no passage shipped' });
      continue;
    }
    const inPassage = figuresIn(passage);
    const money = passage.split('\n').flatMap((line) => {
      const last = [...line.matchAll(/£([\d,]+(?:\.\d+)?)/g)].at(-1);
      return last ? [Number(last[1]!.replace(/,/g, ''))] : [];
    });
    if (candidates.some((f) => carries(inPassage, f, money))) continue;
    if (quoted.some((q) => squash(passage).includes(q))) continue;
    out.push({ citation, why: `none of ${[...new Set(candidates.map((f) => f.value))].slice(0, 8).join(', ') || 'no figure'} is in the passage, nor a sum, mean or ratio of its numbers, nor a quoted phrase` });
  }
  return out;
}

/** Every object in a JSON value that has a `source` text, with its path. */
export function sourcedNodes(node: unknown, path = ''): { path: string; node: Record<string, unknown> }[] {
  if (Array.isArray(node)) return node.flatMap((v, i) => sourcedNodes(v, `${path}[${i}]`));
  if (node === null || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const out = typeof o.source === 'string' ? [{ path, node: o }] : [];
  for (const [k, v] of Object.entries(o)) out.push(...sourcedNodes(v, path ? `${path}.${k}` : k));
  return out;
}
