// The verdict in words, built from the numbers the page shows for the comparison in focus: what the option costs a
// year, its expected net saving over the appraisal horizon with P10–P90, the chance it pays for itself, how much of the
// saving is cashable, and the evidence grade of the effect that drives it. Pure: the README quotes it from here.
import { centralValue, peakFte, rangeWords, type CoordinatorAnswer, type RunSummary } from '../engine';
import type { Arm, Scenario } from '../scenario/schema';
import type { EvidenceGrade } from '../scenario/quantity';
import { formatFixed, formatGbp, formatShare } from './format';

const OFFER_POINT_WORDS = { referral: 'a child in need referral', icpc: 'the initial child protection conference', preProceedings: 'pre-proceedings', inCare: 'a child in care' } as const;
type OfferPoint = keyof typeof OFFER_POINT_WORDS;

/** An evidence grade in words, of the intervention it measures ("the FGCs", or a caseload service's name). */
function gradeWords(grade: EvidenceGrade, of = 'the FGCs'): string {
  switch (grade) {
    case 'randomised trial':
      return 'comes from a randomised trial';
    case 'quasi-experimental':
      return 'comes from a quasi-experimental comparison (no randomisation)';
    case 'uncontrolled comparison':
      return `comes from an uncontrolled before-and-after comparison, which cannot separate ${of} from everything else that changed`;
    case 'assumption':
      return 'is an assumption, not a measurement';
  }
}

export interface Verdict {
  /** The sentences, in order. */
  sentences: string[];
  /** The figures they quote, for tests and the README. */
  figures: { addedFte: number; costAYear: number; year: string; npv: { mean: number; p10: number; p90: number }; chancePays: number; cashableAYear: number; grade: EvidenceGrade | undefined; offerPoint: OfferPoint | undefined };
}

/** The offer point whose care effect is strongest among those the arm offers at (the lowest central relative risk). */
function drivingEffect(scenario: Scenario, arm: number): { point: OfferPoint; rr: number; grade: EvidenceGrade | undefined } | undefined {
  const a = arm === 0 ? scenario.arms.counterfactual : scenario.arms.options[arm - 1]!;
  let best: { point: OfferPoint; rr: number; grade: EvidenceGrade | undefined } | undefined;
  for (const point of Object.keys(OFFER_POINT_WORDS) as OfferPoint[]) {
    // The arm's own eligible share (a number) where it sets one, else the scenario's (a quantity).
    const share = a.offerPoints?.[point] ?? centralValue(scenario.fgc.offerPoints[point].eligibleShare);
    if (!(share > 0)) continue;
    const effect = scenario.fgc.effects.byOfferPoint[point].rrEntryToCare;
    const rr = centralValue(effect);
    if (!best || rr < best.rr) best = { point, rr, grade: effect.grade };
  }
  return best;
}

/** An arm's caseload service workers (FTE) at their peak: 0 without the service. */
function peakServiceFte(arm: Arm, id: string): number {
  const service = arm.services?.[id];
  return service ? Math.max(service.workersFte, ...(service.rampUp ?? []).map((step) => step.workersFte)) : 0;
}

/** A relative risk in words: a fixed value; a distribution's mean, with its most likely value where it has one. */
function riskWords(q: Scenario['fgc']['effects']['byOfferPoint']['referral']['rrEntryToCare']): string {
  const mean = formatFixed(centralValue(q), 2);
  if ('value' in q) return mean;
  return 'mode' in q && typeof q.mode === 'number' ? `${mean} on average (most likely ${formatFixed(q.mode, 2)})` : `${mean} on average`;
}

/** What a sweep swept, as its recommendation's subject: the coordinators, or a caseload service's workers. */
export function sweepWords(scenario: Scenario | undefined, answer: Pick<CoordinatorAnswer, 'service'>): string {
  if (answer.service === undefined) return 'The coordinator sweep';
  const name = scenario?.services?.find((x) => x.id === answer.service)?.name ?? answer.service;
  return `The sweep of ${name} workers`;
}

const signed = (x: number) => formatGbp(x);
/** "an 11%", "an 80%", "a 12%": the article as the number is said aloud. */
const article = (share: string) => (/^(8|11%|18%)/.test(share) ? 'an' : 'a');

