// The scenario editor's labels: what each input means, in the words of children's social care, for its path.
import { hasOwn } from '../scenario/check';

/** Keys that are abbreviations or terms of art, wherever they appear (a share's name, a placement). */
const WORDS: Record<string, string> = {
  assessment: 'Assessment',
  cin: 'Child in need (CIN)',
  cp: 'Child protection (CP)',
  preProceedings: 'Pre-proceedings',
  cla: 'Care (CLA)',
  close: 'Case closed',
  noFurtherAction: 'No further action',
  returnHome: 'Return home',
  specialGuardianship: 'Special guardianship',
  adoption: 'Adoption',
  leavingCare: 'Leaving care at 18',
  kinship: 'Kinship care',
  inHouseFostering: 'In-house fostering',
  independentFostering: 'Independent fostering',
  residential: 'Residential care',
  other: 'Other placement',
};

/** Offer points by key: where in the pathway a family is offered an FGC. */
const OFFER_POINTS: Record<string, string> = {
  referral: 'a child in need plan starting',
  icpc: 'an initial child protection conference',
  preProceedings: 'pre-proceedings',
  inCare: 'entering care',
};

/** An FGC's effects, by key (each offer point has the same set). */
const EFFECTS: Record<string, string> = {
  rrEscalationToCp: 'Relative risk of escalation to CP',
  rrEntryToCare: 'Relative risk of entering care',
  timeInSystemFactor: 'Time to closing the case (× the usual)',
  timeInCareFactor: 'Time in care (× the usual)',
  kinshipShareOfCareEntries: 'Kinship share of care entries',
  rrCareProceedings: 'Relative risk of care proceedings',
  stepDownShare: 'Of the escalations avoided, the share stepping down to the nearest plan (not further)',
  hrReturnHome: 'Hazard ratio on returning home from care',
  uptake: 'Share of referred families who held one (turns an effect of a referral into one per conference)',
};

/** Support paid for after care (costs.afterCare), in words. */
const AFTER_CARE: Record<string, string> = {
  specialGuardianshipAllowance: 'Special guardianship allowance',
  adoptionAllowance: 'Adoption allowance',
  stayingPut: 'Staying put (care leavers from foster care)',
  personalAdviser: 'Personal adviser (care leavers)',
};

/** Routes out of care (pathway.cla.routes), in words. */
const ROUTES: Record<string, string> = { returnHome: 'returning home', specialGuardianship: 'special guardianship', adoption: 'adoption', other: 'another route' };

