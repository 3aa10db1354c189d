// The monthly series every arm reports: names, units and their row in a run's result block.

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
  'fgcJoined',
  'fgcAllocated',
  'fgcHeld',
  'fgcWaiting',
  'fgcLapsed',
  'fgcLongestWaitWeeks',
  'cost',
  'costPlacements',
  'costFgcService',
  'claKinship',
  'claInHouseFostering',
  'claIndependentFostering',
  'claResidential',
  'claOther',
] as const;
export type Metric = (typeof METRICS)[number];

/** Unit of each series, for tables and exports. */
export const METRIC_UNITS: Record<Metric, string> = {
  cla: 'children at month end',
  cp: 'children at month end',
  cin: 'children at month end',
  preProceedings: 'children at month end',
  claEntries: 'children in month',
  claExits: 'children in month',
  claReturnsHome: 'children in month',
  referrals: 'children in month',
  fgcJoined: 'families joining the FGC queue in month (offered, accepted, enquiry converted)',
  fgcAllocated: 'families allocated a coordinator in month',
  fgcHeld: 'conferences (families) in month',
  fgcWaiting: 'families at month end',
  fgcLapsed: 'families in month (waited past the maximum)',
  fgcLongestWaitWeeks: 'weeks: longest wait of a family allocated in month',
  cost: 'GBP in month',
  costPlacements: 'GBP in month: placements of children looked after (cashable)',
  costFgcService: 'GBP in month: the FGC service (coordinators and conferences)',
  claKinship: 'children at month end',
  claInHouseFostering: 'children at month end',
  claIndependentFostering: 'children at month end',
  claResidential: 'children at month end',
  claOther: 'children at month end',
};

export const M = Object.fromEntries(METRICS.map((m, i) => [m, i])) as Record<Metric, number>;
export const METRIC_COUNT = METRICS.length;
/** Row of the first CLA-by-placement series; placements follow in PLACEMENTS order. */
export const M_PLACEMENT0 = M.claKinship;
