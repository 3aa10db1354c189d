// The scenario schema (version 1): every model input, its unit and its source; the Scenario type is inferred from it.
import { arr, describe, fail, join, literal, num, obj, optional, record, refine, str, type Check, type NumRule, type Out } from './check';
import { MIN_GAMMA_SHAPE, NON_NEGATIVE, POSITIVE, PROBABILITY, quantity, type InputDescription, type Quantity } from './quantity';

const SCHEMA_VERSION = 1;

// The size bounds (src/scenario/limits.ts), here for the schema's users as before.
export { LIMITS } from './limits';
import { LIMITS } from './limits';
import { MONTH, observed } from './observed-schema';
import { duration, sumProblem } from './duration-schema';
export type { Duration } from './duration-schema';

/** A month, "YYYY-MM". */

/** Bounds of the model's inputs with why (src/scenario/inputs.ts gives each input its bounds). */
const COST: NumRule = { ...NON_NEGATIVE, ...LIMITS.cost, reason: 'a cost cannot be negative' };
const CONCENTRATION: NumRule = { ...POSITIVE, reason: 'a Dirichlet concentration is above 0 (larger = less uncertain)' };
const CHILDREN: NumRule = { min: 0, integer: true, ...LIMITS.children, reason: 'a number of children is a whole number, not negative' };
const FTE: NumRule = { ...NON_NEGATIVE, ...LIMITS.fte, reason: 'a number of coordinator FTEs cannot be negative' };
const RELATIVE_RISK: NumRule = { ...NON_NEGATIVE, reason: 'a relative risk cannot be negative (0: never after an FGC)' };
const TIME_FACTOR: NumRule = { ...POSITIVE, reason: 'a factor on time in a state is above 0' };
const POSITIVE_RATIO: NumRule = { ...POSITIVE, reason: 'a hazard ratio is above 0' };

/** Whether a quantity is fixed at 1 (no effect). */
function isOne(q: Quantity): boolean {
  return 'value' in q && q.value === 1;
}


/**
 * Branch shares that must sum to 1 (never silently rescaled). With `concentration`, each run
 * draws the shares from a Dirichlet centred on them (larger = less uncertain).
 */
function shares<K extends string>(keys: readonly K[]) {
  const shape = Object.fromEntries(keys.map((k) => [k, num(PROBABILITY)])) as Record<K, Check<number>>;
  const group = obj({
    shares: refine(obj(shape), (s) => sumProblem(Object.values(s) as number[])),
    concentration: optional(num(CONCENTRATION)),
    source: str(),
    note: optional(str()),
  });
  // Each run draws branch i from a gamma of shape concentration × share: below MIN_GAMMA_SHAPE it underflows to 0 (every branch 0: 0/0).
  const check: typeof group = (x, path, errors) => {
    const g = group(x, path, errors);
    if (g?.concentration === undefined) return g;
    const smallest = Math.min(...(Object.values(g.shares) as number[]).filter((v) => v > 0));
    if (g.concentration * smallest < MIN_GAMMA_SHAPE) {
      return fail(errors, join(path, 'concentration'), `must be ≥ ${+(MIN_GAMMA_SHAPE / smallest).toPrecision(3)} here (concentration × the smallest share, ${smallest}, must be ≥ ${MIN_GAMMA_SHAPE}, or a run's draw underflows to 0/0), got ${g.concentration}`);
    }
    return g;
  };
  return describe(check, { kind: 'shares', keys, share: PROBABILITY, concentration: CONCENTRATION } satisfies InputDescription);
}


import { afterCare, AGE_BANDS, PLACEMENTS, placementByAge, placementMoves, type Placement } from './placement-schema';
export { AGE_BANDS, PLACEMENTS, type AgeBand, type Placement } from './placement-schema';
/** Shares of children by age band. */
const ageMix = shares(AGE_BANDS);

