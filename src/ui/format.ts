// Number formatting for the UI: money in £ with thousands, counts rounded.

const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const pct = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });

export const formatGbp = (x: number): string => gbp.format(x);
export const formatCount = (x: number): string => whole.format(x);
export const formatShare = (x: number): string => pct.format(x);

/** £ in millions with one decimal, for large totals. */
export const formatGbpMillions = (x: number): string => `${x < 0 ? '−' : ''}£${(Math.abs(x) / 1e6).toFixed(1)}m`;

/** Which year's prices a summary's money is in, for captions: "£, 2015/16 prices". */
export const moneyIn = (summary: { finance: { priceYear: string | null } }): string =>
  summary.finance.priceYear ? `£, ${summary.finance.priceYear} prices` : '£, each cost at its source price year (not uprated)';
