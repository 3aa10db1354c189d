// Validators for uncertain inputs: a fixed value or a distribution, with unit and source.
import { describe, fail, hasOwn, join, limitProblem, own, literal, numberProblem, obj, show, str, optional, type Check, type NumRule, type ScenarioError } from './check';

/** A distribution an input is drawn from once per run (parameter uncertainty). */
export type DistSpec =
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'triangular'; min: number; mode: number; max: number }
  | { dist: 'pert'; min: number; mode: number; max: number }
  | { dist: 'normal'; mean: number; sd: number }
  | { dist: 'lognormal'; mean: number; sd: number }
  | { dist: 'beta'; alpha: number; beta: number }
  | { dist: 'gamma'; mean: number; sd: number };

/** A number or a distribution, without its own unit or source (it inherits its parent's). */
export type Uncertain = number | DistSpec;

/** Where a value comes from and what it measures. */
export interface Provenance {
  /** Unit of the value, e.g. `children/month`, `GBP/week`. */
  unit: string;
  /** Seed file and line (`000_8890056140a8d8e5.txt:L1913`) or external reference; assumptions say so. */
  source: string;
  /** Price year of a money value, e.g. `2013/14`. */
  priceYear?: string;
  note?: string;
  /** An FGC effect's evidence grade (EVIDENCE_GRADES). */
  grade?: EvidenceGrade;
  /** What an FGC effect on a risk measures: of a referral (intention to treat) or per conference held. */
  measure?: EffectMeasure;
}

/** How strong the evidence for an effect is, strongest first. */
export const EVIDENCE_GRADES = ['randomised trial', 'quasi-experimental', 'uncontrolled comparison', 'assumption'] as const;
export type EvidenceGrade = (typeof EVIDENCE_GRADES)[number];
/** An effect of being referred (offered) for an FGC, as a trial measures it, or of a conference held. */
export const EFFECT_MEASURES = ['intention to treat', 'per conference'] as const;
export type EffectMeasure = (typeof EFFECT_MEASURES)[number];

/** An input with its provenance: `{ value, unit, source }` or `{ dist, ...params, unit, source }`. */
export type Quantity = ({ value: number } | DistSpec) & Provenance;

const DIST_KEYS: Record<DistSpec['dist'], string[]> = {
  uniform: ['min', 'max'],
  triangular: ['min', 'mode', 'max'],
  pert: ['min', 'mode', 'max'],
  normal: ['mean', 'sd'],
  lognormal: ['mean', 'sd'],
  beta: ['alpha', 'beta'],
  gamma: ['mean', 'sd'],
};
const PROVENANCE_KEYS = ['unit', 'source', 'priceYear', 'note', 'grade', 'measure'];

function boundText(rule: NumRule): string {
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(`${rule.exclusiveMin ? '>' : '≥'} ${rule.min}`);
  if (rule.max !== undefined) parts.push(`≤ ${rule.max}`);
  return parts.join(' and ');
}

