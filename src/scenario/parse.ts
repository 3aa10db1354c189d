// Parses untrusted JSON into a Scenario, or the list of every problem with its field path.
import { guarded, type ScenarioError } from './check';
import { upratingFactors } from './prices';
import type { Quantity } from './quantity';
import { ENGLAND_CLA_AGE_MIX, ENGLAND_REFERRAL_AGE_MIX } from './age-defaults';
import { AGE_BANDS, LIMITS, scenarioSchema, type Scenario } from './schema';
import { upgradeScenario } from './upgrade';

export type { ScenarioError } from './check';

/** A value or the reasons there is none (expected failures are values, never throws). */
export type Result<T, E> = { ok: true; value: T } | { ok: false; errors: E };

/** A parse's result, and what was upgraded on the way when the file was written for an earlier schema (see upgradeScenario). */
export type ParseResult = Result<Scenario, ScenarioError[]> & { upgraded?: string[] };

/**
 * Validates a scenario object, first upgrading one written before costs went to their units (src/scenario/upgrade.ts:
 * each change is in `upgraded`); errors name the field path and the rule.
 */
export function parseScenario(raw: unknown): ParseResult {
  const up = upgradeScenario(raw);
  const result = validate(up.raw);
  return up.notes.length ? { ...result, upgraded: up.notes } : result;
}

function validate(raw: unknown): Result<Scenario, ScenarioError[]> {
  const errors: ScenarioError[] = [];
  // Guarded: whatever a check throws becomes a problem at the deepest field path that caught it, never a crash.
  const value = guarded(scenarioSchema, raw, '', errors);
  if (errors.length > 0 || value === undefined) return { ok: false, errors };
  // Every money input must be upratable to the reporting year when the scenario has a deflator.
  let prices: ReturnType<typeof upratingFactors>;
  try {
    prices = upratingFactors(value);
  } catch (e) {
    return { ok: false, errors: [{ path: 'prices', message: `could not be checked (${e instanceof Error ? e.message : String(e)})` }] };
  }
  if (prices.errors.length > 0) return { ok: false, errors: prices.errors };
  const demand = referralsProblem(value);
  if (demand) return { ok: false, errors: [demand] };
  const ramps = rampUpProblems(value);
  if (ramps.length > 0) return { ok: false, errors: ramps };
  const totals = observedTotalProblems(value);
  if (totals.length > 0) return { ok: false, errors: totals };
  const proceedings = proceedingsProblem(value);
  if (proceedings) return { ok: false, errors: [proceedings] };
  const care = careAgesProblem(value) ?? placementsPerChildProblem(value);
  if (care) return { ok: false, errors: [care] };
  return { ok: true, value };
}

/**
 * With each child on its own clocks, a child found in care at month 0 in an age band came in younger or at that age:
 * some referral ages (demand.ageMix) must lie in that band or below, or no stay could leave it there.
 */
function careAgesProblem(s: Scenario): ScenarioError | undefined {
  if (!s.pathway.cla.routes) return undefined;
  const atReferral = s.demand.ageMix?.shares ?? ENGLAND_REFERRAL_AGE_MIX.shares;
  const inCare = s.initialStocks.claAgeMix?.shares ?? ENGLAND_CLA_AGE_MIX.shares;
  const words = { under1: 'under 1', age1to4: 'aged 1 to 4', age5to9: 'aged 5 to 9', age10to15: 'aged 10 to 15', age16plus: 'aged 16 or over' };
  let below = 0;
  for (const band of AGE_BANDS) {
    below += atReferral[band];
    if (inCare[band] > 0 && below <= 0) {
      return { path: 'demand.ageMix', message: `gives no child ${words[band]} or younger at referral, but initialStocks.claAgeMix puts a share of ${inCare[band]} of the children in care at month 0 there (${band}): none of them could have come into care that young; give those ages a share here or take the band out of the month-0 mix` };
    }
  }
  return undefined;
}

/** Placements by age and moves between placements are each child's: they need each child on its own clocks. */
function placementsPerChildProblem(s: Scenario): ScenarioError | undefined {
  if (s.pathway.cla.routes) return undefined;
  for (const key of ['placementByAge', 'placementMoves'] as const) {
    if (s.pathway.cla[key]) return { path: `pathway.cla.${key}`, message: 'is each child\'s placement in care, so it needs each child on its own clocks: give pathway.cla.routes too, or take this out (siblings then share one placement for their whole stay)' };
  }
  return undefined;
}

/**
 * Every care entry from pre-proceedings has proceedings, so the share of families leaving it with proceedings (at its
 * upper end) cannot be below the share leaving for care: refused here, naming both (a run's Dirichlet draw of the
 * shares is checked again as it is drawn).
 */
function proceedingsProblem(s: Scenario): ScenarioError | undefined {
  const pp = s.pathway.preProceedings;
  const care = pp.exits.shares.cla;
  const upper = upperEnd(pp.proceedingsShare);
  if (upper >= care) return undefined;
  return { path: 'pathway.preProceedings.proceedingsShare', message: `is at most ${upper}, below the ${care} of families leaving pre-proceedings for care (pathway.preProceedings.exits), every one of whom has proceedings: raise it or lower the care share` };
}

