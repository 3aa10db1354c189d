// What the scenario editor draws: a scenario's raw JSON as rows of inputs, one function the editor renders from and
// every load (import, saved entry, share link, reload) checks first, so a file the editor cannot draw is refused whole.
import { hasOwn } from '../scenario/check';
import { word } from './field-labels';

type Json = Record<string, unknown>;

/** Where a row's value came from and what it is in: shown beside it. */
export interface Provenance {
  unit?: unknown;
  source?: unknown;
  priceYear?: unknown;
  note?: unknown;
}

/** One line of the editor. Paths are dotted with array indices (`arms.options[0].coordinatorsFte`). */
export type EditorRow =
  | { kind: 'number'; path: string; value: unknown }
  | { kind: 'text'; path: string; value: string }
  /** A short list of numbers, each its own input. */
  | { kind: 'numbers'; path: string; values: unknown[] }
  /** A list too long to draw value by value, or a value with no input (null, true): said, not editable here. */
  | { kind: 'summary'; path: string; text: string }
  /** A fixed value or a distribution: its kind and parameters; money has a price year, edited beside it. */
  | { kind: 'quantity'; path: string; node: Json; dist: string; params: string[]; money: boolean }
  /** A time in a state: its family and parameters (an empirical histogram is summarised by its bins). */
  | { kind: 'duration'; path: string; node: Json; family: string; params: string[]; bins: number | undefined }
  /** Branch shares by name, with their Dirichlet concentration. */
  | { kind: 'shares'; path: string; node: Json; shares: Array<[string, unknown]> }
  /** The heading of one item of a list of objects (an arm). */
  | { kind: 'item'; path: string; text: string }
  /** A group's own source, drawn after its inputs. */
  | { kind: 'source'; path: string; node: Json };

/** The editor's groups: the scenario's top-level parts, in order, with their titles. */
export const GROUPS: ReadonlyArray<readonly [string, string]> = [
  ['simulation', 'Simulation'],
  ['demand', 'Demand'],
  ['initialStocks', 'Stocks at month 0'],
  ['pathway', 'Pathway: durations and exits'],
  ['fgc', 'FGC service and effects'],
  ['services', 'Caseload service beside the FGC: team and effects'],
  ['costs', 'Costs'],
  ['prices', 'Prices: reporting year and deflator'],
  ['finance', 'Appraisal (Green Book)'],
  ['arms', 'Arms'],
];

/** Groups drawn only when the scenario has them (most scenarios run the FGC service alone). */
const OPTIONAL_GROUPS = new Set(['services']);

/** Parameters of each distribution the editor offers, in order. */
export const DIST_PARAMS: Readonly<Record<string, readonly string[]>> = {
  fixed: ['value'],
  uniform: ['min', 'max'],
  triangular: ['min', 'mode', 'max'],
  pert: ['min', 'mode', 'max'],
  normal: ['mean', 'sd'],
  lognormal: ['mean', 'sd'],
  gamma: ['mean', 'sd'],
  beta: ['alpha', 'beta'],
};

const round = (x: number): number => Math.round(x * 1e6) / 1e6;
const probability = (v: number): number => Math.min(Math.max(v, 0.01), 0.99);

/** A distribution's parameters started from a central value (the one it replaces): ±20% or a 10% spread. */
export function startDistribution(dist: string, v: number): Record<string, number> {
  switch (dist) {
    case 'uniform':
      return { min: round(v * 0.8), max: round(v * 1.2 || 1) };
    case 'triangular':
    case 'pert':
      return { min: round(v * 0.8), mode: v, max: round(v * 1.2 || 1) };
    case 'normal':
      return { mean: v, sd: round(Math.abs(v) * 0.1 || 1) };
    case 'lognormal':
    case 'gamma':
      return { mean: v || 1, sd: round(Math.abs(v) * 0.1 || 0.1) };
    case 'beta':
      return { alpha: round(probability(v) * 20), beta: round((1 - probability(v)) * 20) };
    default:
      return { value: v };
  }
}

/** Parameters of each duration family the editor draws as inputs (an empirical histogram has none it can edit). */
export const FAMILY_PARAMS: Readonly<Record<string, readonly string[]>> = {
  lognormal: ['mean', 'sd'],
  gamma: ['mean', 'sd'],
  weibull: ['mean', 'shape'],
  empirical: [],
};

/** The most values of a list drawn one input each: the longest a scenario holds is 30 family sizes (12 months elsewhere). */
export const MAX_LIST_INPUTS = 40;
/** The most items of a list of objects drawn (a scenario holds at most 100 arms). */
export const MAX_LIST_ITEMS = 100;
/** The most rows the editor draws: a scenario has about 150 inputs; a file needing far more is not one to edit here. */
export const MAX_ROWS = 2_000;
/** The deepest nesting drawn: a scenario is at most 6 levels deep. */
export const MAX_DEPTH = 32;

