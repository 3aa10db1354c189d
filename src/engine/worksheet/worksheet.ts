// A published analysis reproduced line by line, then stress-tested with distributions in place of its point assumptions.
import type { Uncertain } from '../../scenario/quantity';
import type { Worksheet } from '../../scenario/worksheet-schema';
import { drawDist } from '../random/draw';
import { makeRunRng } from '../random/rng';
import { quantileSorted, stat, type Stat } from '../results/summarise';
import { evaluate, parseFormula, roundHalfAway, type Expr } from '../../scenario/formula';

/** One line of a reproduction: the published figure, ours, and the difference (ours − published). */
export interface ReproducedItem {
  id: string;
  item: string;
  published: number | null;
  reproduced: number;
  difference: number | null;
  unit: string;
  /** Decimal places the source prints this line with; published, reproduced and difference are rounded to them. */
  decimals: number;
  source: string;
  note?: string;
}

function compile(w: Worksheet): Array<{ id: string; expr: Expr }> {
  return w.items.map((it) => ({ id: it.id, expr: parseFormula(it.formula) }));
}

/** Evaluates every item in order with the given input values; returns all values by name. */
function evaluateAll(compiled: Array<{ id: string; expr: Expr }>, inputs: Record<string, number>): Record<string, number> {
  const env = { ...inputs };
  for (const { id, expr } of compiled) env[id] = evaluate(expr, env);
  return env;
}

function pointInputs(w: Worksheet): Record<string, number> {
  return Object.fromEntries(Object.entries(w.inputs).map(([k, v]) => [k, v.value]));
}

/** The worksheet at its published point values, each line rounded as the source prints it. */
export function reproduce(w: Worksheet): ReproducedItem[] {
  const env = evaluateAll(compile(w), pointInputs(w));
  return w.items.map((it) => {
    const reproduced = roundHalfAway(env[it.id]!, it.decimals);
    const difference = it.published === null ? null : roundHalfAway(reproduced - it.published, it.decimals);
    return { id: it.id, item: it.item, published: it.published, reproduced, difference, unit: it.unit, decimals: it.decimals, source: it.source, ...(it.note ? { note: it.note } : {}) };
  });
}

export interface StressedItem {
  id: string;
  item: string;
  unit: string;
  /** Decimal places the source prints this line with. */
  decimals: number;
  /** The value at the published point assumptions. */
  point: number;
  /** The spread when every stressed input is drawn from its distribution. */
  spread: Stat;
}

/** How far the headline moves when one input goes to its P10 and P90, the others held at their points. */
export interface Swing {
  input: string;
  low: number;
  high: number;
  outputAtLow: number;
  outputAtHigh: number;
  swing: number;
}

export interface StressResult {
  runs: number;
  seed: string;
  headline: string;
  items: StressedItem[];
  /** Inputs ranked by swing of the headline item, largest first. */
  sensitivity: Swing[];
}

function draw(spec: Uncertain, rng: () => number): number {
  return typeof spec === 'number' ? spec : drawDist(spec, rng);
}

/**
 * Replaces each input that has a `stress` distribution by draws from it (a stream per input,
 * keyed by seed and input name, so runs pair across inputs) and summarises every line; then
 * moves one input at a time to its P10 and P90 for the headline's sensitivity.
 */
export function stress(w: Worksheet, runs: number, seed: string): StressResult {
  const compiled = compile(w);
  const point = pointInputs(w);
  const stressed = Object.entries(w.inputs).filter(([, v]) => v.stress !== undefined);
  const samples: Record<string, Float64Array> = {};
  for (const [name, v] of stressed) {
    const rng = makeRunRng(`${seed}|worksheet|${name}`, 0);
    samples[name] = Float64Array.from({ length: runs }, () => draw(v.stress!, rng));
  }
  const values: Record<string, Float64Array> = Object.fromEntries(w.items.map((it) => [it.id, new Float64Array(runs)]));
  for (let r = 0; r < runs; r++) {
    const inputs = { ...point };
    for (const [name] of stressed) inputs[name] = samples[name]![r]!;
    const env = evaluateAll(compiled, inputs);
    for (const it of w.items) values[it.id]![r] = env[it.id]!;
  }
  const atPoint = evaluateAll(compiled, point);
  const items = w.items.map((it) => ({ id: it.id, item: it.item, unit: it.unit, decimals: it.decimals, point: atPoint[it.id]!, spread: stat(values[it.id]!) }));
  const sensitivity = stressed
    .map(([name]) => {
      const sorted = Float64Array.from(samples[name]!).sort();
      const low = quantileSorted(sorted, 0.1);
      const high = quantileSorted(sorted, 0.9);
      const outputAtLow = evaluateAll(compiled, { ...point, [name]: low })[w.headline]!;
      const outputAtHigh = evaluateAll(compiled, { ...point, [name]: high })[w.headline]!;
      return { input: name, low, high, outputAtLow, outputAtHigh, swing: Math.abs(outputAtHigh - outputAtLow) };
    })
    .sort((a, b) => b.swing - a.swing);
  return { runs, seed, headline: w.headline, items, sensitivity };
}
