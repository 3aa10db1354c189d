// One run's parameter draw: every uncertain input of the scenario drawn once, in model units (months, £ per child-month).
import type { DistSpec, Quantity, Uncertain } from '../scenario/quantity';
import type { Duration, Scenario } from '../scenario/schema';
import { PLACEMENTS } from '../scenario/schema';
import { upratingFactors } from '../scenario/prices';
import { beta, gamma, lognormalFromMoments, pert, standardNormal, triangular } from './distributions';
import { makeRunRng, type Rng } from './rng';
import { DAYS_PER_MONTH, Sojourn } from './sojourn';

/** HM Treasury Green Book social time preference rate, years 0–30 (external-references.md). */
export const GREEN_BOOK_DISCOUNT_RATE = 0.035;

/** Weeks in an average month (365.25 / 7 / 12). */
export const WEEKS_PER_MONTH = DAYS_PER_MONTH / 7;

/** Draws one value from a distribution. */
export function drawDist(d: DistSpec, rng: Rng): number {
  switch (d.dist) {
    case 'uniform':
      return d.min + rng() * (d.max - d.min);
    case 'triangular':
      return triangular(rng, d.min, d.mode, d.max);
    case 'pert':
      return pert(rng, d.min, d.mode, d.max);
    case 'normal':
      return d.mean + d.sd * standardNormal(rng);
    case 'lognormal': {
      const { mu, sigma } = lognormalFromMoments(d.mean, d.sd);
      return Math.exp(mu + sigma * standardNormal(rng));
    }
    case 'beta':
      return beta(rng, d.alpha, d.beta);
    case 'gamma':
      return gamma(rng, (d.mean * d.mean) / (d.sd * d.sd), (d.sd * d.sd) / d.mean);
  }
}

/** Central value of an input (its fixed value, or the mean of its distribution). */
export function centralValue(q: Quantity | Uncertain): number {
  if (typeof q === 'number') return q;
  if ('value' in q) return q.value;
  switch (q.dist) {
    case 'uniform':
      return (q.min + q.max) / 2;
    case 'triangular':
      return (q.min + q.mode + q.max) / 3;
    case 'pert':
      return (q.min + 4 * q.mode + q.max) / 6;
    case 'beta':
      return q.alpha / (q.alpha + q.beta);
    default:
      return q.mean;
  }
}

/** The numbers one run simulates with: all in months, children, families and £. */
export interface RunParameters {
  /** Referrals of children per month, re-referrals included. */
  referralsPerMonth: number;
  countModel: 'poisson' | 'negativeBinomial';
  /** Negative-binomial dispersion k of monthly new-family arrivals (variance = mean + mean²/k). */
  dispersion: number;
  trendPerYear: number;
  /** Referral multipliers by calendar month, January first. */
  seasonal: number[];
  /** Cumulative shares of families with 1, 2, … children. */
  childrenCum: Float64Array;
  meanChildrenPerFamily: number;
  initial: { cin: number; cp: number; preProceedings: number; cla: number };
  durations: {
    assessment: Sojourn;
    cin: Sojourn;
    cp: Sojourn;
    preProceedings: Sojourn;
    cla: Sojourn;
    reReferral: Sojourn;
    toConference: Sojourn;
  };
  /** Exit shares, most severe first: assessment [cla, cp, cin, nfa]; cin [cla, cp, close]; cp [plo, cin, close]; plo [cla, cp, cin]; cla [home, sgo, adoption, 18]. */
  exits: { assessment: Float64Array; cin: Float64Array; cp: Float64Array; preProceedings: Float64Array; cla: Float64Array };
  /** Shares of care entries by placement, in PLACEMENTS order. */
  placements: Float64Array;
  reReferralProbability: number;
  fgc: {
    conferencesPerFtePerYear: number;
    maxWaitMonths: number;
    acceptance: number;
    conversion: number;
    eligible: { referral: number; icpc: number; preProceedings: number; inCare: number };
    rrEscalationToCp: number;
    rrEntryToCare: number;
    timeInSystemFactor: number;
    timeInCareFactor: number;
    kinshipShareOfCareEntries: number;
    fadeHalfLifeMonths: number;
  };
  /** Appraisal settings (Green Book): discount rate a year, optimism bias, deadweight, set-up £ per added FTE. */
  appraisal: { discountRate: number; optimismBias: number; deadweight: number; setUpCostPerAddedFte: number };
  costs: {
    referral: number;
    assessment: number;
    s47: number;
    icpc: number;
    reviewConference: number;
    careProceedings: number;
    fgcConference: number;
    /** £ per child-month. */
    cinMonthly: number;
    cpMonthly: number;
    preProceedingsMonthly: number;
    /** £ per child-month by placement, in PLACEMENTS order. */
    claMonthly: Float64Array;
    coordinatorAnnual: number;
  };
}

