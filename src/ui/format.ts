// Number formatting for the UI: money in £ with thousands, counts rounded.

const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const pct = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });

/** A formatted number with a true minus sign (U+2212), as every figure in the app is printed; one that rounds to zero is 0, never −0. */
const minus = (text: string): string => (!text.startsWith('-') ? text : /[1-9]/.test(text) ? `−${text.slice(1)}` : text.slice(1));

export const formatGbp = (x: number): string => minus(gbp.format(x));
export const formatCount = (x: number): string => minus(whole.format(x));
export const formatShare = (x: number): string => minus(pct.format(x));

/** A number with thousands separators and between `min` and `max` (default `min`) decimal places. */
export const formatFixed = (x: number, min: number, max = min): string =>
  minus(x.toLocaleString('en-GB', { minimumFractionDigits: min, maximumFractionDigits: max }));

/** A number to `digits` significant figures, thousands separated, no trailing zeros (an input's P5, a fitted value). */
export const formatSignificant = (x: number, digits: number): string => minus(x.toLocaleString('en-GB', { maximumSignificantDigits: digits }));

/** £ in millions with one decimal, for large totals. */
export const formatGbpMillions = (x: number): string => {
  const millions = (Math.abs(x) / 1e6).toFixed(1);
  return `${x < 0 && Number(millions) !== 0 ? '−' : ''}£${millions}m`;
};

/** "by 2016/17: 2%; by 2017/18: 12%; …": the share of runs that have paid back by the end of each year they do, years in order. */
export function paidBackBy(byYear: Record<string, number>, carried: ReadonlySet<string> = new Set()): string {
  let cumulative = 0;
  return Object.keys(byYear)
    .sort() // "2016/17" labels sort as years
    .map((year) => {
      cumulative += byYear[year]!;
      return `by ${year}${carried.has(year) ? ' (carried)' : ''}: ${formatShare(cumulative)}; `;
    })
    .join('');
}

/** "1 month", "11 months": a part financial year's length. */
export const monthsText = (months: number): string => `${months} month${months === 1 ? '' : 's'}`;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2020-04" → "April 2020" (the series' month labels, for sentences and headings). */
export const monthName = (yyyyMm: string): string => {
  const [year, month] = yyyyMm.split('-');
  const name = MONTHS[Number(month) - 1];
  return name ? `${name} ${year}` : yyyyMm;
};

/** Time left: "40 s"; under ten minutes to the nearest 10 s ("1 min 50 s", "3 min"); then minutes rounded up ("27 min", "2 h 5 min"). */
export const formatDuration = (seconds: number): string => {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 600) {
    const tens = Math.round(seconds / 10);
    const minutes = Math.floor(tens / 6);
    const rest = (tens % 6) * 10;
    return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
  }
  const minutes = Math.ceil(seconds / 60);
  return minutes < 90 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
};

/** Which year's prices a summary's money is in, for captions: "£, 2015/16 prices". */
export const moneyIn = (summary: { finance: { priceYear: string | null } }): string =>
  summary.finance.priceYear ? `£, ${summary.finance.priceYear} prices` : '£, each cost at its source price year (not uprated)';

/** The one statistic every table shows: the mean over runs (means add up; medians do not), with its P10 and P90. */
export const meanAndBand = (s: { mean: number; p10: number; p90: number }, f: (x: number) => string): { mean: string; band: string } => ({
  mean: f(s.mean),
  band: `P10 ${f(s.p10)} to P90 ${f(s.p90)}`,
});

/** The first line of a results file downloaded while the results are out of date (src/ui/cs-keep-share.ts, cs-table-exports.ts). */
export const OUT_OF_DATE_LINE = '# OUT OF DATE: these results were run before the scenario was last edited; run it again for results that match it.\n';