/** Checks a distribution's parameters and that its whole support lies inside the field's bounds. */
function checkDist(rec: Record<string, unknown>, path: string, rule: NumRule, errors: ScenarioError[], extraKeys: string[]): DistSpec | undefined {
  const dist = rec.dist as DistSpec['dist'];
  const keys = typeof dist === 'string' && hasOwn(DIST_KEYS, dist) ? DIST_KEYS[dist] : undefined;
  if (!keys) {
    return fail(errors, join(path, 'dist'), `must be one of ${Object.keys(DIST_KEYS).join(', ')}, got ${show(rec.dist)}`);
  }
  const before = errors.length;
  for (const key of Object.keys(rec)) {
    if (key !== 'dist' && !keys.includes(key) && !extraKeys.includes(key)) {
      fail(errors, join(path, key), `unknown key for a ${dist} distribution (allowed: ${keys.join(', ')})`);
    }
  }
  for (const key of keys) {
    const problem = own(rec, key) === undefined ? 'is required' : numberProblem(rec[key], {});
    if (problem) fail(errors, join(path, key), problem);
  }
  if (errors.length > before) return undefined;
  const p = rec as Record<string, number>;
  const lo = rule.min;
  const hi = rule.max;
  const below = (v: number) => lo !== undefined && (rule.exclusiveMin ? v <= lo : v < lo);
  const above = (v: number) => hi !== undefined && v > hi;
  const bounds = boundText(rule);
  switch (dist) {
    case 'uniform':
    case 'triangular':
    case 'pert': {
      if (!(p.min! < p.max!)) return fail(errors, path, `min must be < max, got min ${p.min} and max ${p.max}`);
      if (dist !== 'uniform' && (p.mode! < p.min! || p.mode! > p.max!)) {
        return fail(errors, join(path, 'mode'), `must lie between min and max, got ${p.mode}`);
      }
      if (below(p.min!)) return fail(errors, join(path, 'min'), `must be ${bounds}, got ${p.min}`);
      if (above(p.max!)) return fail(errors, join(path, 'max'), `must be ${bounds}, got ${p.max}`);
      const tooBig = limitProblem(p.max!, rule);
      if (tooBig) return fail(errors, join(path, 'max'), tooBig);
      break;
    }
    case 'normal':
      if (!(p.sd! > 0)) return fail(errors, join(path, 'sd'), `must be > 0, got ${p.sd}`);
      if (lo !== undefined || hi !== undefined) {
        return fail(errors, join(path, 'dist'), `normal is unbounded but this input must be ${bounds}: use uniform, triangular, pert${hi === undefined ? ', lognormal or gamma' : ' or beta'}`);
      }
      break;
    case 'lognormal':
    case 'gamma':
      if (!(p.mean! > 0)) return fail(errors, join(path, 'mean'), `must be > 0, got ${p.mean}`);
      if (!(p.sd! > 0)) return fail(errors, join(path, 'sd'), `must be > 0, got ${p.sd}`);
      if (hi !== undefined || (lo !== undefined && lo > 0)) {
        return fail(errors, join(path, 'dist'), `${dist} can take any value above 0 but this input must be ${bounds}`);
      }
      {
        const tooBig = limitProblem(p.mean!, rule);
        if (tooBig) return fail(errors, join(path, 'mean'), tooBig);
        const derived = derivedProblem(dist, p.mean!, p.sd!);
        if (derived) return fail(errors, join(path, 'sd'), derived);
      }
      break;
    case 'beta':
      if (!(p.alpha! > 0)) return fail(errors, join(path, 'alpha'), `must be > 0, got ${p.alpha}`);
      if (!(p.beta! > 0)) return fail(errors, join(path, 'beta'), `must be > 0, got ${p.beta}`);
      for (const key of ['alpha', 'beta'] as const) {
        if (p[key]! < MIN_GAMMA_SHAPE || p[key]! > MAX_BETA_PARAMETER) {
          return fail(errors, join(path, key), `must be from ${MIN_GAMMA_SHAPE} to ${MAX_BETA_PARAMETER}, got ${p[key]} (outside, a draw underflows to 0/0 or is fixed at its mean)`);
        }
      }
      if ((lo !== undefined && lo > 0) || (hi !== undefined && hi < 1)) {
        return fail(errors, join(path, 'dist'), `beta takes values in 0–1 but this input must be ${bounds}`);
      }
      break;
  }
  const out: Record<string, unknown> = { dist };
  for (const key of keys) out[key] = p[key];
  return out as DistSpec;
}

/** Below this gamma shape (a beta's alpha or beta) a draw underflows to 0 too often to mean anything. */
export const MIN_GAMMA_SHAPE = 0.01;
/** Above this a beta's alpha or beta fixes the draw at its mean: use a fixed value. */
const MAX_BETA_PARAMETER = 1e6;

/**
 * Whether a lognormal's or gamma's parameters, derived from its mean and sd, are finite numbers
 * above 0 that a draw can use: the lognormal's mu and sigma, the gamma's shape (mean/sd)² and
 * scale sd²/mean. Undefined if they are, else the problem.
 */
export function derivedProblem(dist: 'lognormal' | 'gamma', mean: number, sd: number): string | undefined {
  const ratio = (sd / mean) ** 2;
  if (dist === 'lognormal') {
    const sigma = Math.sqrt(Math.log1p(ratio));
    const mu = Math.log(mean) - (sigma * sigma) / 2;
    if (!(Number.isFinite(sigma) && sigma > 0 && Number.isFinite(mu))) {
      return `gives a lognormal sigma ${sigma} and mu ${mu} (from mean ${mean} and sd ${sd}), not finite numbers with sigma above 0: give an sd nearer the mean`;
    }
    return undefined;
  }
  const shape = 1 / ratio;
  const scale = (sd * sd) / mean;
  if (!(Number.isFinite(shape) && Number.isFinite(scale) && scale > 0 && shape >= MIN_GAMMA_SHAPE)) {
    return `gives a gamma shape ${shape} and scale ${scale} (from mean ${mean} and sd ${sd}); they must be finite, the scale above 0 and the shape ≥ ${MIN_GAMMA_SHAPE}: give an sd nearer the mean`;
  }
  return undefined;
}

