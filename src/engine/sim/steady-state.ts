// Expected flows and stocks of a stationary pathway (Little's law on the branch shares): for seeding and checks.
import type { RunParameters } from './params';

/** Steady-state expectations per month for a given rate of referrals (children/month, re-referrals included). */
export interface SteadyState {
  /** Expected visits to each state per referral. */
  visits: { assessment: number; cin: number; cp: number; preProceedings: number; cla: number };
  /** Children entering each state per month. */
  entriesPerMonth: { assessment: number; cin: number; cp: number; preProceedings: number; cla: number };
  /** Children in each state at any moment (entries × mean sojourn). */
  stocks: { assessment: number; cin: number; cp: number; preProceedings: number; cla: number };
  /** Children whose case closes (and may be re-referred) per month. */
  closuresPerMonth: number;
  /** Children re-referred per month. */
  reReferralsPerMonth: number;
}

/** Solves the pathway's flow balance for a total referral rate, by fixed-point iteration on the visit counts. */
export function steadyState(p: RunParameters, referralsPerMonth: number): SteadyState {
  const e = p.exits;
  let cin = 0;
  let cp = 0;
  let plo = 0;
  for (let i = 0; i < 500; i++) {
    const nextCin = e.assessment[2]! + cp * e.cp[1]! + plo * e.preProceedings[2]!;
    const nextCp = e.assessment[1]! + cin * e.cin[1]! + plo * e.preProceedings[1]!;
    const nextPlo = cp * e.cp[0]!;
    const change = Math.abs(nextCin - cin) + Math.abs(nextCp - cp) + Math.abs(nextPlo - plo);
    cin = nextCin;
    cp = nextCp;
    plo = nextPlo;
    if (change < 1e-13) break;
  }
  const cla = e.assessment[0]! + cin * e.cin[0]! + plo * e.preProceedings[0]!;
  const visits = { assessment: 1, cin, cp, preProceedings: plo, cla };
  const d = p.durations;
  const R = referralsPerMonth;
  const entriesPerMonth = { assessment: R, cin: R * cin, cp: R * cp, preProceedings: R * plo, cla: R * cla };
  const closuresPerMonth = R - R * cla * (1 - e.cla[0]!);
  return {
    visits,
    entriesPerMonth,
    stocks: {
      assessment: R * d.assessment.meanMonths,
      cin: R * cin * d.cin.meanMonths,
      cp: R * cp * d.cp.meanMonths,
      preProceedings: R * plo * d.preProceedings.meanMonths,
      cla: R * cla * d.cla.meanMonths,
    },
    closuresPerMonth,
    reReferralsPerMonth: closuresPerMonth * p.reReferralProbability,
  };
}
