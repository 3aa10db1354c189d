// The analytic fit of a council's pathway to its published flows (Little's law and flow balance; no simulation):
// what share of assessments, CIN plans and pre-proceedings go where, and how long CP plans and care last, so that the
// counterfactual's flows come near the council's mean flows over the fitting years. Pure and fast (well under 1 ms).
import { englandValue, meanSd, span, type Published } from './published';

/** The shares of the template's CIN, CP and pre-proceedings exits, and its CIN and pre-proceedings stays (kept). */
export interface FlowTemplate {
  cinExits: { cla: number; cp: number; close: number };
  cpExits: { preProceedings: number; cin: number; close: number };
  preProceedingsExits: { cla: number; cp: number; cin: number };
  /** Mean CIN plan, months; mean pre-proceedings, months. */
  cinMonths: number;
  preProceedingsMonths: number;
}

/** One published series over the fitting years: its values, mean and year-to-year spread. */
export interface FittedSeries {
  key: string;
  label: string;
  years: { year: number; value: number }[];
  mean: number;
  sd: number;
}

export interface FlowFit {
  years: number[];
  /** The re-referral share of referrals. */
  reReferralShare: number;
  assessmentExits: { cla: number; cp: number; cin: number; noFurtherAction: number };
  /** Dirichlet concentration: the shares' run-to-run spread matched to the year-to-year spread of care and CP starts. */
  concentration: number;
  cpMonths: number;
  claDays: number;
  /** CIN plans starting a year (CIN-plan stock over the template's mean plan), pre-proceedings starting a year. */
  cinPlanStartsPerYear: number;
  preProceedingsPerYear: number;
  series: Record<'referrals' | 'reReferrals' | 'claStarting' | 'claCeasing' | 'claAt31March' | 'cppStarting' | 'cppAt31March' | 'cinPlan', FittedSeries>;
  /** What the fit could not do as asked (a share that would be negative, floored). */
  warnings: string[];
}

/** The stock a flow is carried on where England's rate stands in for a council's missing figure. */
const STOCK_FOR: Partial<Record<string, string>> = { referrals: 'cinAt31March', reReferrals: 'cinAt31March', claStarting: 'claAt31March', claCeasing: 'claAt31March', cppStarting: 'cppAt31March' };

const BASE_LABELS: Record<string, string> = { cinAt31March: 'child in need on 31 March', claAt31March: 'child looked after on 31 March', cppAt31March: 'CP plan on 31 March' };

const LABELS = {
  referrals: 'referrals',
  reReferrals: 're-referrals within 12 months',
  claStarting: 'children starting to be looked after',
  claCeasing: 'children ceasing to be looked after',
  claAt31March: 'children looked after on 31 March',
  cppStarting: 'CP plans starting',
  cppAt31March: 'CP plans on 31 March',
  cinPlan: 'children on a CIN plan on 31 March (derived)',
} as const;

/** The smallest share the fit gives a route out of assessment: 1 in 1,000. */
const SHARE_FLOOR = 0.001;
/** The most of assessments the fit sends on to CIN, CP or care together. */
const MAX_ESCALATED = 0.95;

/**
 * Fits the pathway to the council's flows over `years` (each published year among them is used; a series with no
 * year is an error). `cinPlan(year)` gives the derived CIN-plan stock on 31 March of a year.
 */