/** The verdict for option `arm` (1 = the first option) against the counterfactual, from a finished run. */
export function verdict(summary: RunSummary, scenario: Scenario, arm: number, answer?: CoordinatorAnswer): Verdict {
  const f = summary.finance;
  const c = f.comparisons[arm - 1];
  if (!c) throw new Error(`verdict: the run has no option ${arm}`);
  const ref = scenario.arms.counterfactual;
  const option = scenario.arms.options[arm - 1]!;
  const added = Math.round((peakFte(option) - peakFte(ref)) * 100) / 100;
  // A year of the service running: the last whole year simulated (not carried, not year 0 with its one-off set-up),
  // else the last whole year, else the longest year there is (said with its months).
  const years = c.byYear.filter((y) => y.inHorizon && y.carriedMonths === 0);
  const whole = years.filter((y) => y.months === 12);
  const year = whole.filter((y) => y !== c.byYear[0]).at(-1) ?? whole.at(-1) ?? [...years].sort((p, q) => q.months - p.months)[0] ?? c.byYear[0]!;
  const yearWords = year.months === 12 ? year.year : `${year.year}, ${year.months} months`;
  const cost = year.serviceCost.mean;
  const cashable = year.cashableSaving.mean;
  const banded = (st: { mean: number; p10: number; p90: number }) => `${signed(st.mean)} (P10 ${signed(st.p10)} to P90 ${signed(st.p90)})`;
  // A caseload service beside the FGC whose workers the option changes: said beside the coordinators, as its cost is in the cost.
  const service = scenario.services?.[0];
  const [serviceFrom, serviceTo] = service ? [peakServiceFte(ref, service.id), peakServiceFte(option, service.id)] : [0, 0];
  const serviceWords = service && serviceFrom !== serviceTo ? `${service.name} from ${formatFixed(serviceFrom, 0, 2)} to ${formatFixed(serviceTo, 0, 2)} FTE` : '';
  const andService = serviceWords && ` and ${serviceWords}`;
  const what =
    added > 0 ? `Funding ${formatFixed(added, 0, 2)} more coordinators (${formatFixed(peakFte(ref), 0, 2)} to ${formatFixed(peakFte(option), 0, 2)} FTE)${andService}, as in “${option.name}”,`
    : added < 0 ? `Running ${formatFixed(-added, 0, 2)} fewer coordinators (${formatFixed(peakFte(ref), 0, 2)} to ${formatFixed(peakFte(option), 0, 2)} FTE)${andService}, as in “${option.name}”,`
    : `“${option.name}”, with ${serviceWords ? `${serviceWords} and ` : ''}the same coordinators,`;
  // Who adds the cost: the FGC service, the caseload service, or both.
  const addsWords = serviceWords ? (added !== 0 ? 'the two services add' : `${service!.name} adds`) : 'the service adds';
  const sentences: string[] = [];
  sentences.push(
    cost >= 0
      ? `${what} costs ${banded(year.serviceCost)} a year more than “${ref.name}” (${yearWords}, optimism bias included).`
      : `${what} costs ${formatGbp(-cost)} a year less than “${ref.name}” (${yearWords}; P10 ${signed(year.serviceCost.p10)} to P90 ${signed(year.serviceCost.p90)} more).`,
  );
  sentences.push(
    `Over ${f.appraisalYears} years the expected net saving is ${signed(c.npv.mean)} (present value, discounted at ${formatFixed(f.discountRate * 100, 1)}% a year; P10 ${signed(c.npv.p10)} to P90 ${signed(c.npv.p90)}): ${article(formatShare(c.probabilityNpvPositive))} ${formatShare(c.probabilityNpvPositive)} chance that it pays for itself.`,
  );
  const pv = c.presentValue;
  const savings = pv.cashableSaving.mean + pv.nonCashableSaving.mean;
  const cover = cost > 0 ? ` In ${yearWords} the cashable savings, ${banded(year.cashableSaving)}, cover ${formatShare(Math.max(0, cashable) / cost)} of the ${formatGbp(cost)} ${addsWords}.` : '';
  sentences.push(
    savings > 0
      ? `Of the savings over the ${f.appraisalYears} years (${formatGbp(savings)}, present value), ${formatShare(Math.max(0, pv.cashableSaving.mean) / savings)} is cashable (placements’ marginal cost: ${banded(pv.cashableSaving)}); the rest is staff time and placements’ fixed costs, which the budget does not get back.${cover}`
      : savings < 0
        ? `It saves nothing on average over the ${f.appraisalYears} years: beyond its own cost it adds ${formatGbp(-savings)} elsewhere in the pathway (present value; cashable ${banded(pv.cashableSaving)}).${cover}`
        : `It saves nothing on average over the ${f.appraisalYears} years (savings ${formatGbp(savings)}, present value; cashable ${banded(pv.cashableSaving)}).${cover}`,
  );
  // The FGC's strongest care effect when the option changes the FGC; the caseload service's when it changes that.
  const driver = added !== 0 || !serviceWords ? drivingEffect(scenario, arm) : undefined;
  if (service && serviceWords) {
    // The service's own effects on its families: on care and on escalation to a CP plan, each with its grade.
    const { rrEntryToCare: care, rrEscalationToCp: cp } = service.effects.byOfferPoint.referral;
    const graded = (q: typeof care) => (q.grade ? gradeWords(q.grade, service.name) : 'has no evidence grade');
    sentences.push(
      `The effects of ${service.name} it relies on, for the families it takes on: a relative risk of entering care of ${riskWords(care)}, which ${graded(care)}; and of escalation to a child protection plan of ${riskWords(cp)}${cp.grade === care.grade ? '' : `, which ${graded(cp)}`}.`,
    );
  }
  if (driver) {
    sentences.push(
      `The strongest effect on care it relies on, after an FGC offered at ${OFFER_POINT_WORDS[driver.point]} (relative risk of entering care ${formatFixed(driver.rr, 2)}), ${driver.grade ? gradeWords(driver.grade) : 'has no evidence grade'}.`,
    );
  }
  if (answer) sentences.push(`${sweepWords(scenario, answer)} recommends ${rangeWords(answer)} (see “How many coordinators?”).`);
  return {
    sentences,
    figures: { addedFte: added, costAYear: cost, year: year.year, npv: { mean: c.npv.mean, p10: c.npv.p10, p90: c.npv.p90 }, chancePays: c.probabilityNpvPositive, cashableAYear: cashable, grade: driver?.grade, offerPoint: driver?.point },
  };
}
