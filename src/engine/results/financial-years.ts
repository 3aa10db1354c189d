// Financial years (April to March) over a run's months, and per-run sums of a monthly flow within each.

/** A financial year as it falls in the horizon: which months (1..H) it covers. */
export interface FinancialYear {
  /** e.g. "2015/16". */
  label: string;
  /** First and last month index of the horizon in this year (months 1..H hold flows). */
  first: number;
  last: number;
  /** Months of the year inside the horizon (12 unless the horizon cuts it). */
  months: number;
}

/** The financial year of a month label "YYYY-MM": April starts a year. */
export function financialYearOf(label: string): string {
  const year = Number(label.slice(0, 4));
  const month = Number(label.slice(5, 7));
  const start = month >= 4 ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The financial years covered by months 1..H of a run whose month labels are given (month 0 first). */
export function financialYears(monthLabels: string[]): FinancialYear[] {
  const years: FinancialYear[] = [];
  for (let m = 1; m < monthLabels.length; m++) {
    const label = financialYearOf(monthLabels[m]!);
    const last = years.at(-1);
    if (last && last.label === label) {
      last.last = m;
      last.months++;
    } else years.push({ label, first: m, last: m, months: 1 });
  }
  return years;
}

/** Sums monthly values (months 0..H of one run) within each year. */
export function sumByYear(monthly: ArrayLike<number>, years: FinancialYear[], out: Float64Array, offset: number): void {
  years.forEach((y, i) => {
    let sum = 0;
    for (let m = y.first; m <= y.last; m++) sum += monthly[m]!;
    out[offset + i] = sum;
  });
}