/** Whole paths (array indices written []), for inputs whose last key alone says too little. */
const FIELDS: Record<string, string> = {
  startMonth: 'Start month',
  'simulation.runs': 'Monte Carlo runs',
  'simulation.seed': 'Seed',
  'simulation.horizonMonths': 'Horizon (months after month 0)',
  'demand.referralsPerMonth': 'Referrals a month',
  'demand.countModel': 'Monthly count model (poisson or negativeBinomial)',
  'demand.dispersion': 'Dispersion of monthly referrals (negative binomial)',
  'demand.trendPerYear': 'Trend in referrals a year',
  'pathway.escalationTrendPerYear': 'Trend in the shares that escalate, a year',
  'demand.seasonality.multipliers': 'Seasonal multipliers, January to December',
  'demand.childrenPerFamily.sharesBySize': 'Families by number of children (1 to 5)',
  'initialStocks.cin': 'Children in need (CIN plans)',
  'initialStocks.cp': 'Children on child protection plans',
  'initialStocks.preProceedings': 'Children in pre-proceedings',
  'initialStocks.cla': 'Children looked after',
  'pathway.closed.reReferralProbability': 'Chance a closed case is re-referred',
  'pathway.closed.timeToReReferral': 'Time from closure to re-referral',
  'pathway.cla.placements': 'Care placements on entry',
  'demand.ageMix': 'Children’s ages at referral (DfE bands)',
  'initialStocks.claAgeMix': 'Ages of children in care at month 0 (DfE bands)',
  'fgc.conferencesPerFtePerYear': 'Conferences a coordinator FTE holds a year',
  'fgc.maxWaitWeeks': 'Longest a family waits for a coordinator before going on without an FGC',
  'fgc.weeksToConference': 'Time from allocation to the conference',
  'fgc.acceptance': 'Families accepting an FGC offer',
  'fgc.conversion': 'Accepted enquiries converting to a conference',
  'fgc.effects.preset': 'Effect set in force (a preset, or custom)',
  'fgc.effects.fadeHalfLifeMonths': 'Half-life of the FGC’s effect',
  'pathway.preProceedings.proceedingsShare': 'Families leaving pre-proceedings with care proceedings (every care entry among them)',
  'pathway.cla.proceedingsShareOfDirectEntries': 'Care entries by other routes with care proceedings (the rest: section 20)',
  'costs.process.referral': 'Cost of a referral, per child',
  'costs.process.assessment': 'Cost of an assessment, per child',
  'costs.process.s47': 'Cost of a section 47 enquiry, per family',
  'costs.process.icpc': 'Cost of an initial child protection conference, per family',
  'costs.process.reviewConference': 'Cost of the review conference ending a CP plan, per family',
  'costs.process.careProceedings': 'Cost of care proceedings, per family (only where there are proceedings)',
  'costs.process.fgcConference': 'Cost of an FGC (beyond the coordinators), per family',
  'costs.perChild.cin': 'A child in need, per child',
  'costs.perChild.cp': 'A child protection plan, per child',
  'costs.perChild.preProceedings': 'Pre-proceedings, per child',
  'costs.fgcService.coordinatorAnnualCost': 'A coordinator FTE’s annual cost',
  'arms.counterfactual.name': 'Counterfactual arm’s name',
  'arms.counterfactual.coordinatorsFte': 'Counterfactual coordinators (FTE)',
  'arms.options[].name': 'Arm’s name',
  'arms.options[].coordinatorsFte': 'Coordinators (FTE)',
  'arms.options[].conferencesPerFtePerYear': 'This arm’s conferences per coordinator a year',
  'arms.counterfactual.conferencesPerFtePerYear': 'Counterfactual’s conferences per coordinator a year',
  'arms.options[].rampUp[].month': 'From the month (YYYY-MM)',
  'arms.options[].rampUp[].coordinatorsFte': 'Coordinators (FTE) from then',
  'finance.discountRate': 'Discount rate a year (Green Book: 3.5%)',
  'finance.optimismBias': 'Optimism bias on benefits (share removed)',
  'finance.optimismBiasCosts': 'Optimism bias on costs (share added to the service’s cost)',
  'finance.appraisalYears': 'Appraisal horizon (years from the first financial year)',
  'finance.deadweight': 'Deadweight (share of benefits that would happen anyway)',
  'finance.setUpCostPerAddedFte': 'Set-up cost per coordinator FTE added',
  'prices.reportingYear': 'Reporting year (money is shown at its prices)',
  'prices.deflator.name': 'Deflator',
  'prices.deflator.basis': 'Deflator years (calendar or financial)',
  'prices.deflator.base': 'Deflator base year',
};

