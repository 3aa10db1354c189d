// One run's parameter draw: every uncertain input of the scenario drawn once, in model units (months, £ per child-month).
import { scenarioInputs, type SharesInput } from '../../scenario/inputs';
import type { Scenario } from '../../scenario/schema';
import { AGE_BANDS, CARE_ROUTES, PLACEMENTS, type AgeBand } from '../../scenario/schema';
import { ENGLAND_CLA_AGE_MIX, ENGLAND_REFERRAL_AGE_MIX } from '../../scenario/age-defaults';
import { moneyInputs } from '../../scenario/prices';
import { DEFAULT_APPRAISAL_YEARS } from '../results/finance';
import type { Sojourn } from './sojourn';
import { EXIT_KEYS, State } from './wasm/layout';
import { placementParameters, type PlacementParameters } from './placement-params';
import { supportParameters, type SupportParameters } from './support-params';
import { InputError, ParameterDraw, pointEffectsOf, WEEKS_PER_MONTH, type DrawnInputs, type PointEffects } from './parameter-draw';

// The draw's pieces, where the simulator and the analyses have always found them.
export { InputError, ParameterDraw, pointEffectsOf, WEEKS_PER_MONTH, type DrawnInputs, type PointEffects };

/** HM Treasury Green Book social time preference rate, years 0–30 (external-references.md). */
const GREEN_BOOK_DISCOUNT_RATE = 0.035;


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
  /** Children in care (src/wasm/care.ts): ages by DfE band, and each route's clock when each child has its own. */
  care: {
    /** Ages at a family's first referral (and in the open states at month 0); in care at month 0: AGE_BANDS order. */
    ageMix: Float64Array;
    claAgeMix: Float64Array;
    /** Each route's clock (home, special guardianship, adoption, other), or undefined: siblings leave together by `durations.cla` and `exits.cla`. */
    routes: Sojourn[] | undefined;
    /** Each route's hazard multiplier by age band at entry: route × AGE_BANDS + band. */
    routeHazard: Float64Array;
  };
  /** Each child's placements in care and the support paid for after it (./placement-params). */
  placement: PlacementParameters;
  /** Care proceedings: the share of families leaving pre-proceedings with proceedings issued, and of care entries by other routes. */
  proceedings: { preProceedings: number; directEntries: number };
  reReferralProbability: number;
  /** The relative change a year in the escalating exits' shares (pathway.escalationTrendPerYear; 0 without one). */
  escalationTrendPerYear: number;
  fgc: {
    conferencesPerFtePerYear: number;
    /** Each scenario arm's own throughput where it gives one ([counterfactual, ...options]; undefined: the one above). */
    conferencesPerFteByArm: (number | undefined)[];
    maxWaitMonths: number;
    acceptance: number;
    conversion: number;
    eligible: { referral: number; icpc: number; preProceedings: number; inCare: number };
    /** Each offer point's effects per conference held, in OFFER_POINTS order: a CIN plan, an ICPC, pre-proceedings, in care. */
    effects: PointEffects[];
    fadeHalfLifeMonths: number;
  };
  /** Appraisal settings (Green Book); `years` is the horizon the summary appraises over (fixed in a valid scenario: drawn here so every input is read in one place). */
  appraisal: { discountRate: number; optimismBias: number; optimismBiasCosts: number; deadweight: number; setUpCostPerAddedFte: number; years: number };
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
    /** £ per child-month by placement, in PLACEMENTS order: the whole cost, marginal and fixed. */
    claMonthly: Float64Array;
    /** The marginal (cashable) part of it: what stops being paid when a placement ends. */
    claCashableMonthly: Float64Array;
    coordinatorAnnual: number;
  };
  /** The caseload service beside the FGC (scenario.services[0]), if the scenario declares one. */
  support: SupportParameters | undefined;
}