/** Routes out of care with their own clocks (the 18th birthday is not one: it comes on the day). */
export const CARE_ROUTES = ['returnHome', 'specialGuardianship', 'adoption', 'other'] as const;
export type CareRoute = (typeof CARE_ROUTES)[number];
/**
 * A route's clock: the time from entering care to leaving by this route were no other route and no birthday to come
 * first (its latent time), and its hazard's multiplier by age band at entry (0: not a route at that age; absent: 1).
 */
const careRoute = obj({
  clock: duration,
  hazardByAgeAtEntry: optional(
    obj({
      multipliers: arr(num({ min: 0, max: 1000, reason: 'a multiplier on a route\'s hazard is 0 (not a route at that age) or more' }), { length: AGE_BANDS.length, why: 'one a DfE age band: under 1, 1–4, 5–9, 10–15, 16 and over' }),
      source: str(),
      note: optional(str()),
    }),
  ),
});

const count = describe(obj({ value: num(CHILDREN), unit: literal('children'), source: str(), note: optional(str()) }), { kind: 'count', rule: CHILDREN } satisfies InputDescription);
const prob = quantity(PROBABILITY, ['probability', 'share']);
/** A process's cost per child (a referral, an assessment) or per family (an enquiry, a conference, a care application: a sibling group's). */
const perChildMoney = quantity(COST, ['GBP/child'], { money: true });
const perFamilyMoney = quantity(COST, ['GBP/family'], { money: true });
const monthlyMoney = quantity(COST, ['GBP/week', 'GBP/month', 'GBP/year'], { money: true });
const placementCost = obj({ marginal: monthlyMoney, fixed: monthlyMoney, note: optional(str()) });


const offerPoint = obj({ eligibleShare: prob });
const armOffer = obj({
  referral: optional(num(PROBABILITY)),
  icpc: optional(num(PROBABILITY)),
  preProceedings: optional(num(PROBABILITY)),
  inCare: optional(num(PROBABILITY)),
});
/** Conferences a coordinator holds a year (the service's throughput). */
const CONFERENCES_PER_FTE = quantity({ ...POSITIVE, ...LIMITS.conferencesPerFte, reason: 'a coordinator holds more than 0 conferences a year' }, ['conferences/FTE/year']);

/**
 * The effects of an FGC held at one offer point, each with its evidence grade; an effect on a risk says whether it
 * is of a referral (intention to treat, as a trial measures it: the run makes it per conference held by dividing the
 * risk reduction by `uptake`, Bloom's estimator) or per conference held.
 */
const pointEffects = refine(
  obj({
    rrEscalationToCp: quantity(RELATIVE_RISK, ['relative risk'], { graded: true, measured: true }),
    rrEntryToCare: quantity(RELATIVE_RISK, ['relative risk'], { graded: true, measured: true }),
    timeInSystemFactor: quantity(TIME_FACTOR, ['ratio'], { graded: true }),
    timeInCareFactor: quantity(TIME_FACTOR, ['ratio'], { graded: true }),
    kinshipShareOfCareEntries: quantity(PROBABILITY, ['share'], { graded: true }),
    /** The relative risk of care proceedings, on any route (absent: no effect). */
    rrCareProceedings: optional(quantity(RELATIVE_RISK, ['relative risk'], { graded: true, measured: true })),
    /** Of the escalations an FGC avoids, the share that step down to the nearest plan (pre-proceedings → CP, assessment → CIN) rather than further (absent: in proportion to the step-down exits' own shares). */
    stepDownShare: optional(quantity(PROBABILITY, ['share'], { graded: true })),
    /** The hazard ratio on returning home from care, from the conference on (absent: no effect). */
    hrReturnHome: optional(quantity(POSITIVE_RATIO, ['hazard ratio'], { graded: true })),
    /** The share of families referred for an FGC who went on to hold one, where an effect here is by intention to treat. */
    uptake: optional(quantity({ ...PROBABILITY, min: 0, exclusiveMin: true }, ['share'], { graded: true })),
  }),
  (e) => {
    const itt = [e.rrEscalationToCp, e.rrEntryToCare, e.rrCareProceedings].some((q) => q?.measure === 'intention to treat');
    if (e.hrReturnHome && !isOne(e.hrReturnHome) && !isOne(e.timeInCareFactor)) {
      return 'timeInCareFactor and hrReturnHome both change the time in care: set one of them, the other to a value of 1, so the effect is not counted twice';
    }
    if (itt && !e.uptake) return 'an effect by intention to treat needs the uptake (the share of referred families who held a conference) to make it per conference held';
    if (!itt && e.uptake) return 'uptake is for effects by intention to treat only';
    return undefined;
  },
);

