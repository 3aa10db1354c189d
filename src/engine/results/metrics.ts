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
  // CP plans starting in the month (children), from assessment, a CIN plan or pre-proceedings: DfE's CP plans starting.
  'cpEntries',
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
  // Children in care by age band (DfE's), entries to care by age band at entry, and leaving care by route.
  'claUnder1',
  'cla1to4',
  'cla5to9',
  'cla10to15',
  'cla16plus',
  'claEntriesUnder1',
  'claEntries1to4',
  'claEntries5to9',
  'claEntries10to15',
  'claEntries16plus',
  'careLeavers',
  'claSpecialGuardianship',
  'claAdopted',
  'claOtherExits',
  // Changes of placement in care (children in the month), the support paid for after care (£ in the month, in every
  // arm alike; also in cost, and its allowances and staying put in costCashable), and the children it is paid for at
  // month end by kind: special guardianship allowances, adoption allowances, staying put, a personal adviser.
  'placementMoves',
  'costAfterCare',
  'afterCareSpecialGuardianship',
  'afterCareAdoption',
  'afterCareStayingPut',
  'afterCarePersonalAdviser',
  // The caseload service beside the FGC (scenario.services, a team like Leeds's RES): families offered it at referral
  // and joining, taken on (families and their children), its cases open at month end, waiting at month end, turned
  // away or lapsed, the longest wait (weeks), and its staff's cost (£ in the month; also in cost and costFgcService,
  // which is every service's cost).
  'supportJoined',
  'supportAllocated',
  'supportAllocatedChildren',
  'supportOpen',
  'supportWaiting',
  'supportLapsed',
  'supportLongestWaitWeeks',
  'supportCost',
] as const;
export type Metric = (typeof METRICS)[number];

export const M = Object.fromEntries(METRICS.map((m, i) => [m, i])) as Record<Metric, number>;
export const METRIC_COUNT = METRICS.length;
/** Row of the first CLA-by-placement series; placements follow in PLACEMENTS order. */
export const M_PLACEMENT0 = M.claKinship;
/** Rows of the first CLA-by-age-band and entries-by-age-band series; the bands follow in AGE_BANDS order. */
export const M_AGE0 = M.claUnder1;
export const M_ENTRIES_AGE0 = M.claEntriesUnder1;
/** Row of the first series of children supported after care; the kinds follow in AFTER_CARE_KINDS order (src/scenario/placement-schema.ts). */
export const M_AFTER_CARE0 = M.afterCareSpecialGuardianship;