/**
 * The care-proceedings shares of a run: every care entry from pre-proceedings has proceedings, so the share of
 * families leaving it with proceedings cannot be below its drawn care share (refused, naming both, if it is).
 */
function proceedingsShares(draw: ParameterDraw, p: ReturnType<typeof scenarioInputs>['tree']['pathway'], careShare: number, run: number): RunParameters['proceedings'] {
  const preProceedings = draw.q(p.preProceedings.proceedingsShare);
  if (preProceedings < careShare) {
    throw new InputError(p.preProceedings.proceedingsShare.path, `run ${run} has ${+preProceedings.toPrecision(4)}, below the ${+careShare.toPrecision(4)} of families leaving pre-proceedings for care (pathway.preProceedings.exits), every one of whom has proceedings: raise it or lower the care share`);
  }
  return { preProceedings, directEntries: draw.q(p.cla.proceedingsShareOfDirectEntries) };
}

/** Ages and route clocks of children in care: the scenario's, or England's age mixes where it gives none. */
function careParameters(draw: ParameterDraw, s: Scenario, tree: ReturnType<typeof scenarioInputs>['tree']): RunParameters['care'] {
  const mix = (input: SharesInput | undefined, england: { shares: Record<AgeBand, number> }) =>
    input ? draw.shares(input, AGE_BANDS) : Float64Array.from(AGE_BANDS, (b) => england.shares[b]);
  const given = s.pathway.cla.routes;
  const routes = tree.pathway.cla.routes;
  const routeHazard = new Float64Array(CARE_ROUTES.length * AGE_BANDS.length);
  if (given) CARE_ROUTES.forEach((r, i) => routeHazard.set(given[r].hazardByAgeAtEntry?.multipliers ?? AGE_BANDS.map(() => 1), i * AGE_BANDS.length));
  return {
    ageMix: mix(tree.demand.ageMix, ENGLAND_REFERRAL_AGE_MIX),
    claAgeMix: mix(tree.initialStocks.claAgeMix, ENGLAND_CLA_AGE_MIX),
    routes: routes ? CARE_ROUTES.map((r) => draw.sojourn(routes[r].clock)) : undefined,
    routeHazard,
  };
}


/** The offer points in the walk's order (point = the state offered on − 1). */
export const OFFER_POINT_KEYS = ['referral', 'icpc', 'preProceedings', 'inCare'] as const;

/**
 * Draws every input of a scenario for one run. Each input draws from its own stream keyed by
 * (seed, run, field path), so changing one input's distribution never moves another's draw; the
 * inputs and their paths are the walk's (src/scenario/inputs.ts). Given `drawn`, records there
 * what each input drew (the analyses re-draw the same values from the same streams).
 */