/** A caseload service's id: how arms name it. */
const SERVICE_ID = { pattern: /^[a-z][a-zA-Z0-9-]{0,39}$/, rule: 'a service id: a lower-case letter, then letters, digits or "-" (up to 40)' };

/**
 * A capacity-limited service beside the FGC whose capacity is a caseload (a team like Leeds's Restorative Early
 * Support): offered at referral (before the assessment) to a share of referrals, it takes a family on while its
 * cases open are fewer than its workers × cases per worker, for an involvement of its own length; its effects act on
 * the family's path from the day it is taken on, as an FGC's do from its conference.
 */
const caseloadService = obj({
  id: str(SERVICE_ID),
  name: str(),
  capacity: obj({
    model: literal('caseload'),
    /** Mean months a family is worked with (each family's own from half to one and a half times it). */
    involvementMonths: quantity({ ...POSITIVE, max: 120, reason: 'an involvement lasts more than 0 and at most 10 years' }, ['months']),
    /** The longest a family referred waits for a place while its assessment lasts (0: no waiting list, a full team turns it away). */
    maxWaitWeeks: quantity({ ...NON_NEGATIVE, ...LIMITS.maxWaitWeeks, reason: 'a wait cannot be negative' }, ['weeks']),
  }),
  /** The team as it was, by grade: each grade's FTE (the mix an arm's workers follow), cases each worker holds at once, and cost. */
  staff: refine(
    arr(
    obj({
      grade: str(),
      fte: num({ ...FTE, min: 0, exclusiveMin: true, reason: 'a grade in the team has more than 0 FTE' }),
      casesPerWorker: quantity({ ...NON_NEGATIVE, max: 100, reason: 'a worker holds from 0 (a manager) to 100 families at once' }, ['families/FTE']),
      annualCost: quantity(COST, ['GBP/year'], { money: true }),
      source: str(),
      note: optional(str()),
    }),
    { minLength: 1, maxLength: 10, why: 'a team of one to ten grades' },
  ),
    (staff) => (staff.every((g) => 'value' in g.casesPerWorker && g.casesPerWorker.value === 0) ? 'no grade holds cases (every casesPerWorker is 0): the team would have no room' : undefined),
  ),
  /** Where it is offered: referrals, the share of all the council's referrals it is offered to and would be right for (the covered areas'). */
  offerPoints: obj({ referral: offerPoint }),
  /** Probability a family offered the service takes it up. */
  acceptance: prob,
  effects: obj({
    fadeHalfLifeMonths: quantity({ ...POSITIVE, reason: 'a half-life is above 0' }, ['months'], { graded: true }),
    byOfferPoint: obj({ referral: pointEffects }),
  }),
  /**
   * What the service's own evaluation claims it saves a month (gross or net, as it says), for the app to set beside
   * what the simulation gives in the financial year named (the option `arm` against the counterfactual).
   */
  publishedClaim: optional(
    obj({
      monthlySaving: num({ min: -LIMITS.cost.limit, max: LIMITS.cost.limit, reason: 'a saving a month within ±£100m' }),
      priceYear: str({ pattern: /^\d{4}(\/\d{2})?$/, rule: 'a financial year "YYYY/YY" or a calendar year "YYYY"' }),
      /** Whether the claim counts the service's own cost (net) or not (gross). */
      basis: literal('gross', 'net'),
      /** The financial year of the simulation to set it beside ("2019/20"), and the option (1 = the first) that runs the service as evaluated. */
      year: str({ pattern: /^\d{4}\/\d{2}$/, rule: 'a financial year "YYYY/YY"' }),
      /** How the claim costs what it counts, £ (its own price year): a care entry avoided (a whole episode) and a CP plan started (a year of it). */
      costing: optional(obj({ careEntryAvoided: num({ min: 0, max: LIMITS.cost.limit }), cpPlanStarted: num({ min: 0, max: LIMITS.cost.limit }), source: str() })),
      arm: num({ min: 1, max: LIMITS.arms, integer: true, reason: 'an option of the scenario, 1 for the first' }),
      source: str(),
      note: optional(str()),
    }),
  ),
  source: optional(str()),
  note: optional(str()),
});

