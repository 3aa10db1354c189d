// One run's parameter draw: every uncertain input of the scenario drawn once, in model units (months, £ per child-month).
import type { Quantity, Uncertain } from '../../scenario/quantity';
import type { Duration, Scenario } from '../../scenario/schema';
import { PLACEMENTS } from '../../scenario/schema';
import { upratingFactors } from '../../scenario/prices';
import { drawDist } from '../random/draw';
import { gamma } from '../random/distributions';
import { makeRunRng } from '../random/rng';
import { DAYS_PER_MONTH, Sojourn } from './sojourn';

/** HM Treasury Green Book social time preference rate, years 0–30 (external-references.md). */
const GREEN_BOOK_DISCOUNT_RATE = 0.035;

/** Weeks in an average month (365.25 / 7 / 12). */
export const WEEKS_PER_MONTH = DAYS_PER_MONTH / 7;

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
 * One run's draws of a scenario's inputs. Methods on a class rather than closures made afresh for
 * each run: a worker draws a run's parameters once a run, so these functions stay long cold, and
 * each run's fresh closures were compiled by V8 again and again (docs/performance.md).
 */
class ParameterDraw {
  private readonly uprating: Map<string, number>;

  constructor(
    s: Scenario,
    private readonly seed: string,
    private readonly run: number,
  ) {
    // Money in the reporting year's prices (factor 1 when the scenario has no deflator).
    this.uprating = upratingFactors(s).factors;
  }

  /** An input's value for this run: its fixed value, or a draw from its own stream. */
  q(x: Quantity | Uncertain, path: string): number {
    if (typeof x === 'number') return x;
    if ('value' in x) return x.value;
    return drawDist(x, makeRunRng(`${this.seed}|${path}`, this.run));
  }

  sojourn(d: Duration, path: string): Sojourn {
    switch (d.family) {
      case 'lognormal':
        return Sojourn.lognormal(inMonths(this.q(d.mean, `${path}.mean`), d.unit), inMonths(this.q(d.sd, `${path}.sd`), d.unit));
      case 'gamma':
        return Sojourn.gamma(inMonths(this.q(d.mean, `${path}.mean`), d.unit), inMonths(this.q(d.sd, `${path}.sd`), d.unit));
      case 'weibull':
        return Sojourn.weibull(inMonths(this.q(d.mean, `${path}.mean`), d.unit), this.q(d.shape, `${path}.shape`));
      case 'empirical': {
        const edges = new Array<number>(d.binEdges.length);
        for (let i = 0; i < edges.length; i++) edges[i] = inMonths(d.binEdges[i]!, d.unit);
        return Sojourn.empirical(edges, d.weights);
      }
    }
  }

  /** Shares in `keys` order: as given, or drawn from a Dirichlet around them when a concentration is set. */
  shares(g: { shares: Record<string, number>; concentration?: number }, keys: readonly string[], path: string): Float64Array {
    const out = new Float64Array(keys.length);
    for (let i = 0; i < keys.length; i++) out[i] = g.shares[keys[i]!]!;
    if (g.concentration === undefined) return out;
    const rng = makeRunRng(`${this.seed}|${path}`, this.run);
    let total = 0;
    for (let i = 0; i < out.length; i++) {
      const b = out[i]!;
      out[i] = b > 0 ? gamma(rng, b * g.concentration, 1) : 0;
      total += out[i]!;
    }
    for (let i = 0; i < out.length; i++) out[i] = out[i]! / total;
    return out;
  }

  money(x: Quantity, path: string): number {
    return this.q(x, path) * (this.uprating.get(path) ?? 1);
  }

  /** £ per month. */
  perMonth(x: Quantity, path: string): number {
    const v = this.money(x, path);
    return x.unit === 'GBP/week' ? v * WEEKS_PER_MONTH : x.unit === 'GBP/year' ? v / 12 : v;
  }
}

function inMonths(value: number, unit: 'days' | 'weeks' | 'months'): number {
  return unit === 'days' ? value / DAYS_PER_MONTH : unit === 'weeks' ? value / WEEKS_PER_MONTH : value;
}

/**
 * Draws every input of a scenario for one run. Each input draws from its own stream keyed by
 * (seed, run, field path), so changing one input's distribution never moves another's draw.
 */