/**
 * What an input's check checks, for the walk over the schema (src/scenario/inputs.ts): a quantity,
 * a part of a duration, a count of children, a duration (its uncertain parts by family) or a
 * group of branch shares.
 */
export type InputDescription =
  | { kind: 'quantity'; rule: NumRule; money: boolean }
  | { kind: 'uncertain'; rule: NumRule }
  | { kind: 'count'; rule: NumRule }
  | { kind: 'duration'; families: Record<string, Record<string, Check<Uncertain>>> }
  | { kind: 'shares'; keys: readonly string[]; share: NumRule; concentration: NumRule };

/** A number or distribution with no provenance of its own (used inside durations). */
export function uncertain(rule: NumRule): Check<Uncertain> {
  const check: Check<Uncertain> = (x, path, errors) => {
    if (typeof x === 'number' || typeof x !== 'object' || x === null || Array.isArray(x)) {
      const problem = numberProblem(x, rule);
      if (problem) return fail(errors, path, typeof x === 'number' ? problem : `must be a number or a distribution object, got ${show(x)}`);
      return x as number;
    }
    const rec = x as Record<string, unknown>;
    if (!hasOwn(rec, 'dist')) return fail(errors, path, `must be a number or an object with "dist", got ${show(x)}`);
    return checkDist(rec, path, rule, errors, []);
  };
  return describe(check, { kind: 'uncertain', rule } satisfies InputDescription);
}

const provenance = obj({
  unit: str(),
  source: str(),
  priceYear: optional(str()),
  note: optional(str()),
  grade: optional(literal(...EVIDENCE_GRADES)),
  measure: optional(literal(...EFFECT_MEASURES)),
});

/**
 * An input with unit and source: `{ value, unit, source }` or `{ dist, ...params, unit, source }`.
 * `units` lists the units this field accepts; money fields need a priceYear.
 */
export function quantity(rule: NumRule, units: string[], opts: { money?: boolean; graded?: boolean; measured?: boolean } = {}): Check<Quantity> {
  const unitCheck = literal(...units);
  const check: Check<Quantity> = (x, path, errors) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) {
      return fail(errors, path, `must be an object like { "value": …, "unit": "${units[0]}", "source": "…" }, got ${show(x)}`);
    }
    const rec = x as Record<string, unknown>;
    const before = errors.length;
    const meta: Record<string, unknown> = {};
    for (const key of PROVENANCE_KEYS) if (hasOwn(rec, key)) meta[key] = rec[key];
    const prov = provenance(meta, path, errors);
    if (prov) unitCheck(prov.unit, join(path, 'unit'), errors);
    if (opts.money && prov && !prov.priceYear) fail(errors, join(path, 'priceYear'), 'is required for a money value (e.g. "2013/14")');
    if (prov && opts.graded && !prov.grade) fail(errors, join(path, 'grade'), `is required for an FGC effect: ${EVIDENCE_GRADES.map((g) => `"${g}"`).join(', ')}`);
    if (prov && !opts.graded && prov.grade) fail(errors, join(path, 'grade'), 'is for an FGC effect only');
    if (prov && opts.measured && !prov.measure) fail(errors, join(path, 'measure'), `is required for an effect on a risk: ${EFFECT_MEASURES.map((m) => `"${m}"`).join(' or ')}`);
    if (prov && !opts.measured && prov.measure) fail(errors, join(path, 'measure'), 'is for an effect on a risk only');
    let value: { value: number } | DistSpec | undefined;
    if (hasOwn(rec, 'dist')) {
      value = checkDist(rec, path, rule, errors, PROVENANCE_KEYS);
    } else {
      for (const key of Object.keys(rec)) {
        if (key !== 'value' && !PROVENANCE_KEYS.includes(key)) {
          fail(errors, join(path, key), `unknown key (allowed: value or dist, ${PROVENANCE_KEYS.join(', ')})`);
        }
      }
      const problem = own(rec, 'value') === undefined ? 'is required (or give a "dist")' : numberProblem(rec.value, rule);
      if (problem) fail(errors, join(path, 'value'), problem);
      else value = { value: rec.value as number };
    }
    if (errors.length > before || !value || !prov) return undefined;
    return { ...value, ...prov } as Quantity;
  };
  return describe(check, { kind: 'quantity', rule, money: opts.money ?? false } satisfies InputDescription);
}

export const PROBABILITY: NumRule = { min: 0, max: 1, reason: 'a probability or share lies between 0 and 1' };
export const NON_NEGATIVE: NumRule = { min: 0, reason: 'cannot be negative' };
export const POSITIVE: NumRule = { min: 0, exclusiveMin: true, reason: 'must be above 0' };