/** An arm's caseload service: its workers (FTE, in the staff's mix), changing by month if it ramps, and its own share of referrals offered. */
const armService = obj({
  workersFte: num(FTE),
  /** The share of referrals offered the service in this arm (a team doubled to cover twice the areas), overriding the service's. */
  eligibleShare: optional(num(PROBABILITY)),
  rampUp: optional(
    arr(obj({ month: str({ pattern: MONTH, rule: 'a month as "YYYY-MM"' }), workersFte: num(FTE), source: str(), note: optional(str()) }), {
      minLength: 1,
      maxLength: LIMITS.observedMonths,
      why: 'a step a month for 100 years',
    }),
  ),
  source: optional(str()),
  note: optional(str()),
});

const arm = obj({
  name: str(),
  /** Each caseload service's capacity in this arm, by the service's id (absent: none of it). */
  services: optional(record(armService, SERVICE_ID)),
  coordinatorsFte: num(FTE),
  /** Where the arm's coordinators come from, and how its figures reconcile with other sources. */
  source: optional(str()),
  note: optional(str()),
  /** Eligible share at each offer point for this arm, overriding fgc.offerPoints. */
  offerPoints: optional(armOffer),
  /** This arm's own throughput, overriding fgc.conferencesPerFtePerYear (a team of 6 need not hold what a team of 2 does). */
  conferencesPerFtePerYear: optional(CONFERENCES_PER_FTE),
  /**
   * The arm's coordinators changing by month (a team recruited over months): from each step's month on, its FTE;
   * before the first, coordinatorsFte. Months after the scenario's startMonth, in order (checked in parse.ts).
   */
  rampUp: optional(
    arr(obj({ month: str({ pattern: MONTH, rule: 'a month as "YYYY-MM"' }), coordinatorsFte: num(FTE), source: str(), note: optional(str()) }), {
      minLength: 1,
      maxLength: LIMITS.observedMonths,
      why: 'a step a month for 100 years',
    }),
  ),
});