/** A raw value's field, if it is an object. */
const field = (node: unknown, key: string | number): unknown => (node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined);
const text = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() ? x.trim() : undefined);
/** "a social worker", "an advanced practitioner". */
const withArticle = (noun: string): string => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A caseload service's inputs in a service's own words (services[i].…), by the part after the service's path. */
function serviceInput(rest: string, name: string, grade: (j: number) => string): string | undefined {
  const staff = /^staff\[(\d+)\]\.(grade|fte|casesPerWorker|annualCost)$/.exec(rest);
  if (staff) {
    const j = Number(staff[1]);
    if (staff[2] === 'grade') return `Grade ${j + 1} of the team: its name`;
    if (staff[2] === 'fte') return `${capitalised(grade(j))}: FTE in the team as it was (an arm’s workers follow the team’s mix)`;
    return staff[2] === 'casesPerWorker' ? `Cases ${withArticle(grade(j))} holds at once` : `${capitalised(withArticle(grade(j)))} FTE’s annual cost`;
  }
  const effect = /^effects\.byOfferPoint\.[^.]+\.([^.]+)$/.exec(rest);
  if (effect) return `${EFFECTS[effect[1]!] ?? word(effect[1]!)} after ${name}`;
  const named: Record<string, string> = {
    id: 'Caseload service’s id (how the arms name it)',
    name: 'Caseload service’s name',
    'capacity.model': 'Capacity model (caseload: workers × the cases each holds)',
    'capacity.involvementMonths': 'Mean months of involvement',
    'capacity.maxWaitWeeks': 'Longest wait for a place',
    'offerPoints.referral.eligibleShare': `Share of referrals offered ${name}`,
    acceptance: `Families accepting an offer of ${name}`,
    'effects.fadeHalfLifeMonths': `Half-life of the effect of ${name}`,
    'publishedClaim.monthlySaving': `Saving a month that the evaluation of ${name} claims`,
    'publishedClaim.priceYear': 'The claimed saving’s price year',
    'publishedClaim.basis': 'The claimed saving: gross or net of the service’s cost',
    'publishedClaim.year': 'Financial year of the simulation set beside the claim',
    'publishedClaim.arm': 'Option running the service as evaluated (1 = the first)',
  };
  return hasOwn(named, rest) ? named[rest] : undefined;
}

/** An arm's caseload service's inputs (arms.….services.<id>.…), in the service's name. */
function armServiceInput(rest: string, name: string, counterfactual: boolean): string | undefined {
  const named: Record<string, string> = {
    workersFte: counterfactual ? `${name}: workers (FTE) in the counterfactual` : `${name}: workers (FTE)`,
    eligibleShare: `${name}: share of referrals offered in this arm`,
    'rampUp[].month': `${name}: from the month (YYYY-MM)`,
    'rampUp[].workersFte': `${name}: workers (FTE) from then`,
  };
  const general = rest.replace(/\[\d+\]/g, '[]');
  return hasOwn(named, general) ? named[general] : undefined;
}

/** The label of a caseload service's input (its own, or an arm's of it), named after it, or undefined for any other path. */
function serviceLabel(path: string, scenario: unknown): string | undefined {
  const services = field(scenario, 'services');
  const own = /^services\[(\d+)\]\.(.+)$/.exec(path);
  if (own) {
    const node = field(services, Number(own[1]));
    const name = text(field(node, 'name')) ?? 'the caseload service';
    return serviceInput(own[2]!, name, (j) => text(field(field(field(node, 'staff'), j), 'grade')) ?? `grade ${j + 1} worker`);
  }
  const arm = /^arms\.(counterfactual|options\[\d+\])\.services\.([^.[\]]+)\.(.+)$/.exec(path);
  if (!arm) return undefined;
  const declared = Array.isArray(services) ? services.find((x) => field(x, 'id') === arm[2]) : undefined;
  return armServiceInput(arm[3]!, text(field(declared, 'name')) ?? `Service “${arm[2]}”`, arm[1] === 'counterfactual');
}