/**
 * Draws every input of a scenario for one run. Each input draws from its own stream keyed by
 * (seed, run, field path), so changing one input's distribution never moves another's draw.
 */
export function drawParameters(s: Scenario, seed: string, run: number): RunParameters {
  const q = (x: Quantity | Uncertain, path: string): number => {
    if (typeof x === 'number') return x;
    if ('value' in x) return x.value;
    return drawDist(x, makeRunRng(`${seed}|${path}`, run));
  };
  const months = (value: number, unit: 'days' | 'weeks' | 'months') =>
    unit === 'days' ? value / DAYS_PER_MONTH : unit === 'weeks' ? value / WEEKS_PER_MONTH : value;
  const sojourn = (d: Duration, path: string): Sojourn => {
    switch (d.family) {
      case 'lognormal':
        return Sojourn.lognormal(months(q(d.mean, `${path}.mean`), d.unit), months(q(d.sd, `${path}.sd`), d.unit));
      case 'gamma':
        return Sojourn.gamma(months(q(d.mean, `${path}.mean`), d.unit), months(q(d.sd, `${path}.sd`), d.unit));
      case 'weibull':
        return Sojourn.weibull(months(q(d.mean, `${path}.mean`), d.unit), q(d.shape, `${path}.shape`));
      case 'empirical':
        return Sojourn.empirical(
          d.binEdges.map((e) => months(e, d.unit)),
          d.weights,
        );
    }
  };
  const shares = (g: { shares: Record<string, number>; concentration?: number }, keys: readonly string[], path: string) => {
    const base = keys.map((k) => g.shares[k]!);
    if (g.concentration === undefined) return Float64Array.from(base);
    const rng = makeRunRng(`${seed}|${path}`, run);
    const draws = base.map((b) => (b > 0 ? gamma(rng, b * g.concentration!, 1) : 0));
    const total = draws.reduce((a, b) => a + b, 0);
    return Float64Array.from(draws.map((d) => d / total));
  };
  // Money in the reporting year's prices (factor 1 when the scenario has no deflator).
  const uprating = upratingFactors(s).factors;
  const money = (x: Quantity, path: string): number => q(x, path) * (uprating.get(path) ?? 1);
  const perMonth = (x: Quantity, path: string): number => {
    const v = money(x, path);
    return x.unit === 'GBP/week' ? v * WEEKS_PER_MONTH : x.unit === 'GBP/year' ? v / 12 : v;
  };

  const sizes = s.demand.childrenPerFamily.sharesBySize;
  const childrenCum = new Float64Array(sizes.length);
  let cum = 0;
  let meanChildren = 0;
  sizes.forEach((share, i) => {
    cum += share;
    childrenCum[i] = cum;
    meanChildren += share * (i + 1);
  });
  childrenCum[sizes.length - 1] = 1;
  const p = s.pathway;
  const f = s.fgc;
  const e = f.effects;
  const c = s.costs;
  return {
    referralsPerMonth: q(s.demand.referralsPerMonth, 'demand.referralsPerMonth'),
    countModel: s.demand.countModel,
    dispersion: s.demand.dispersion ? q(s.demand.dispersion, 'demand.dispersion') : Infinity,
    trendPerYear: q(s.demand.trendPerYear, 'demand.trendPerYear'),
    seasonal: s.demand.seasonality?.multipliers ?? new Array<number>(12).fill(1),
    childrenCum,
    meanChildrenPerFamily: meanChildren,
    initial: {
      cin: s.initialStocks.cin.value,
      cp: s.initialStocks.cp.value,
      preProceedings: s.initialStocks.preProceedings.value,
      cla: s.initialStocks.cla.value,
    },
    durations: {
      assessment: sojourn(p.assessment.duration, 'pathway.assessment.duration'),
      cin: sojourn(p.cin.duration, 'pathway.cin.duration'),
      cp: sojourn(p.cp.duration, 'pathway.cp.duration'),
      preProceedings: sojourn(p.preProceedings.duration, 'pathway.preProceedings.duration'),
      cla: sojourn(p.cla.duration, 'pathway.cla.duration'),
      reReferral: sojourn(p.closed.timeToReReferral, 'pathway.closed.timeToReReferral'),
      toConference: sojourn(f.weeksToConference, 'fgc.weeksToConference'),
    },
    exits: {
      assessment: shares(p.assessment.exits, ['cla', 'cp', 'cin', 'noFurtherAction'], 'pathway.assessment.exits'),
      cin: shares(p.cin.exits, ['cla', 'cp', 'close'], 'pathway.cin.exits'),
      cp: shares(p.cp.exits, ['preProceedings', 'cin', 'close'], 'pathway.cp.exits'),
      preProceedings: shares(p.preProceedings.exits, ['cla', 'cp', 'cin'], 'pathway.preProceedings.exits'),
      cla: shares(p.cla.exits, ['returnHome', 'specialGuardianship', 'adoption', 'leavingCare'], 'pathway.cla.exits'),
    },
    placements: shares(p.cla.placements, PLACEMENTS, 'pathway.cla.placements'),
    reReferralProbability: q(p.closed.reReferralProbability, 'pathway.closed.reReferralProbability'),
    fgc: {
      conferencesPerFtePerYear: q(f.conferencesPerFtePerYear, 'fgc.conferencesPerFtePerYear'),
      maxWaitMonths: q(f.maxWaitWeeks, 'fgc.maxWaitWeeks') / WEEKS_PER_MONTH,
      acceptance: q(f.acceptance, 'fgc.acceptance'),
      conversion: q(f.conversion, 'fgc.conversion'),
      eligible: {
        referral: q(f.offerPoints.referral.eligibleShare, 'fgc.offerPoints.referral.eligibleShare'),
        icpc: q(f.offerPoints.icpc.eligibleShare, 'fgc.offerPoints.icpc.eligibleShare'),
        preProceedings: q(f.offerPoints.preProceedings.eligibleShare, 'fgc.offerPoints.preProceedings.eligibleShare'),
        inCare: q(f.offerPoints.inCare.eligibleShare, 'fgc.offerPoints.inCare.eligibleShare'),
      },
      rrEscalationToCp: q(e.rrEscalationToCp, 'fgc.effects.rrEscalationToCp'),
      rrEntryToCare: q(e.rrEntryToCare, 'fgc.effects.rrEntryToCare'),
      timeInSystemFactor: q(e.timeInSystemFactor, 'fgc.effects.timeInSystemFactor'),
      timeInCareFactor: q(e.timeInCareFactor, 'fgc.effects.timeInCareFactor'),
      kinshipShareOfCareEntries: q(e.kinshipShareOfCareEntries, 'fgc.effects.kinshipShareOfCareEntries'),
      fadeHalfLifeMonths: q(e.fadeHalfLifeMonths, 'fgc.effects.fadeHalfLifeMonths'),
    },
    appraisal: {
      discountRate: s.finance ? q(s.finance.discountRate, 'finance.discountRate') : GREEN_BOOK_DISCOUNT_RATE,
      optimismBias: s.finance ? q(s.finance.optimismBias, 'finance.optimismBias') : 0,
      deadweight: s.finance ? q(s.finance.deadweight, 'finance.deadweight') : 0,
      setUpCostPerAddedFte: s.finance ? money(s.finance.setUpCostPerAddedFte, 'finance.setUpCostPerAddedFte') : 0,
    },
    costs: {
      referral: money(c.process.referral, 'costs.process.referral'),
      assessment: money(c.process.assessment, 'costs.process.assessment'),
      s47: money(c.process.s47, 'costs.process.s47'),
      icpc: money(c.process.icpc, 'costs.process.icpc'),
      reviewConference: money(c.process.reviewConference, 'costs.process.reviewConference'),
      careProceedings: money(c.process.careProceedings, 'costs.process.careProceedings'),
      fgcConference: money(c.process.fgcConference, 'costs.process.fgcConference'),
      cinMonthly: perMonth(c.perChild.cin, 'costs.perChild.cin'),
      cpMonthly: perMonth(c.perChild.cp, 'costs.perChild.cp'),
      preProceedingsMonthly: perMonth(c.perChild.preProceedings, 'costs.perChild.preProceedings'),
      claMonthly: Float64Array.from(PLACEMENTS.map((pl) => perMonth(c.perChild.cla[pl], `costs.perChild.cla.${pl}`))),
      coordinatorAnnual: money(c.fgcService.coordinatorAnnualCost, 'costs.fgcService.coordinatorAnnualCost'),
    },
  };
}