export function fitFlows(p: Published, years: number[], template: FlowTemplate, cinPlan: (year: number) => number | undefined): { ok: true; value: FlowFit } | { ok: false; error: string } {
  const series = {} as FlowFit['series'];
  const warnings: string[] = [];
  for (const key of Object.keys(LABELS) as (keyof typeof LABELS)[]) {
    let ys = key === 'cinPlan' ? years.flatMap((year) => { const v = cinPlan(year); return v === undefined ? [] : [{ year, value: v }]; }) : p.series(key, years);
    // A flow the council does not publish (suppressed, a small council) is England's rate on the council's own stock.
    const base = STOCK_FOR[key];
    if (ys.length < years.length && base) {
      const filled = years.flatMap((year) => {
        const own = ys.find((y) => y.year === year);
        if (own) return [own];
        const stock = p.value(base, year);
        const ratio = (englandValue(key, year) ?? NaN) / (englandValue(base, year) ?? NaN);
        return stock !== undefined && Number.isFinite(ratio) ? [{ year, value: stock * ratio }] : [];
      });
      const added = filled.filter((y) => !ys.includes(y)).map((y) => y.year);
      if (added.length) warnings.push(`${p.name} publishes no ${LABELS[key]} for ${added.join(', ')}: England's ${LABELS[key]} per ${BASE_LABELS[base]} stands in`);
      ys = filled;
    }
    if (ys.length === 0) return { ok: false, error: `${p.name} publishes no ${LABELS[key]} for ${span(years)}, so its flows cannot be fitted` };
    const { mean, sd } = meanSd(ys.map((y) => y.value));
    series[key] = { key, label: LABELS[key], years: ys, mean, sd };
  }
  // A stock or flow of none (a very small council) would give no stay: England's stays stand in.
  const englandMean = (key: string) => meanSd(years.map((y) => englandValue(key, y)).filter((v): v is number => v !== undefined)).mean;
  const stay = (stock: FittedSeries, flow: FittedSeries, perYear: number) => {
    if (stock.mean > 0 && flow.mean > 0) return (stock.mean / flow.mean) * perYear;
    warnings.push(`${p.name}'s ${stock.mean > 0 ? flow.label : stock.label} are none in ${span(years)}: England's stay stands in`);
    return (englandMean(stock.key) / englandMean(flow.key)) * perYear;
  };
  const R = series.referrals.mean;
  if (!(R > 0)) return { ok: false, error: `${p.name} has no referrals in ${span(years)}, so its flows cannot be fitted` };
  const reReferralShare = Math.min(0.6, Math.max(0.01, series.reReferrals.mean / R));

  // Flow balance a year, with the template's exits from CIN plans, CP plans and pre-proceedings kept.
  const t = template;
  const cpStarts = series.cppStarting.mean;
  const cinStarts = (series.cinPlan.mean / t.cinMonths) * 12;
  const ppStarts = cpStarts * t.cpExits.preProceedings;
  const need = {
    cp: cpStarts - cinStarts * t.cinExits.cp - ppStarts * t.preProceedingsExits.cp,
    cin: cinStarts - cpStarts * t.cpExits.cin - ppStarts * t.preProceedingsExits.cin,
    cla: series.claStarting.mean - cinStarts * t.cinExits.cla - ppStarts * t.preProceedingsExits.cla,
  };
  const shares = { cla: 0, cp: 0, cin: 0 };
  for (const k of ['cla', 'cp', 'cin'] as const) {
    const share = need[k] / R;
    if (share < SHARE_FLOOR) {
      warnings.push(`assessments going to ${k.toUpperCase()} would be ${(share * 100).toFixed(2)}% (the default exits from CIN, CP and pre-proceedings already bring more than the published ${k === 'cin' ? 'CIN-plan stock' : LABELS[k === 'cla' ? 'claStarting' : 'cppStarting']}); floored at ${SHARE_FLOOR * 100}%`);
    }
    shares[k] = Math.max(SHARE_FLOOR, share);
  }
  let escalated = shares.cla + shares.cp + shares.cin;
  if (escalated > MAX_ESCALATED) {
    warnings.push(`${p.name}'s published flows would need ${(escalated * 100).toFixed(0)}% of assessments to go on to CIN, CP or care; the three shares are scaled down together to ${MAX_ESCALATED * 100}% (its referrals are few beside its children in need, CP plans and care starts)`);
    for (const k of ['cla', 'cp', 'cin'] as const) shares[k] *= MAX_ESCALATED / escalated;
    escalated = MAX_ESCALATED;
  }
  // The spread of a share under Dirichlet(c): sd ≈ √(p(1−p)/(c+1)); matched to the year-to-year spread of the starts
  // per referral (not of the starts themselves: referrals' own spread is drawn apart, and would be counted twice).
  const concentrationFor = (share: number, s: FittedSeries) => {
    const perReferral = s.years.flatMap(({ year, value }) => { const r = series.referrals.years.find((x) => x.year === year)?.value; return r ? [value / r] : []; });
    const spread = meanSd(perReferral);
    const cv = spread.mean > 0 && perReferral.length > 1 ? Math.max(0.03, spread.sd / spread.mean) : 1;
    return (share * (1 - share)) / (cv * share) ** 2 - 1;
  };
  const concentration = Math.round(Math.min(5000, Math.max(30, Math.min(concentrationFor(shares.cla, series.claStarting), concentrationFor(shares.cp, series.cppStarting)))));
  return {
    ok: true,
    value: {
      years,
      reReferralShare,
      assessmentExits: { ...shares, noFurtherAction: 1 - escalated },
      concentration,
      cpMonths: stay(series.cppAt31March, series.cppStarting, 12),
      claDays: stay(series.claAt31March, series.claCeasing, 365.25),
      cinPlanStartsPerYear: cinStarts,
      preProceedingsPerYear: ppStarts,
      series,
      warnings,
    },
  };
}
