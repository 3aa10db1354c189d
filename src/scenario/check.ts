// Small typed validators: each names the field path and the rule it broke; types are inferred from them.

/** One problem found in a scenario: where it is and what rule it broke. */
export interface ScenarioError {
  /** Dotted field path, e.g. `arms.options[0].coordinatorsFte`. */
  path: string;
  /** The rule and the offending value, e.g. `must be ≥ 0, got -3`. */
  message: string;
}

/** A validator: returns the checked value, or undefined after recording errors. */
export type Check<T> = (x: unknown, path: string, errors: ScenarioError[]) => T | undefined;
export type Out<C> = C extends Check<infer T> ? T : never;

const OPTIONAL = Symbol('optional');
type OptionalCheck<T> = Check<T> & { [OPTIONAL]: true };

const DESCRIPTION = Symbol('description');

/** An object check's description: the check of each key, in the schema's order. */
export interface ObjectDescription {
  kind: 'object';
  shape: Record<string, Check<unknown>>;
}

/** An optional check's description: the check it applies when the value is there. */
export interface OptionalDescription {
  kind: 'optional';
  check: Check<unknown>;
}

/** Attaches what a check checks, for walks over the schema (src/scenario/inputs.ts); returns the check. */
export function describe<C extends Check<unknown>, D extends { kind: string }>(check: C, description: D): C {
  (check as C & { [DESCRIPTION]?: unknown })[DESCRIPTION] = description;
  return check;
}

/** What a check checks, if it says (objects, optionals and the model's inputs do); undefined for other checks. */
export function descriptionOf(check: Check<unknown>): { kind: string } | undefined {
  return (check as Check<unknown> & { [DESCRIPTION]?: { kind: string } })[DESCRIPTION];
}

/** Renders a received value for a message: short and unambiguous. */
export function show(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  if (Array.isArray(x)) return `an array of ${x.length}`;
  if (x === null) return 'null';
  if (typeof x === 'object') return 'an object';
  return String(x);
}

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** Whether `key` is the object's own key: never a member inherited from Object.prototype (`constructor`, `__proto__`, `toString`). */
export function hasOwn(x: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(x, key);
}

/** The object's own value at `key`, or undefined: a prototype-named key of a plain object reads as absent. */
export function own(x: object, key: string): unknown {
  return hasOwn(x, key) ? (x as Record<string, unknown>)[key] : undefined;
}

/**
 * Runs a check and turns anything it throws into a reported problem at `path`: validation never
 * crashes, whatever the input (a last resort; every check should report its problems itself).
 */
export function guarded<T>(check: Check<T>, x: unknown, path: string, errors: ScenarioError[]): T | undefined {
  try {
    return check(x, path, errors);
  } catch (e) {
    return fail(errors, path, `could not be checked (${e instanceof Error ? e.message : String(e)})`);
  }
}

export function fail(errors: ScenarioError[], path: string, message: string): undefined {
  errors.push({ path: path || '(root)', message });
  return undefined;
}

export function optional<T>(check: Check<T>): OptionalCheck<T | undefined> {
  const c = ((x, path, errors) => (x === undefined ? undefined : check(x, path, errors))) as OptionalCheck<T | undefined>;
  c[OPTIONAL] = true;
  return describe(c, { kind: 'optional', check } satisfies OptionalDescription);
}

type Shape = Record<string, Check<unknown>>;
type ObjOut<S extends Shape> = {
  [K in keyof S as S[K] extends OptionalCheck<unknown> ? never : K]: Out<S[K]>;
} & {
  [K in keyof S as S[K] extends OptionalCheck<unknown> ? K : never]?: Out<S[K]>;
};

/** An object with exactly these keys: unknown keys and missing required keys are errors. */
export function obj<S extends Shape>(shape: S): Check<ObjOut<S>> {
  const check: Check<ObjOut<S>> = (x, path, errors) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) return fail(errors, path, `must be an object, got ${show(x)}`);
    const rec = x as Record<string, unknown>;
    let ok = true;
    for (const key of Object.keys(rec)) {
      if (!hasOwn(shape, key)) {
        fail(errors, join(path, key), `unknown key (allowed: ${Object.keys(shape).join(', ')})`);
        ok = false;
      }
    }
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      let value: unknown;
      try {
        value = own(rec, key);
      } catch (e) {
        fail(errors, join(path, key), `could not be checked (${e instanceof Error ? e.message : String(e)})`);
        ok = false;
        continue;
      }
      if (value === undefined && !(OPTIONAL in check)) {
        fail(errors, join(path, key), 'is required');
        ok = false;
        continue;
      }
      const before = errors.length;
      const checked = guarded(check, value, join(path, key), errors);
      if (errors.length > before) ok = false;
      else if (checked !== undefined) out[key] = checked;
    }
    return ok ? (out as ObjOut<S>) : undefined;
  };
  return describe(check, { kind: 'object', shape } satisfies ObjectDescription);
}

export function str(opts: { pattern?: RegExp; rule?: string } = {}): Check<string> {
  return (x, path, errors) => {
    if (typeof x !== 'string' || x.length === 0) return fail(errors, path, `must be a non-empty string, got ${show(x)}`);
    if (opts.pattern && !opts.pattern.test(x)) return fail(errors, path, `must be ${opts.rule}, got ${show(x)}`);
    return x;
  };
}