/** Why a value cannot be drawn, where. */
export interface Undrawable {
  path: string;
  message: string;
}

const isRecord = (x: unknown): x is Json => x !== null && typeof x === 'object' && !Array.isArray(x);

/** How a value reads in a message: its JSON, cut short. */
function show(x: unknown): string {
  if (x === undefined) return 'missing';
  if (Array.isArray(x)) return `a list of ${x.length}`;
  const text = JSON.stringify(x) ?? String(x);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The first place nesting passes MAX_DEPTH, walked without recursion (a file may nest 200,000 levels). */
function tooDeep(root: unknown): string | undefined {
  const stack: Array<[unknown, string, number]> = [[root, '', 0]];
  while (stack.length > 0) {
    const [node, path, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= MAX_DEPTH) return path || '(root)';
    // Only objects nest: a list of a million numbers pushes nothing.
    if (Array.isArray(node)) node.forEach((item, i) => item !== null && typeof item === 'object' && stack.push([item, `${path}[${i}]`, depth + 1]));
    else for (const [k, v] of Object.entries(node)) if (v !== null && typeof v === 'object') stack.push([v, path ? `${path}.${k}` : k, depth + 1]);
  }
  return undefined;
}

class TooMany extends Error {}

/** The rows of one node, appended to `rows`; throws Undrawable (as a value) where the node's shape has no drawing. */
function walk(path: string, node: unknown, rows: EditorRow[]): void {
  if (rows.length > MAX_ROWS) throw new TooMany();
  if (node === undefined) return;
  if (typeof node === 'number') return void rows.push({ kind: 'number', path, value: node });
  if (typeof node === 'string') return void rows.push({ kind: 'text', path, value: node });
  if (node === null || typeof node !== 'object') return void rows.push({ kind: 'summary', path, text: `${show(node)} (no input for this value here: fix it in the file)` });
  if (Array.isArray(node)) {
    if (node.length > 0 && node.every((x) => typeof x === 'number')) {
      if (node.length <= MAX_LIST_INPUTS) return void rows.push({ kind: 'numbers', path, values: node });
      const head = node.slice(0, 3).join(', ');
      return void rows.push({ kind: 'summary', path, text: `${node.length.toLocaleString('en-GB')} values (${head}, … ${node.at(-1)}): too many to edit one by one here; edit them in the file` });
    }
    if (node.length > MAX_LIST_ITEMS) return void rows.push({ kind: 'summary', path, text: `a list of ${node.length.toLocaleString('en-GB')} items, more than a scenario holds: edit it in the file` });
    node.forEach((item, i) => {
      rows.push({ kind: 'item', path: `${path}[${i}]`, text: itemText(path, i, item) });
      walk(`${path}[${i}]`, item, rows);
    });
    return;
  }
  const rec = node as Json;
  if (hasOwn(rec, 'family')) return void rows.push(duration(path, rec));
  if (hasOwn(rec, 'shares')) return void rows.push(shares(path, rec));
  if ((hasOwn(rec, 'value') || hasOwn(rec, 'dist')) && hasOwn(rec, 'source')) return void rows.push(quantity(path, rec));
  for (const [k, v] of Object.entries(rec)) if (k !== 'source' && k !== 'note') walk(path ? `${path}.${k}` : k, v, rows);
  if (typeof rec.source === 'string') rows.push({ kind: 'source', path, node: rec });
}

/** The heading of a list's item: an arm, a caseload service or a grade of its team by its name, else the list's key and place. */
function itemText(list: string, i: number, item: unknown): string {
  const named = (key: string) => (isRecord(item) && typeof item[key] === 'string' && item[key] ? `: ${item[key]}` : '');
  if (list === 'arms.options') return `Arm ${i + 1}`;
  if (list === 'services') return `Caseload service ${i + 1}${named('name')}`;
  if (/^services\[\d+\]\.staff$/.test(list)) return `Grade ${i + 1} of the team${named('grade')}`;
  return `${word(list.split('.').at(-1)!)} ${i + 1}`;
}

function undrawable(path: string, message: string): never {
  throw { path, message } satisfies Undrawable;
}

function duration(path: string, node: Json): EditorRow {
  const family = String(node.family);
  if (!hasOwn(FAMILY_PARAMS, family)) undrawable(`${path}.family`, `a duration's family must be lognormal, gamma, weibull or empirical, got ${show(node.family)}`);
  if (family === 'empirical') {
    for (const key of ['binEdges', 'weights']) {
      if (!Array.isArray(node[key])) undrawable(`${path}.${key}`, `an empirical duration needs its ${key} as a list of numbers, got ${show(node[key])}`);
    }
    return { kind: 'duration', path, node, family, params: [], bins: (node.weights as unknown[]).length };
  }
  return { kind: 'duration', path, node, family, params: [...FAMILY_PARAMS[family]!], bins: undefined };
}

function shares(path: string, node: Json): EditorRow {
  if (!isRecord(node.shares)) undrawable(`${path}.shares`, `branch shares must be given by name ({"close": 0.4, …}), got ${show(node.shares)}`);
  return { kind: 'shares', path, node, shares: Object.entries(node.shares) };
}

function quantity(path: string, node: Json): EditorRow {
  const dist = hasOwn(node, 'dist') ? String(node.dist) : 'fixed';
  // An unknown distribution still draws (its name in the list, no parameters): the validator names the problem.
  // Money is in pounds (every money unit is GBP/…); one with a price year but another unit still shows it, to fix.
  const money = hasOwn(node, 'priceYear') || (typeof node.unit === 'string' && node.unit.startsWith('GBP'));
  return { kind: 'quantity', path, node, dist, params: hasOwn(DIST_PARAMS, dist) ? [...DIST_PARAMS[dist]!] : [], money };
}

/** What the editor draws: the start month's text (at the top) and the rows of each group. */
export interface EditorDrawing {
  ok: true;
  /** The scenario's startMonth as its field shows it: as typed, even where it is not a month. */
  startMonth: string;
  groups: Array<{ key: string; title: string; rows: EditorRow[] }>;
}

/** The rows of each group, or why the scenario cannot be drawn (the path and what is wrong there). */
export function editorModel(raw: unknown): EditorDrawing | { ok: false; problem: Undrawable } {
  if (!isRecord(raw)) return { ok: false, problem: { path: '(root)', message: `a scenario is a JSON object ({…}), got ${show(raw)}` } };
  const deep = tooDeep(raw);
  if (deep !== undefined) return { ok: false, problem: { path: deep, message: `nests more than ${MAX_DEPTH} levels deep; a scenario nests at most 6` } };
  const groups: Array<{ key: string; title: string; rows: EditorRow[] }> = [];
  let count = 0;
  try {
    for (const [key, title] of GROUPS) {
      if (OPTIONAL_GROUPS.has(key) && !hasOwn(raw, key)) continue;
      const rows: EditorRow[] = [];
      if (hasOwn(raw, key)) walk(key, raw[key], rows);
      count += rows.length;
      if (count > MAX_ROWS) throw new TooMany();
      groups.push({ key, title, rows });
    }
  } catch (e) {
    if (e instanceof TooMany) return { ok: false, problem: { path: '(root)', message: `has more than ${MAX_ROWS.toLocaleString('en-GB')} inputs to draw; a scenario has about 150` } };
    if (isRecord(e) && typeof e.path === 'string' && typeof e.message === 'string') return { ok: false, problem: { path: e.path, message: e.message } };
    throw e;
  }
  const startMonth = raw.startMonth === undefined ? '' : typeof raw.startMonth === 'string' ? raw.startMonth : show(raw.startMonth);
  return { ok: true, startMonth, groups };
}

/** Why a scenario cannot be opened in the editor, as one sentence, or undefined if it can. */
export function cannotDraw(raw: unknown): string | undefined {
  const model = editorModel(raw);
  return model.ok ? undefined : `${model.problem.path}: ${model.problem.message}`;
}

/** A duration switched to another family, its parameters carried over where they mean the same (mean) or started. */
export function switchFamily(node: Json, family: string): Json {
  const { binEdges, weights, mean, sd, shape, ...rest } = node;
  const carried = typeof mean === 'number' || isRecord(mean) ? mean : histogramMean(binEdges, weights);
  if (family === 'empirical') return node; // a histogram is made in a file, not here (the editor does not offer it)
  const next: Json = { ...rest, family, mean: carried ?? 1 };
  if (family === 'weibull') next.shape = typeof shape === 'number' || isRecord(shape) ? shape : 1;
  else next.sd = typeof sd === 'number' || isRecord(sd) ? sd : typeof carried === 'number' ? carried : 1;
  return next;
}

/** The mean of a histogram (bins' midpoints weighted), if it is one. */
function histogramMean(edges: unknown, weights: unknown): number | undefined {
  if (!Array.isArray(edges) || !Array.isArray(weights) || weights.length !== edges.length - 1) return undefined;
  let total = 0;
  let sum = 0;
  weights.forEach((w, i) => {
    total += Number(w);
    sum += Number(w) * ((Number(edges[i]) + Number(edges[i + 1])) / 2);
  });
  return total > 0 && Number.isFinite(sum / total) ? round(sum / total) : undefined;
}