export function drawParameters(s: Scenario, seed: string, run: number): RunParameters {
  const draw = new ParameterDraw(s, seed, run);
  const sizes = s.demand.childrenPerFamily.sharesBySize;
  const childrenCum = new Float64Array(sizes.length);
  let cum = 0;
  let meanChildren = 0;
  for (let i = 0; i < sizes.length; i++) {
    const share = sizes[i]!;
    cum += share;
    childrenCum[i] = cum;
    meanChildren += share * (i + 1);
  }
  childrenCum[sizes.length - 1] = 1;
  const p = s.pathway;
  const f = s.fgc;
  const e = f.effects;
  const c = s.costs;
  const claMonthly = new Float64Array(PLACEMENTS.length);
  for (let i = 0; i < PLACEMENTS.length; i++) claMonthly[i] = draw.perMonth(c.perChild.cla[PLACEMENTS[i]!], `costs.perChild.cla.${PLACEMENTS[i]!}`);
  return {
    referralsPerMonth: draw.q(s.demand.referralsPerMonth, 'demand.referralsPerMonth'),
    countModel: s.demand.countModel,
    dispersion: s.demand.dispersion ? draw.q(s.demand.dispersion, 'demand.dispersion') : Infinity,
    trendPerYear: draw.q(s.demand.trendPerYear, 'demand.trendPerYear'),
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
      assessment: draw.sojourn(p.assessment.duration, 'pathway.assessment.duration'),
      cin: draw.sojourn(p.cin.duration, 'pathway.cin.duration'),
      cp: draw.sojourn(p.cp.duration, 'pathway.cp.duration'),
      preProceedings: draw.sojourn(p.preProceedings.duration, 'pathway.preProceedings.duration'),
      cla: draw.sojourn(p.cla.duration, 'pathway.cla.duration'),
      reReferral: draw.sojourn(p.closed.timeToReReferral, 'pathway.closed.timeToReReferral'),
      toConference: draw.sojourn(f.weeksToConference, 'fgc.weeksToConference'),
    },
    exits: {
      assessment: draw.shares(p.assessment.exits, ['cla', 'cp', 'cin', 'noFurtherAction'], 'pathway.assessment.exits'),
      cin: draw.shares(p.cin.exits, ['cla', 'cp', 'close'], 'pathway.cin.exits'),
      cp: draw.shares(p.cp.exits, ['preProceedings', 'cin', 'close'], 'pathway.cp.exits'),
      preProceedings: draw.shares(p.preProceedings.exits, ['cla', 'cp', 'cin'], 'pathway.preProceedings.exits'),
      cla: draw.shares(p.cla.exits, ['returnHome', 'specialGuardianship', 'adoption', 'leavingCare'], 'pathway.cla.exits'),
    },
    placements: draw.shares(p.cla.placements, PLACEMENTS, 'pathway.cla.placements'),
    reReferralProbability: draw.q(p.closed.reReferralProbability, 'pathway.closed.reReferralProbability'),
    fgc: {
      conferencesPerFtePerYear: draw.q(f.conferencesPerFtePerYear, 'fgc.conferencesPerFtePerYear'),
      maxWaitMonths: draw.q(f.maxWaitWeeks, 'fgc.maxWaitWeeks') / WEEKS_PER_MONTH,
      acceptance: draw.q(f.acceptance, 'fgc.acceptance'),
      conversion: draw.q(f.conversion, 'fgc.conversion'),
      eligible: {
        referral: draw.q(f.offerPoints.referral.eligibleShare, 'fgc.offerPoints.referral.eligibleShare'),
        icpc: draw.q(f.offerPoints.icpc.eligibleShare, 'fgc.offerPoints.icpc.eligibleShare'),
        preProceedings: draw.q(f.offerPoints.preProceedings.eligibleShare, 'fgc.offerPoints.preProceedings.eligibleShare'),
        inCare: draw.q(f.offerPoints.inCare.eligibleShare, 'fgc.offerPoints.inCare.eligibleShare'),
      },
      rrEscalationToCp: draw.q(e.rrEscalationToCp, 'fgc.effects.rrEscalationToCp'),
      rrEntryToCare: draw.q(e.rrEntryToCare, 'fgc.effects.rrEntryToCare'),
      timeInSystemFactor: draw.q(e.timeInSystemFactor, 'fgc.effects.timeInSystemFactor'),
      timeInCareFactor: draw.q(e.timeInCareFactor, 'fgc.effects.timeInCareFactor'),
      kinshipShareOfCareEntries: draw.q(e.kinshipShareOfCareEntries, 'fgc.effects.kinshipShareOfCareEntries'),
      fadeHalfLifeMonths: draw.q(e.fadeHalfLifeMonths, 'fgc.effects.fadeHalfLifeMonths'),
    },
    appraisal: {
      discountRate: s.finance ? draw.q(s.finance.discountRate, 'finance.discountRate') : GREEN_BOOK_DISCOUNT_RATE,
      optimismBias: s.finance ? draw.q(s.finance.optimismBias, 'finance.optimismBias') : 0,
      deadweight: s.finance ? draw.q(s.finance.deadweight, 'finance.deadweight') : 0,
      setUpCostPerAddedFte: s.finance ? draw.money(s.finance.setUpCostPerAddedFte, 'finance.setUpCostPerAddedFte') : 0,
    },
    costs: {
      referral: draw.money(c.process.referral, 'costs.process.referral'),
      assessment: draw.money(c.process.assessment, 'costs.process.assessment'),
      s47: draw.money(c.process.s47, 'costs.process.s47'),
      icpc: draw.money(c.process.icpc, 'costs.process.icpc'),
      reviewConference: draw.money(c.process.reviewConference, 'costs.process.reviewConference'),
      careProceedings: draw.money(c.process.careProceedings, 'costs.process.careProceedings'),
      fgcConference: draw.money(c.process.fgcConference, 'costs.process.fgcConference'),
      cinMonthly: draw.perMonth(c.perChild.cin, 'costs.perChild.cin'),
      cpMonthly: draw.perMonth(c.perChild.cp, 'costs.perChild.cp'),
      preProceedingsMonthly: draw.perMonth(c.perChild.preProceedings, 'costs.perChild.preProceedings'),
      claMonthly,
      coordinatorAnnual: draw.money(c.fgcService.coordinatorAnnualCost, 'costs.fgcService.coordinatorAnnualCost'),
    },
  };
}
