// Every input of a scenario the simulator draws, from one walk of the schema: its path (its random stream's key), node, unit, bounds, and whether it is money.
import { descriptionOf, join, type ArrayDescription, type Check, type NumRule, type ObjectDescription, type OptionalDescription } from './check';
import type { InputDescription, Quantity, Uncertain } from './quantity';
import { scenarioSchema, type Duration, type Scenario } from './schema';

/** An input's bounds, as the schema enforces them, with why. */
export type InputBounds = NumRule & { reason: string };

/** A quantity: `{ value, unit, source }` or `{ dist, …, unit, source }`; money is uprated from `node.priceYear`. */
export interface QuantityInput {
  kind: 'quantity';
  /** Field path, the key of the input's own random stream: `fgc.effects.rrEntryToCare`. */
  path: string;
  node: Quantity;
  unit: string;
  money: boolean;
  bounds: InputBounds;
}

/** A duration's mean, sd or (Weibull) shape: a number or a distribution, in the duration's unit (a shape has none). */
export interface DurationPartInput {
  kind: 'duration part';
  path: string;
  node: Uncertain;
  unit: string;
  money: false;
  bounds: InputBounds;
}

/** A count of children at month 0 (fixed: never drawn). */
export interface CountInput {
  kind: 'count';
  path: string;
  node: Count;
  unit: 'children';
  money: false;
  bounds: InputBounds;
}

/** Branch shares summing to 1; with `concentration`, each run draws them from a Dirichlet keyed by the group's path. */
export interface SharesInput {
  kind: 'shares';
  path: string;
  node: ShareGroup;
  /** The branches, in the schema's order. */
  keys: readonly string[];
  unit: 'share';
  money: false;
  /** Bounds of each branch's share (they also sum to 1). */
  bounds: InputBounds;
  concentrationBounds: InputBounds;
}

/** One input the simulator reads: a quantity, a duration's part, a count or a group of branch shares. */
export type ScenarioInput = QuantityInput | DurationPartInput | CountInput | SharesInput;

/** A count in the scenario (an initial stock), as the schema gives it. */
export type Count = Scenario['initialStocks']['cin'];
/** A group of branch shares, as the schema gives it (with a Dirichlet concentration when uncertain). */
export interface ShareGroup {
  shares: Record<string, number>;
  concentration?: number;
}

type Family<F extends Duration['family']> = Extract<Duration, { family: F }>;

/** A duration's inputs: its uncertain parts, which depend on its family (an empirical histogram has none). */
export type DurationInputs =
  | { family: 'lognormal' | 'gamma'; path: string; node: Family<'lognormal' | 'gamma'>; mean: DurationPartInput; sd: DurationPartInput }
  | { family: 'weibull'; path: string; node: Family<'weibull'>; mean: DurationPartInput; shape: DurationPartInput }
  | { family: 'empirical'; path: string; node: Family<'empirical'> };

type Leaf<T> = [T] extends [Count] ? CountInput : [T] extends [Quantity] ? QuantityInput : [T] extends [Duration] ? DurationInputs : [T] extends [ShareGroup] ? SharesInput : never;
type Branch<T> = { [K in keyof T as [InputTree<NonNullable<T[K]>>] extends [never] ? never : K]: InputTree<NonNullable<T[K]>> };
type Pruned<B> = keyof B extends never ? never : B;

/** The inputs shaped like the scenario: each input where the scenario has it; objects that can hold no input are left out of the type. */
export type InputTree<T> = [Leaf<T>] extends [never]
  ? T extends readonly (infer U)[]
    ? [InputTree<U>] extends [never]
      ? never
      : InputTree<U>[]
    : T extends object
      ? Pruned<Branch<T>>
      : never
  : Leaf<T>;

/** The walk's answer: every input in schema order (`all`), and the same inputs shaped like the scenario (`tree`). */
export interface ScenarioInputs {
  /** Every input, in the scenario's (the schema's) order; a duration's parts in place of the duration. */
  all: ScenarioInput[];
  /** The same inputs shaped like the scenario, for the parameter draw: `tree.fgc.effects.rrEntryToCare`. */
  tree: InputTree<Scenario>;
}

type Description = ObjectDescription | OptionalDescription | ArrayDescription | InputDescription;

/** The schema compiled once for the walk: each step knows its path, so walking a scenario builds no strings. */
type Step =
  | { kind: 'object'; keys: string[]; steps: Step[] }
  | { kind: 'optional'; step: Step }
  /** A list: its items' steps, compiled for each index as a scenario first has it (arms: at most 100). */
  | { kind: 'array'; path: string; item: Check<unknown>; items: Step[] }
  | { kind: 'quantity'; path: string; money: boolean; bounds: InputBounds }
  | { kind: 'count'; path: string; bounds: InputBounds }
  | { kind: 'shares'; path: string; keys: readonly string[]; bounds: InputBounds; concentrationBounds: InputBounds }
  | { kind: 'duration'; path: string; families: Record<string, Array<{ part: string; path: string; bounds: InputBounds }>> }
  | { kind: 'none' };

