// What a scenario observed: monthly series and totals over spans of months, to check and calibrate the model against.
import { arr, literal, num, obj, optional, str } from './check';
import { NON_NEGATIVE } from './quantity';
import { LIMITS } from './limits';

/** A month as "YYYY-MM". */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Flows an observed total can be given for (src/engine/results/metrics.ts names). */
export const OBSERVED_TOTAL_METRICS = ['claEntries', 'claExits', 'claReturnsHome', 'referrals', 'cpEntries', 'fgcHeld', 'careProceedings', 'claAdopted', 'claSpecialGuardianship', 'careLeavers'] as const;

const series = optional(arr((x, path, errors) => (x === null ? null : num(NON_NEGATIVE)(x, path, errors)) as number | null | undefined, { maxLength: LIMITS.observedMonths, why: '100 years of months' }));

export const observed = obj({
  startMonth: str({ pattern: MONTH, rule: 'a month as "YYYY-MM"' }),
  source: str(),
  note: optional(str()),
  /** The arm whose service was running when these were observed (0 the counterfactual, 1.. the options); default the last. */
  arm: optional(num({ min: 0, integer: true, max: LIMITS.arms, reason: 'an arm of the scenario' })),
  series: obj({ cla: series, cp: series, cin: series, claEntries: series, claExits: series, referrals: series, fgcHeld: series }),
  /**
   * A flow's total over a span of months, where it is published as a total rather than month by month (FGCs held
   * in a financial year, a pilot's conferences in a quarter): months `from` to `to` inclusive, after month 0.
   */
  totals: optional(
    arr(
      obj({
        metric: literal(...OBSERVED_TOTAL_METRICS),
        from: str({ pattern: MONTH, rule: 'a month as "YYYY-MM"' }),
        to: str({ pattern: MONTH, rule: 'a month as "YYYY-MM"' }),
        value: num(NON_NEGATIVE),
        unit: str(),
        source: str(),
        note: optional(str()),
      }),
      { maxLength: LIMITS.observedMonths, why: 'a total a month for 100 years' },
    ),
  ),
});
