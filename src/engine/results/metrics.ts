// The monthly series every arm reports: their names and their row in a run's result block (units: README, Command line).

/** Series reported per arm and month. Stocks are at month end, flows within the month. */
export const METRICS = [
  'cla',
  'cp',
  'cin',
  'preProceedings',
  'claEntries',
  'claExits',
  'claReturnsHome',
  'referrals',
  'careProceedings',
  'fgcJoined',
  'fgcAllocated',
  'fgcHeld',
  'fgcWaiting',
  'fgcLapsed',
  'fgcLongestWaitWeeks',
  'cost',
  'costPlacements',
  'costFgcService',
  'costCashable',
  'claKinship',
  'claInHouseFostering',
  'claIndependentFostering',
  'claResidential',
  'claOther',
] as const;
export type Metric = (typeof METRICS)[number];

export const M = Object.fromEntries(METRICS.map((m, i) => [m, i])) as Record<Metric, number>;
export const METRIC_COUNT = METRICS.length;
/** Row of the first CLA-by-placement series; placements follow in PLACEMENTS order. */
export const M_PLACEMENT0 = M.claKinship;