export function literal<T extends string | number>(...values: T[]): Check<T> {
  return (x, path, errors) =>
    (typeof x === 'string' || typeof x === 'number') && values.includes(x as T)
      ? (x as T)
      : fail(errors, path, `must be ${values.map((v) => JSON.stringify(v)).join(' or ')}, got ${show(x)}`);
}

export interface NumRule {
  min?: number;
  max?: number;
  /** Strictly greater than min. */
  exclusiveMin?: boolean;
  integer?: boolean;
  /** Why the bounds are what they are, in a few words (for inputs: src/scenario/inputs.ts reports it). */
  reason?: string;
  /**
   * A size no real input comes near (every council's published figures lie well below it): a value,
   * and a distribution's upper end (a lognormal's or gamma's mean), must be ≤ it. Unlike `max` it
   * bounds size, not support, so a lognormal or gamma stays allowed.
   */
  limit?: number;
  /** Why the limit is where it is (the published figure it leaves room above). */
  limitReason?: string;
}

/** The message for a value above a rule's limit: the bound, the value and why. */
export function limitProblem(x: number, rule: NumRule): string | undefined {
  if (rule.limit === undefined || x <= rule.limit) return undefined;
  return `must be ≤ ${rule.limit}, got ${x}${rule.limitReason ? ` (${rule.limitReason})` : ''}`;
}

/** The rule broken by a number, or undefined if it passes. */
export function numberProblem(x: unknown, rule: NumRule): string | undefined {
  if (typeof x !== 'number' || !Number.isFinite(x)) return `must be a finite number, got ${show(x)}`;
  if (rule.integer && !Number.isInteger(x)) return `must be a whole number, got ${x}`;
  if (rule.min !== undefined) {
    if (rule.exclusiveMin && x <= rule.min) return `must be > ${rule.min}, got ${x}`;
    if (!rule.exclusiveMin && x < rule.min) return `must be ≥ ${rule.min}, got ${x}`;
  }
  if (rule.max !== undefined && x > rule.max) return `must be ≤ ${rule.max}, got ${x}`;
  return limitProblem(x, rule);
}

export function num(rule: NumRule = {}): Check<number> {
  return (x, path, errors) => {
    const problem = numberProblem(x, rule);
    return problem ? fail(errors, path, problem) : (x as number);
  };
}

/** An array check's description: the check of each item. */
export interface ArrayDescription {
  kind: 'array';
  item: Check<unknown>;
}

export function arr<T>(item: Check<T>, opts: { minLength?: number; length?: number; maxLength?: number; why?: string } = {}): Check<T[]> {
  return describe(arrayCheck(item, opts), { kind: 'array', item } satisfies ArrayDescription);
}

function arrayCheck<T>(item: Check<T>, opts: { minLength?: number; length?: number; maxLength?: number; why?: string }): Check<T[]> {
  return (x, path, errors) => {
    if (!Array.isArray(x)) return fail(errors, path, `must be an array, got ${show(x)}`);
    if (opts.length !== undefined && x.length !== opts.length) {
      return fail(errors, path, `must have exactly ${opts.length} items, got ${x.length}`);
    }
    if (opts.minLength !== undefined && x.length < opts.minLength) {
      return fail(errors, path, `must have at least ${opts.minLength} items, got ${x.length}`);
    }
    if (opts.maxLength !== undefined && x.length > opts.maxLength) {
      return fail(errors, path, `must have at most ${opts.maxLength} items, got ${x.length}${opts.why ? ` (${opts.why})` : ''}`);
    }
    const before = errors.length;
    const out = x.map((v, i) => guarded(item, v, join(path, i), errors));
    return errors.length > before ? undefined : (out as T[]);
  };
}

/** Runs a further rule on an already-checked value; the check keeps what it describes (its shape, for the input walk). */
export function refine<T>(check: Check<T>, rule: (v: T) => string | undefined): Check<T> {
  const refined: Check<T> = (x, path, errors) => {
    const v = check(x, path, errors);
    if (v === undefined) return undefined;
    const problem = rule(v);
    return problem ? fail(errors, path, problem) : v;
  };
  const d = descriptionOf(check);
  return d ? describe(refined, d) : refined;
}

/** An object whose keys are names (checked by `key`) and whose values all pass `value`. */
export function record<T>(value: Check<T>, key: { pattern: RegExp; rule: string }): Check<Record<string, T>> {
  return (x, path, errors) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) return fail(errors, path, `must be an object, got ${show(x)}`);
    const before = errors.length;
    const out: Record<string, T> = {};
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
      if (!key.pattern.test(k)) fail(errors, join(path, k), `must be ${key.rule}`);
      const checked = guarded(value, v, join(path, k), errors);
      // defineProperty: a key "__proto__" must stay a key, never set the result's prototype.
      if (checked !== undefined) Object.defineProperty(out, k, { value: checked, enumerable: true, writable: true, configurable: true });
    }
    return errors.length > before ? undefined : out;
  };
}
