// A sojourn-time distribution in the scenario schema: its families, their uncertain parts, and the checks that keep a
// mean stay, a spread and a Weibull shape where the model can draw them. Split from ./schema.ts, which uses it.
import { arr, describe, fail, join, literal, num, obj, optional, own, refine, show, str, type Check, type NumRule, type Out } from './check';
import { LIMITS } from './limits';
import { derivedProblem, NON_NEGATIVE, POSITIVE, uncertain, type InputDescription, type Uncertain } from './quantity';

const SUM_TOLERANCE = 1e-6;
const MEAN_TIME: NumRule = { ...POSITIVE, reason: 'a mean time in a state is above 0' };
const SPREAD: NumRule = { ...POSITIVE, reason: 'a standard deviation of time in a state is above 0' };
const WEIBULL_SHAPE: NumRule = { ...POSITIVE, reason: 'a Weibull shape is above 0' };

/** Why shares do not sum to 1, or undefined (never silently rescaled). */
export function sumProblem(values: number[]): string | undefined {
  const sum = values.reduce((a, b) => a + b, 0);
  return Math.abs(sum - 1) > SUM_TOLERANCE ? `shares must sum to 1, got ${+sum.toFixed(6)}` : undefined;
}

const durationUnit = literal('days', 'weeks', 'months');

/** The uncertain parts of a duration of each family (an empirical histogram has none: it is fixed). */
const DURATION_PARTS = {
  lognormal: { mean: uncertain(MEAN_TIME), sd: uncertain(SPREAD) },
  gamma: { mean: uncertain(MEAN_TIME), sd: uncertain(SPREAD) },
  weibull: { mean: uncertain(MEAN_TIME), shape: uncertain(WEIBULL_SHAPE) },
  empirical: {},
};

/** A sojourn-time distribution: time spent in a state before its exit (not memoryless). */
const durationCheck: Check<Duration> = (x, path, errors) => {
  const family = typeof x === 'object' && x !== null ? own(x, 'family') : undefined;
  const common = { unit: durationUnit, source: str(), note: optional(str()) };
  switch (family) {
    case 'lognormal':
    case 'gamma':
      return obj({ family: literal(family), ...DURATION_PARTS[family], ...common })(x, path, errors);
    case 'weibull':
      return obj({ family: literal('weibull'), ...DURATION_PARTS.weibull, ...common })(x, path, errors);
    case 'empirical':
      return refine(
        obj({ family: literal('empirical'), binEdges: arr(num(NON_NEGATIVE), { minLength: 2, maxLength: LIMITS.bins + 1 }), weights: arr(num(NON_NEGATIVE), { minLength: 1, maxLength: LIMITS.bins }), ...common }),
        (d) => {
          if (d.weights.length !== d.binEdges.length - 1) return `weights must have one entry per bin (${d.binEdges.length - 1}), got ${d.weights.length}`;
          if (d.binEdges.some((e, i) => i > 0 && e <= d.binEdges[i - 1]!)) return 'binEdges must increase';
          return sumProblem(d.weights);
        },
      )(x, path, errors);
    default:
      if (typeof x !== 'object' || x === null) return fail(errors, path, `must be a duration object, got ${show(x)}`);
      return fail(errors, join(path, 'family'), `must be "lognormal", "gamma", "weibull" or "empirical", got ${show(family)}`);
  }
};
const DAYS_PER_UNIT = { days: 1, weeks: 7, months: 365.25 / 12 } as const;

/** The values an uncertain part can take that bound it: a number itself, a bounded distribution's ends, an unbounded one's mean. */
function spanOf(u: Uncertain): number[] {
  if (typeof u === 'number') return [u];
  switch (u.dist) {
    case 'uniform':
    case 'triangular':
    case 'pert':
      return [u.min, u.max];
    case 'beta':
      return [u.alpha / (u.alpha + u.beta)];
    default:
      return [u.mean];
  }
}

/**
 * A duration whose mean stay is under a minute or over 100 years, whose lognormal or gamma parameters
 * (from mean and sd) are not finite, or whose Weibull shape makes the scale explode: the field and the problem.
 */
function durationProblem(d: Duration): { key: string; message: string } | undefined {
  if (d.family === 'empirical') return undefined;
  const perDay = DAYS_PER_UNIT[d.unit];
  const { min, max } = LIMITS.meanStayDays;
  for (const mean of spanOf(d.mean)) {
    const days = mean * perDay;
    if (!(days >= min && days <= max)) return { key: 'mean', message: `a mean stay must be from one minute to 100 years (${+(min / perDay).toPrecision(3)} to ${+(max / perDay).toPrecision(6)} ${d.unit}), got ${mean}` };
  }
  if (d.family === 'weibull') {
    for (const k of spanOf(d.shape)) {
      if (!(k >= LIMITS.weibullShape.min && k <= LIMITS.weibullShape.max)) {
        return { key: 'shape', message: `a Weibull shape must be from ${LIMITS.weibullShape.min} to ${LIMITS.weibullShape.max}, got ${k} (below, the scale mean/Γ(1 + 1/shape) collapses to 0 and almost no one leaves)` };
      }
    }
    return undefined;
  }
  const sds = spanOf(d.sd);
  for (const mean of spanOf(d.mean)) {
    for (const sd of sds) {
      const problem = derivedProblem(d.family, mean, sd);
      if (problem) return { key: 'sd', message: problem };
    }
  }
  return undefined;
}

const checkedDuration: Check<Duration> = (x, path, errors) => {
  const d = durationCheck(x, path, errors);
  if (d === undefined) return undefined;
  const problem = durationProblem(d);
  return problem ? fail(errors, join(path, problem.key), problem.message) : d;
};

export const duration = describe(checkedDuration, { kind: 'duration', families: DURATION_PARTS } satisfies InputDescription);

/** A sojourn-time distribution. Lognormal and gamma take mean and sd; Weibull mean and shape; empirical a histogram. */
export type Duration =
  | { family: 'lognormal' | 'gamma'; mean: Out<ReturnType<typeof uncertain>>; sd: Out<ReturnType<typeof uncertain>>; unit: 'days' | 'weeks' | 'months'; source: string; note?: string }
  | { family: 'weibull'; mean: Out<ReturnType<typeof uncertain>>; shape: Out<ReturnType<typeof uncertain>>; unit: 'days' | 'weeks' | 'months'; source: string; note?: string }
  | { family: 'empirical'; binEdges: number[]; weights: number[]; unit: 'days' | 'weeks' | 'months'; source: string; note?: string };
