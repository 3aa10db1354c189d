// Upper bounds on the size of a scenario's inputs, with why (kept apart from the schema, which uses them).

/**
 * Upper bounds on size, each well above every council's published figures (scenarios/councils/councils.json,
 * test/scenario/bounds.test.ts): they keep the model's arrays allocatable and its sums finite, and turn a
 * slip (3 for 0.03, 1e9 for 1e3) into a problem naming the field instead of a crash or a wrong answer.
 */
export const LIMITS = {
  /** Children in a state on one day: England's 404,710 children in need on 31 March (the largest council's: Kent, 11,925 in 2022). */
  children: { limit: 1_000_000, limitReason: "above England's 404,710 children in need on 31 March, the largest figure any stock takes" },
  /** Referrals a month: England's 657,780 a year is 54,815 a month (the largest council's: Hampshire, 41,142 a year in 2025). */
  referralsPerMonth: { limit: 100_000, limitReason: "above England's 657,780 referrals a year (54,815 a month)" },
  /** Referrals over the whole horizon, the trend compounded: every family referred is held in memory for the run. */
  referralsOverHorizon: 50_000_000,
  /** Trend a year: referrals doubling every year is beyond any published series. */
  trendPerYear: { limit: 1, limitReason: 'a doubling of referrals every year; no published series comes near (0.03 is 3%)' },
  /** Children in one family: sizes are kept in a byte (≤ 255); sibling groups above a dozen are very rare. */
  familySizes: 30,
  /** Coordinator FTE in one arm: a council's FGC service has a handful to a few dozen coordinators. */
  fte: { limit: 1_000, limitReason: "a council's FGC service has a handful to a few dozen coordinators" },
  /** Any one cost, £: the largest published weekly unit cost (adoption, Islington 2022, £59,070) is £3.1m a year. */
  cost: { limit: 100_000_000, limitReason: "£100m; the largest published unit cost, £59,070 a week, is £3.1m a year" },
  /** Conferences a coordinator holds a year: about 25 (Darlington's throughput, 24.5 a year); 1,000 is four every working day. */
  conferencesPerFte: { limit: 1_000, limitReason: 'four conferences every working day; a coordinator holds about 25 a year' },
  /** The longest wait for a conference before a family goes on without one, weeks: 10,000 (about 190 years) means no maximum. */
  maxWaitWeeks: { limit: 10_000, limitReason: 'about 190 years, which already means no maximum wait' },
  /** Arms: options beside the counterfactual. */
  arms: 100,
  /** Months in an observed series (100 years). */
  observedMonths: 1_200,
  /** Bins of an empirical duration. */
  bins: 10_000,
  /** A mean stay, days: from one minute to 100 years; outside, the model's months hold nothing meaningful. */
  meanStayDays: { min: 1 / 1440, max: 36_525 },
  /** A Weibull shape: below 0.1 almost every stay is near 0 and a few last for ever (Γ(1 + 1/k) explodes). */
  weibullShape: { min: 0.1, max: 1_000 },
} as const;
