// Every input of a scenario the simulator draws, from one walk of the schema: its path (its random stream's key), node, unit, bounds, and whether it is money.
import { descriptionOf, join, type Check, type NumRule, type ObjectDescription, type OptionalDescription } from './check';
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

export type ScenarioInput = QuantityInput | DurationPartInput | CountInput | SharesInput;

export type Count = Scenario['initialStocks']['cin'];
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

/** The inputs shaped like the scenario: each input where the scenario has it, objects without inputs left out. */
export type InputTree<T> = [Leaf<T>] extends [never] ? (T extends readonly unknown[] ? never : T extends object ? Pruned<Branch<T>> : never) : Leaf<T>;

export interface ScenarioInputs {
  /** Every input, in the scenario's (the schema's) order; a duration's parts in place of the duration. */
  all: ScenarioInput[];
  /** The same inputs shaped like the scenario, for the parameter draw: `tree.fgc.effects.rrEntryToCare`. */
  tree: InputTree<Scenario>;
}

type Description = ObjectDescription | OptionalDescription | InputDescription;

function bounds(rule: NumRule): InputBounds {
  if (!rule.reason) throw new Error('an input rule without a reason'); // a schema slip, not a scenario's
  return rule as InputBounds;
}

/**
 * Walks the schema and the scenario together: every input the schema declares (a quantity, a part
 * of a duration, a count, a group of branch shares) that the scenario has, with the path its random
 * stream is keyed by. The one list of the model's inputs: the parameter draw, the uprating of money,
 * sensitivity and calibration all take their inputs and paths from here.
 */
export function scenarioInputs(s: Scenario): ScenarioInputs {
  const all: ScenarioInput[] = [];
  const visit = (check: Check<unknown>, node: unknown, path: string): unknown => {
    const d = descriptionOf(check) as Description | undefined;
    switch (d?.kind) {
      case 'optional':
        return node === undefined ? undefined : visit(d.check, node, path);
      case 'object': {
        const out: Record<string, unknown> = {};
        let any = false;
        for (const [key, child] of Object.entries(d.shape)) {
          const rec = node as Record<string, unknown>;
          const value = visit(child, rec[key], join(path, key));
          if (value !== undefined) {
            out[key] = value;
            any = true;
          }
        }
        return any ? out : undefined;
      }
      case 'quantity': {
        const q = node as Quantity;
        const input: QuantityInput = { kind: 'quantity', path, node: q, unit: q.unit, money: d.money, bounds: bounds(d.rule) };
        all.push(input);
        return input;
      }
      case 'count': {
        const input: CountInput = { kind: 'count', path, node: node as Count, unit: 'children', money: false, bounds: bounds(d.rule) };
        all.push(input);
        return input;
      }
      case 'shares': {
        const group = node as ShareGroup;
        const input: SharesInput = { kind: 'shares', path, node: group, keys: d.keys, unit: 'share', money: false, bounds: bounds(d.share), concentrationBounds: bounds(d.concentration) };
        all.push(input);
        return input;
      }
      case 'duration': {
        const duration = node as Duration;
        const out: Record<string, unknown> = { family: duration.family, path, node: duration };
        for (const [part, partCheck] of Object.entries(d.families[duration.family]!)) {
          const partDescription = descriptionOf(partCheck) as Description;
          if (partDescription.kind !== 'uncertain') throw new Error(`${path}.${part}: a duration part that is not uncertain`);
          const input: DurationPartInput = {
            kind: 'duration part',
            path: join(path, part),
            node: (duration as unknown as Record<string, Uncertain>)[part]!,
            unit: part === 'shape' ? '' : duration.unit,
            money: false,
            bounds: bounds(partDescription.rule),
          };
          all.push(input);
          out[part] = input;
        }
        return out;
      }
      default:
        return undefined;
    }
  };
  const tree = visit(scenarioSchema as Check<unknown>, s, '') as InputTree<Scenario>;
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