export function drawParameters(s: Scenario, seed: string, run: number, drawn?: DrawnInputs): RunParameters {
  const { all, tree } = scenarioInputs(s);
  const draw = new ParameterDraw(s, moneyInputs(s, all), seed, run, drawn);
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
  const p = tree.pathway;
  const f = tree.fgc;
  const e = f.effects;
  const c = tree.costs;
  const finance = tree.finance;
  const exits = {
    // In the order the walk reads them (EXITS in src/wasm/layout-table.ts): where each leads is the module's.
    assessment: draw.shares(p.assessment.exits, EXIT_KEYS[State.Assessment]),
    cin: draw.shares(p.cin.exits, EXIT_KEYS[State.Cin]),
    cp: draw.shares(p.cp.exits, EXIT_KEYS[State.Cp]),
    preProceedings: draw.shares(p.preProceedings.exits, EXIT_KEYS[State.PreProceedings]),
    cla: draw.shares(p.cla.exits, EXIT_KEYS[State.Cla]),
  };
  const placements = draw.shares(p.cla.placements, PLACEMENTS);
  const claMonthly = new Float64Array(PLACEMENTS.length);
  const claCashableMonthly = new Float64Array(PLACEMENTS.length);
  for (let i = 0; i < PLACEMENTS.length; i++) {
    const placement = c.perChild.cla[PLACEMENTS[i]!];
    claCashableMonthly[i] = draw.perMonth(placement.marginal);
    claMonthly[i] = claCashableMonthly[i]! + draw.perMonth(placement.fixed);
  }
  return {
    referralsPerMonth: draw.q(tree.demand.referralsPerMonth),
    countModel: s.demand.countModel,
    dispersion: tree.demand.dispersion ? draw.q(tree.demand.dispersion) : Infinity,
    trendPerYear: draw.q(tree.demand.trendPerYear),
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
      assessment: draw.sojourn(p.assessment.duration),
      cin: draw.sojourn(p.cin.duration),
      cp: draw.sojourn(p.cp.duration),
      preProceedings: draw.sojourn(p.preProceedings.duration),
      cla: draw.sojourn(p.cla.duration),
      reReferral: draw.sojourn(p.closed.timeToReReferral),
      toConference: draw.sojourn(f.weeksToConference),
    },
    exits,
    placements,
    care: careParameters(draw, s, tree),
    placement: placementParameters(draw, s, tree, placements),
    proceedings: proceedingsShares(draw, p, exits.preProceedings[0]!, run),
    reReferralProbability: draw.q(p.closed.reReferralProbability),
    escalationTrendPerYear: p.escalationTrendPerYear ? draw.q(p.escalationTrendPerYear) : 0,
    fgc: {
      conferencesPerFtePerYear: draw.q(f.conferencesPerFtePerYear),
      conferencesPerFteByArm: [tree.arms.counterfactual, ...tree.arms.options].map((a) => (a.conferencesPerFtePerYear ? draw.q(a.conferencesPerFtePerYear) : undefined)),
      maxWaitMonths: draw.q(f.maxWaitWeeks) / WEEKS_PER_MONTH,
      acceptance: draw.q(f.acceptance),
      conversion: draw.q(f.conversion),
      eligible: {
        referral: draw.q(f.offerPoints.referral.eligibleShare),
        icpc: draw.q(f.offerPoints.icpc.eligibleShare),
        preProceedings: draw.q(f.offerPoints.preProceedings.eligibleShare),
        inCare: draw.q(f.offerPoints.inCare.eligibleShare),
      },
      effects: OFFER_POINT_KEYS.map((key) => pointEffectsOf(draw, e.byOfferPoint[key], run)),
      fadeHalfLifeMonths: draw.q(e.fadeHalfLifeMonths),
    },
    appraisal: {
      discountRate: finance ? draw.q(finance.discountRate) : GREEN_BOOK_DISCOUNT_RATE,
      optimismBias: finance ? draw.q(finance.optimismBias) : 0,
      optimismBiasCosts: finance?.optimismBiasCosts ? draw.q(finance.optimismBiasCosts) : 0,
      deadweight: finance ? draw.q(finance.deadweight) : 0,
      setUpCostPerAddedFte: finance ? draw.money(finance.setUpCostPerAddedFte) : 0,
      years: finance?.appraisalYears ? draw.q(finance.appraisalYears) : DEFAULT_APPRAISAL_YEARS,
    },
    costs: {
      referral: draw.money(c.process.referral),
      assessment: draw.money(c.process.assessment),
      s47: draw.money(c.process.s47),
      icpc: draw.money(c.process.icpc),
      reviewConference: draw.money(c.process.reviewConference),
      careProceedings: draw.money(c.process.careProceedings),
      fgcConference: draw.money(c.process.fgcConference),
      cinMonthly: draw.perMonth(c.perChild.cin),
      cpMonthly: draw.perMonth(c.perChild.cp),
      preProceedingsMonthly: draw.perMonth(c.perChild.preProceedings),
      claMonthly,
      claCashableMonthly,
      coordinatorAnnual: draw.money(c.fgcService.coordinatorAnnualCost),
    },
    support: supportParameters(draw, s, tree, run),
  };
}