function bounds(rule: NumRule, path: string): InputBounds {
  if (!rule.reason) throw new Error(`${path}: the schema gives this input's bounds no reason`);
  return rule as InputBounds;
}

function compile(check: Check<unknown>, path: string): Step {
  const d = descriptionOf(check) as Description | undefined;
  switch (d?.kind) {
    case 'object': {
      const keys = Object.keys(d.shape);
      return { kind: 'object', keys, steps: keys.map((key) => compile(d.shape[key]!, join(path, key))) };
    }
    case 'optional':
      return { kind: 'optional', step: compile(d.check, path) };
    case 'array': {
      const item = compile(d.item, join(path, 0));
      // A list whose items hold no input (numbers, names) is not walked.
      return item.kind === 'none' ? item : { kind: 'array', path, item: d.item, items: [] };
    }
    case 'quantity':
      return { kind: 'quantity', path, money: d.money, bounds: bounds(d.rule, path) };
    case 'count':
      return { kind: 'count', path, bounds: bounds(d.rule, path) };
    case 'shares':
      return { kind: 'shares', path, keys: d.keys, bounds: bounds(d.share, path), concentrationBounds: bounds(d.concentration, `${path}.concentration`) };
    case 'duration': {
      const families: Record<string, Array<{ part: string; path: string; bounds: InputBounds }>> = {};
      for (const [family, parts] of Object.entries(d.families)) {
        families[family] = Object.entries(parts).map(([part, partCheck]) => {
          const pd = descriptionOf(partCheck) as Description | undefined;
          if (pd?.kind !== 'uncertain') throw new Error(`${path}.${part}: a duration's part must be an uncertain number`);
          return { part, path: join(path, part), bounds: bounds(pd.rule, join(path, part)) };
        });
      }
      return { kind: 'duration', path, families };
    }
    default:
      return { kind: 'none' };
  }
}

let compiled: Step | undefined;

/** Walks one step of the compiled schema over the scenario's node: returns the node's inputs (shaped like it) and adds each to `all`. */
function walk(step: Step, node: unknown, all: ScenarioInput[]): unknown {
  switch (step.kind) {
    case 'object': {
      // Every object the scenario has is in the tree (empty if it holds no input), so a required
      // object is always there as InputTree says; an absent optional one is left out.
      const out: Record<string, unknown> = {};
      const rec = node as Record<string, unknown>;
      for (let i = 0; i < step.keys.length; i++) {
        const key = step.keys[i]!;
        const value = walk(step.steps[i]!, rec[key], all);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    case 'optional':
      return node === undefined ? undefined : walk(step.step, node, all);
    case 'array': {
      const list = node as unknown[];
      for (let i = step.items.length; i < list.length; i++) step.items.push(compile(step.item, join(step.path, i)));
      return list.map((item, i) => walk(step.items[i]!, item, all));
    }
    case 'quantity': {
      const q = node as Quantity;
      const input: QuantityInput = { kind: 'quantity', path: step.path, node: q, unit: q.unit, money: step.money, bounds: step.bounds };
      all.push(input);
      return input;
    }
    case 'count': {
      const input: CountInput = { kind: 'count', path: step.path, node: node as Count, unit: 'children', money: false, bounds: step.bounds };
      all.push(input);
      return input;
    }
    case 'shares': {
      const input: SharesInput = { kind: 'shares', path: step.path, node: node as ShareGroup, keys: step.keys, unit: 'share', money: false, bounds: step.bounds, concentrationBounds: step.concentrationBounds };
      all.push(input);
      return input;
    }
    case 'duration': {
      const duration = node as Duration;
      const out: Record<string, unknown> = { family: duration.family, path: step.path, node: duration };
      const parts = step.families[duration.family]!;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i]!;
        const input: DurationPartInput = {
          kind: 'duration part',
          path: part.path,
          node: (duration as unknown as Record<string, Uncertain>)[part.part]!,
          unit: part.part === 'shape' ? '' : duration.unit,
          money: false,
          bounds: part.bounds,
        };
        all.push(input);
        out[part.part] = input;
      }
      return out;
    }
    case 'none':
      return undefined;
  }
}

/**
 * Walks the schema and the scenario together: every input the schema declares (a quantity, a part
 * of a duration, a count, a group of branch shares) that the scenario has, with the path its random
 * stream is keyed by. The one list of the model's inputs: the parameter draw, the uprating of money,
 * sensitivity and calibration all take their inputs and paths from here.
 */
export function scenarioInputs(s: Scenario): ScenarioInputs {
  compiled ??= compile(scenarioSchema as Check<unknown>, '');
  const all: ScenarioInput[] = [];
  const tree = walk(compiled, s, all) as InputTree<Scenario>;
  return { all, tree };
}

/** Whether an input is given as a distribution (or, for branch shares, a Dirichlet), so each run draws it afresh. */
export function isDrawn(input: ScenarioInput): boolean {
  switch (input.kind) {
    case 'quantity':
      return 'dist' in input.node;
    case 'duration part':
      return typeof input.node === 'object';
    case 'shares':
      return input.node.concentration !== undefined;
    case 'count':
      return false;
  }
}