/** Months from `from` to `to` ("YYYY-MM" each): 0 for the same month. */
export function monthsFrom(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}

/** Each arm's ramp-up steps come after month 0 (the scenario's startMonth), in order. */
function rampUpProblems(s: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const arms = [['arms.counterfactual', s.arms.counterfactual] as const, ...s.arms.options.map((a, i) => [`arms.options[${i}]`, a] as const)];
  for (const [path, arm] of arms) {
    let last = 0;
    arm.rampUp?.forEach((step, i) => {
      const k = monthsFrom(s.startMonth, step.month);
      if (k <= last) {
        errors.push({ path: `${path}.rampUp[${i}].month`, message: i === 0 ? `must come after month 0 (${s.startMonth}), got ${step.month}` : `must come after the step before (${arm.rampUp![i - 1]!.month}), got ${step.month}` });
      }
      last = Math.max(last, k);
    });
    // Each arm's caseload services: a service the scenario declares, its ramp in order after month 0.
    for (const [id, service] of Object.entries(arm.services ?? {})) {
      const at = `${path}.services.${id}`;
      if (!s.services?.some((x) => x.id === id)) {
        const ids = (s.services ?? []).map((x) => `"${x.id}"`);
        errors.push({ path: at, message: ids.length ? `names no service of the scenario (services: ${ids.join(', ')})` : 'names a service, but the scenario declares none (services)' });
      }
      let lastStep = 0;
      service.rampUp?.forEach((step, i) => {
        const k = monthsFrom(s.startMonth, step.month);
        if (k <= lastStep) errors.push({ path: `${at}.rampUp[${i}].month`, message: i === 0 ? `must come after month 0 (${s.startMonth}), got ${step.month}` : `must come after the step before (${service.rampUp![i - 1]!.month}), got ${step.month}` });
        lastStep = Math.max(lastStep, k);
      });
    }
  }
  s.services?.forEach((service, i) => {
    const arm = service.publishedClaim?.arm;
    if (arm !== undefined && arm > s.arms.options.length) errors.push({ path: `services[${i}].publishedClaim.arm`, message: `must name an option of the scenario, 1 to ${s.arms.options.length}; got ${arm}` });
  });
  return errors;
}

/** Each observed total spans months after month 0 (a flow in month 0 happened before it), from no later than to. */
function observedTotalProblems(s: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const arm = s.observed?.arm;
  if (arm !== undefined && arm > s.arms.options.length) errors.push({ path: 'observed.arm', message: `must name an arm of the scenario: 0 for the counterfactual, 1 to ${s.arms.options.length} for the options; got ${arm}` });
  s.observed?.totals?.forEach((t, i) => {
    const path = `observed.totals[${i}]`;
    if (monthsFrom(s.startMonth, t.from) < 1) errors.push({ path: `${path}.from`, message: `must come after month 0 (${s.startMonth}): a flow in month 0 happened before it; got ${t.from}` });
    else if (monthsFrom(t.from, t.to) < 0) errors.push({ path: `${path}.to`, message: `must not come before from (${t.from}), got ${t.to}` });
  });
  return errors;
}

/** The upper end of a quantity: its value, a bounded distribution's max, an unbounded one's mean + 3 sd. */
function upperEnd(q: Quantity): number {
  if ('value' in q) return q.value;
  switch (q.dist) {
    case 'uniform':
    case 'triangular':
    case 'pert':
      return q.max;
    case 'beta':
      return 1;
    default:
      return q.mean + 3 * q.sd;
  }
}

/**
 * Referrals over the horizon, the trend compounded from the upper ends of referrals a month and of
 * the trend, must stay ≤ LIMITS.referralsOverHorizon (every family referred is held in memory): the
 * problem, naming the trend (or the referrals when the trend does not grow), else undefined.
 * `months` is the horizon a run uses (the scenario's unless a command sets another).
 */
export function referralsProblem(s: Scenario, months = s.simulation.horizonMonths): ScenarioError | undefined {
  const perMonth = upperEnd(s.demand.referralsPerMonth);
  const growth = 1 + upperEnd(s.demand.trendPerYear);
  let total = 0;
  for (let m = 0; m <= months; m++) total += perMonth * Math.pow(growth, m / 12);
  if (total <= LIMITS.referralsOverHorizon) return undefined;
  const path = growth > 1 ? 'demand.trendPerYear' : 'demand.referralsPerMonth';
  return {
    path,
    message: `referrals over ${months} months would come to ${total.toPrecision(3)} (up to ${perMonth} a month, growing by up to ${+(growth - 1).toPrecision(6)} a year), above the ${LIMITS.referralsOverHorizon} a run can hold (England refers about 658,000 children a year): check the trend (0.03 is 3% a year) or shorten the horizon`,
  };
}

/** A message that quotes a file, with its control characters (a terminal's escape sequences) written as \uXXXX. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Parses JSON text then validates it; a syntax error is reported like any other problem. */
export function parseScenarioText(text: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ path: '(file)', message: `is not valid JSON: ${printable((e as Error).message)}` }] };
  }
  return parseScenario(raw);
}

/** One line per problem: `path: message`. */
export function formatErrors(errors: ScenarioError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