export const scenarioSchema = obj({
  schemaVersion: literal(SCHEMA_VERSION),
  name: str(),
  description: optional(str()),
  /** Month 0, the month-end whose stocks the scenario gives (YYYY-MM). */
  startMonth: str({ pattern: MONTH, rule: 'a month as "YYYY-MM"' }),
  simulation: obj({
    runs: num({ min: 1, max: 100_000, integer: true }),
    seed: str(),
    horizonMonths: num({ min: 1, max: 600, integer: true }),
  }),
  demand: obj({
    referralsPerMonth: quantity({ ...NON_NEGATIVE, ...LIMITS.referralsPerMonth, reason: 'a number of referrals a month cannot be negative' }, ['children/month']),
    countModel: literal('poisson', 'negativeBinomial'),
    dispersion: optional(quantity({ min: MIN_GAMMA_SHAPE, reason: `a negative-binomial dispersion k is at least ${MIN_GAMMA_SHAPE} (variance = mean + mean²/k; a month's rate is a gamma draw of shape k, which below that is almost always 0)` }, ['families'])),
    trendPerYear: quantity({ min: -1, ...LIMITS.trendPerYear, reason: 'a fall of more than 100% a year would make referrals negative' }, ['fraction/year']),
    seasonality: optional(
      obj({
        multipliers: refine(arr(num(POSITIVE), { length: 12 }), (m) => {
          const mean = m.reduce((a, b) => a + b, 0) / 12;
          return Math.abs(mean - 1) > 0.01 ? `multipliers (January to December) must average 1, got ${mean.toFixed(4)}` : undefined;
        }),
        source: str(),
        note: optional(str()),
      }),
    ),
    childrenPerFamily: obj({
      sharesBySize: refine(arr(num(PROBABILITY), { minLength: 1, maxLength: LIMITS.familySizes, why: 'one share a family size, 1 to 30 children' }), sumProblem),
      source: str(),
      note: optional(str()),
    }),
    /** Children's ages at their family's first referral (and in the open states at month 0), by DfE age band; absent, England's (src/scenario/age-defaults.ts). */
    ageMix: optional(ageMix),
  }),
  initialStocks: obj({
    cin: count,
    cp: count,
    preProceedings: count,
    cla: count,
    /** Children in care at month 0 by DfE age band; absent, England's (src/scenario/age-defaults.ts). */
    claAgeMix: optional(ageMix),
  }),
  pathway: obj({
    assessment: obj({ duration, exits: shares(['cla', 'cp', 'cin', 'noFurtherAction'] as const) }),
    cin: obj({ duration, exits: shares(['cla', 'cp', 'close'] as const) }),
    cp: obj({ duration, exits: shares(['preProceedings', 'cin', 'close'] as const) }),
    preProceedings: obj({
      duration,
      exits: shares(['cla', 'cp', 'cin'] as const),
      /** Of families leaving pre-proceedings, the share with care proceedings issued (every care entry among them). */
      proceedingsShare: prob,
    }),
    cla: obj({
      duration,
      /** Of care entries by other routes (from an assessment or a CIN plan), the share that lead to care proceedings (at entry or later, booked at entry). */
      proceedingsShareOfDirectEntries: prob,
      exits: shares(['returnHome', 'specialGuardianship', 'adoption', 'leavingCare'] as const),
      placements: shares(PLACEMENTS),
      /**
       * Each child in care on its own clocks: each route's latent time, the first of them or the 18th birthday ending
       * its care (README, "Care per child"). Absent, siblings leave together by `duration` and `exits` (leaving care at
       * 18 a share, as before).
       */
      routes: optional(obj({ returnHome: careRoute, specialGuardianship: careRoute, adoption: careRoute, other: careRoute, note: optional(str()) })),
      /** Placement at entry by the child's age band, for children on their own clocks (absent: pathway.cla.placements for every age). */
      placementByAge: optional(placementByAge),
      /** Moves between placement types in care, for children on their own clocks (absent: none). */
      placementMoves: optional(placementMoves),
    }),
    closed: obj({ reReferralProbability: prob, timeToReReferral: duration }),
    /**
     * The relative change a year in the share of each exit that escalates (from an assessment to a CIN plan, a CP plan
     * or care; from a CIN plan to CP or care; from CP to pre-proceedings; from pre-proceedings to care), from month 0;
     * the share it takes or gives goes to the state's other exits in proportion. A stock falling while referrals do
     * not is fitted here, not absorbed by the referral volume.
     */
    escalationTrendPerYear: optional(quantity({ min: -0.9, max: 0.9, reason: 'a change of 90% a year in the shares that escalate; none comes near' }, ['fraction/year'])),
  }),
  fgc: obj({
    conferencesPerFtePerYear: CONFERENCES_PER_FTE,
    maxWaitWeeks: quantity({ ...NON_NEGATIVE, ...LIMITS.maxWaitWeeks, reason: 'a wait cannot be negative' }, ['weeks']),
    weeksToConference: duration,
    acceptance: prob,
    conversion: prob,
    offerPoints: obj({ referral: offerPoint, icpc: offerPoint, preProceedings: offerPoint, inCare: offerPoint }),
    effects: obj({
      /** The named set of effects these values came from (src/scenario/effect-presets.ts), or "custom". */
      preset: optional(str()),
      fadeHalfLifeMonths: quantity({ ...POSITIVE, reason: 'a half-life is above 0' }, ['months'], { graded: true }),
      /** Each offer point's own effects: an effect belongs where it was measured. */
      byOfferPoint: obj({ referral: pointEffects, icpc: pointEffects, preProceedings: pointEffects, inCare: pointEffects }),
    }),
  }),
  /** Capacity-limited services beside the FGC (fgc), each with a caseload: at most one in this version. */
  services: optional(arr(caseloadService, { maxLength: 1, why: 'this version runs the FGC service (fgc) and at most one caseload service beside it' })),
  costs: obj({
    process: obj({
      referral: perChildMoney,
      assessment: perChildMoney,
      s47: perFamilyMoney,
      icpc: perFamilyMoney,
      reviewConference: perFamilyMoney,
      careProceedings: perFamilyMoney,
      fgcConference: perFamilyMoney,
    }),
    perChild: obj({
      cin: monthlyMoney,
      cp: monthlyMoney,
      preProceedings: monthlyMoney,
      /**
       * A placement's cost per child, in two parts: the marginal part the council stops paying when the placement
       * ends (allowances, an agency's or a provider's fee: cashable) and the fixed part it goes on paying in the
       * short run (its own staff and overheads: not cashable). Each with its own source and price year.
       */
      cla: obj(Object.fromEntries(PLACEMENTS.map((p) => [p, placementCost])) as Record<Placement, typeof placementCost>),
    }),
    fgcService: obj({ coordinatorAnnualCost: quantity(COST, ['GBP/year'], { money: true }) }),
    /** Support paid for after care (allowances, staying put, a personal adviser), in every arm alike (absent: none counted). */
    afterCare: optional(afterCare),
  }),
  arms: obj({ counterfactual: arm, options: arr(arm, { maxLength: LIMITS.arms, why: 'options compared beside the counterfactual' }) }),
  /** Green Book appraisal settings; absent, the HM Treasury defaults apply (3.5%, no adjustments). */
  finance: optional(
    obj({
      discountRate: quantity({ min: 0, max: 1, reason: 'a discount rate a year lies between 0 and 100%' }, ['fraction/year']),
      /** Share of benefits removed for optimism bias. */
      optimismBias: prob,
      /** Share added to the FGC service's extra cost (set-up included) for optimism bias (Green Book: costs as well as benefits). */
      optimismBiasCosts: optional(quantity({ min: 0, max: 10, reason: 'an uplift on costs from 0 (none) to 10 (×11)' }, ['share'])),
      deadweight: prob,
      setUpCostPerAddedFte: quantity(COST, ['GBP/FTE'], { money: true }),
      /** Years appraised from the first financial year (default 10): past the simulation, the last full year's amounts are carried. */
      appraisalYears: optional(
        refine(quantity({ min: 1, max: 30, integer: true, reason: 'an appraisal runs for 1 to 30 whole years (the Green Book\'s 3.5% a year holds for years 0 to 30; after that it falls)' }, ['years']), (q) =>
          'value' in q ? undefined : 'must be a fixed number of years ({ "value": 10, ... }), not a distribution',
        ),
      ),
    }),
  ),
  /** Price years: money inputs are uprated from their own price year to `reportingYear` with the deflator. */
  prices: optional(
    obj({
      reportingYear: str({ pattern: /^\d{4}(\/\d{2})?$/, rule: 'a financial year "YYYY/YY" or a calendar year "YYYY"' }),
      deflator: obj({
        name: str(),
        basis: literal('calendar', 'financial'),
        base: str(),
        source: str(),
        note: optional(str()),
        // An index on a base of about 100 (HM Treasury's GDP deflator: 2024/25 = 100, about 20 in 1970): 1e-300 would uprate a cost to Infinity.
        index: record(num({ min: 1, max: 10_000, reason: 'a price index on a base of about 100 lies from 1 to 10,000' }), { pattern: /^\d{4}(\/\d{2})?$/, rule: 'a year "YYYY" or "YYYY/YY"' }),
      }),
    }),
  ),
  observed: optional(observed),
});

/** A validated scenario: the engine trusts this type and never re-validates. */
export type Scenario = Out<typeof scenarioSchema>;
export type Arm = Scenario['arms']['counterfactual'];
export type CaseloadService = NonNullable<Scenario['services']>[number];
export type ArmService = NonNullable<Arm['services']>[string];