/** "reReferralProbability" → "Re referral probability": the fallback for keys no table names. */
function humanise(key: string): string {
  const words = key.replace(/([A-Z])/g, ' $1').toLowerCase().trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A key in words: a term of art from WORDS, else the key humanised. */
export function word(key: string): string {
  return hasOwn(WORDS, key) ? WORDS[key]! : humanise(key);
}

/**
 * The label of the input at `path` (e.g. "fgc.offerPoints.icpc.eligibleShare", "arms.options[1].name"); `scenario`,
 * the raw scenario it is in, names a caseload service's inputs after the service and its grades.
 */
export function fieldLabel(path: string, scenario?: unknown): string {
  const service = serviceLabel(path, scenario);
  if (service) return service;
  // A change of placement's rate: the moves are a list, so each is told apart by its place in it.
  const move = /^pathway\.cla\.placementMoves\.moves\[(\d+)\]\.perChildYear$/.exec(path);
  if (move) return `Changes of placement, move ${Number(move[1]) + 1} in the list: a child-year in care`;
  const general = path.replace(/\[\d+\]/g, '[]');
  const named = FIELDS[general];
  if (named) return named;
  const keys = general.split('.');
  const last = keys.at(-1)!;
  const parent = keys.at(-2) ?? '';
  if (keys[0] === 'fgc' && parent && last === 'eligibleShare') return `Eligible share at ${OFFER_POINTS[parent] ?? word(parent)}`;
  if (keys[1] === 'effects' && keys[2] === 'byOfferPoint' && keys.length === 5) return `${EFFECTS[last] ?? word(last)} after an FGC at ${OFFER_POINTS[parent] ?? word(parent)}`;
  if (keys[0] === 'arms' && parent === 'offerPoints') return `This arm’s eligible share at ${OFFER_POINTS[last] ?? word(last)}`;
  if (keys[0] === 'pathway' && last === 'duration') return `${word(parent)}: time in it`;
  if (keys[0] === 'pathway' && keys[2] === 'routes' && last === 'clock') return `Leaving care by ${ROUTES[parent] ?? word(parent)}: the route's clock`;
  if (keys[0] === 'pathway' && keys[2] === 'routes' && last === 'multipliers') return `Leaving care by ${ROUTES[keys[3]!] ?? word(keys[3]!)}: hazard multiplier by age at entry (under 1, 1–4, 5–9, 10–15, 16+)`;
  if (keys[0] === 'pathway' && last === 'exits') return `${word(parent)}: where families go next`;
  if (keys[0] === 'costs' && parent === 'cla') return `${word(last)}, per child`;
  if (keys[0] === 'costs' && keys.at(-3) === 'cla' && (last === 'marginal' || last === 'fixed')) {
    return `${word(parent)}, per child: ${last === 'marginal' ? 'marginal part (stops with the placement: cashable)' : 'fixed part (staff, overheads: not cashable)'}`;
  }
  if (keys[0] === 'prices' && parent === 'index') return `Deflator, ${last}`;
  if (keys[0] === 'costs' && keys[1] === 'afterCare' && keys.length === 4) return `${AFTER_CARE[parent] ?? word(parent)}: ${last === 'cost' ? 'cost a child' : last === 'share' ? 'share of the children it is paid for' : word(last)}`;
  return word(last);
}

/** A part of an input, in words: a distribution's or a duration's parameter, or what else a quantity carries. */
const PARTS: Record<string, string> = {
  mean: 'mean',
  sd: 'standard deviation',
  min: 'lowest',
  max: 'highest',
  mode: 'most likely',
  alpha: 'beta’s α',
  beta: 'beta’s β',
  shape: 'Weibull shape',
  dist: 'distribution',
  family: 'distribution',
  concentration: 'Dirichlet concentration',
  unit: 'unit',
  priceYear: 'price year',
  grade: 'evidence grade',
  measure: 'measure',
};

/**
 * The label of any path the page names, a part of an input too (the tornado's and the calibration's inputs, the values
 * two scenarios differ in): the input's label as the editor shows it, then the part ("Care (CLA): time in it, mean").
 * `scenario`, the raw scenario, names a caseload service's inputs after the service (as fieldLabel).
 */
export function inputLabel(path: string, scenario?: unknown): string {
  const share = /^(.+)\.shares\.([^.[\]]+)$/.exec(path);
  if (share) return `${fieldLabel(share[1]!, scenario)}: ${word(share[2]!)}`;
  const item = /^(.+)\[(\d+)\]$/.exec(path);
  if (item) return `${inputLabel(item[1]!, scenario)}, item ${Number(item[2]) + 1}`;
  const part = /^(.+)\.([^.[\]]+)$/.exec(path);
  if (part && part[2] === 'value') return inputLabel(part[1]!, scenario);
  // A service's grade is an input of its own (its name), not an evidence grade.
  if (part && PARTS[part[2]!] && !/^services\[\d+\]\.staff\[\d+\]\.grade$/.test(path)) return `${inputLabel(part[1]!, scenario)}, ${PARTS[part[2]!]}`;
  return fieldLabel(path, scenario);
}
