// Part of the one table of the host ↔ module boundary (./layout-table.ts): the module's exports and imports, each with
// its signature. `npm run build:wasm` generates the host's PathwayExports and PathwayImports and the module's import
// declarations from it; test/engine/sim/wasm/layout.test.ts checks the module's own sources and binary against it.

/** A parameter's or result's type as the module declares it (the host passes each as a number). */
export type WasmType = 'i32' | 'f64' | 'usize' | 'bool' | 'void';

/** An export's or import's parameters (names as the module's source has them) and result. */
export interface Signature {
  params: [name: string, type: WasmType][];
  result: WasmType;
  what: string;
}

/** What the module exports for the host to call (src/wasm/pathway.ts), with each one's signature. */
export const EXPORTS: Record<string, Signature> = {
  setRun: {
    params: [['horizon', 'i32'], ['k0', 'i32'], ['k1', 'i32'], ['initial', 'i32'], ['childrenAt', 'usize'], ['initialStateAt', 'usize'], ['initialPlacementAt', 'usize'], ['initialExitAt', 'usize'], ['arrivalTimeAt', 'usize'], ['constantsAt', 'usize'], ['tablesAt', 'usize'], ['conferencesAt', 'usize']],
    result: 'void',
    what: 'Sets the run block: the horizon, the run key and the addresses of the run\'s columns, constants, tables and conference times',
  },
  setInitialAge: { params: [['at', 'usize']], result: 'void', what: 'Where the walk reads each initial family\'s time already spent in its state at month 0 (f64 per initial family)' },
  setConferencePoints: { params: [['at', 'usize']], result: 'void', what: 'Where the walk reads each conference\'s offer point (u8, beside the conference times)' },
  reset: { params: [['base', 'usize']], result: 'void', what: 'Frees everything from base on' },
  mark: { params: [], result: 'usize', what: 'Where the next allocation goes' },
  claim: { params: [['bytes', 'i32']], result: 'usize', what: 'Memory as an earlier run left it, 8-byte aligned' },
  alloc: { params: [['bytes', 'i32']], result: 'usize', what: 'Zeroed memory, 8-byte aligned' },
  candidateList: { params: [['allocated', 'i32']], result: 'usize', what: 'An empty offer list' },
  resumePoints: { params: [['allocated', 'i32'], ['familyAllocated', 'i32']], result: 'usize', what: 'Empty resume points and family records' },
  clearPoints: { params: [['points', 'usize'], ['n', 'i32']], result: 'void', what: 'Empties the points and sizes the family index for n families' },
  pushPoint: { params: [['points', 'usize'], ['t', 'f64'], ['exit', 'f64'], ['caseStart', 'f64'], ['episode', 'i32'], ['state', 'i32'], ['placement', 'i32']], result: 'void', what: 'Appends a resume point' },
  holding: { params: [['points', 'usize'], ['f', 'i32'], ['c', 'f64']], result: 'i32', what: 'The point of family f whose stay holds time c, or -1' },
  assignFamilyRecord: { params: [['points', 'usize'], ['f', 'i32'], ['first', 'i32'], ['end', 'i32']], result: 'i32', what: 'Gives family f a record holding its points first..end-1' },
  familyRecordOf: { params: [['points', 'usize'], ['f', 'i32']], result: 'i32', what: 'The record of family f, or -1' },
  sortByTime: { params: [['list', 'usize']], result: 'i32', what: 'Puts an offer list in time order where it is' },
  timeOrder: { params: [['list', 'usize'], ['order', 'usize']], result: 'i32', what: 'Writes an offer list\'s indices in time order' },
  sojournFor: { params: [['horizon', 'i32'], ['acc', 'usize'], ['k', 'i32'], ['count', 'f64'], ['t0', 'f64'], ['t1', 'f64'], ['sign', 'f64']], result: 'void', what: 'Books a stay into accumulators of another horizon (tests)' },
  careStayFor: {
    params: [['f', 'i32'], ['size', 'i32'], ['episode', 'i32'], ['began', 'f64'], ['from', 'f64'], ['ratio', 'f64']],
    result: 'f64',
    what: 'Family f\'s children in care from `began` (episode `episode`): the family\'s exit; each child\'s in CHILD_EXIT, CHILD_ROUTE (tests)',
  },
  simulate: { params: [['f', 'i32'], ['count', 'i32'], ['sign', 'f64'], ['acc', 'usize'], ['withLedger', 'bool'], ['candidates', 'usize'], ['points', 'usize']], result: 'i32', what: 'Family f from the start of the run; returns conferences held' },
  resume: { params: [['f', 'i32'], ['from', 'usize'], ['i', 'i32'], ['count', 'i32'], ['sign', 'f64'], ['acc', 'usize'], ['withLedger', 'bool'], ['candidates', 'usize']], result: 'i32', what: 'Family f from resume point i on' },
  simulateAll: { params: [['n', 'i32'], ['acc', 'usize'], ['withLedger', 'bool'], ['candidates', 'usize'], ['points', 'usize']], result: 'void', what: 'The shared pass: families 0..n-1 without an FGC' },
  walk: {
    params: [['f', 'i32'], ['state', 'i32'], ['placement', 'i32'], ['t', 'f64'], ['exit', 'f64'], ['episode', 'i32'], ['caseStart', 'f64'], ['count', 'i32'], ['sign', 'f64'], ['acc', 'usize'], ['withLedger', 'bool'], ['candidates', 'usize'], ['points', 'usize']],
    result: 'i32',
    what: 'Runs family f from a state to the horizon',
  },
  prepareService: { params: [], result: 'void', what: 'The service\'s growable arrays, once per run' },
  runService: {
    params: [['slotsPerMonth', 'f64'], ['slotsByMonthEndAt', 'usize'], ['maxWaitMonths', 'f64'], ['weeksInMonth', 'f64'], ['eligibleByState', 'usize'], ['coordinatorCost', 'f64'], ['costByMonthAt', 'usize'], ['offerList', 'usize'], ['n', 'i32'], ['extraList', 'usize'], ['pointList', 'usize'], ['acc', 'usize'], ['withLedger', 'bool'], ['outBlock', 'usize'], ['supportCasesNow', 'f64'], ['supportCasesByMonthAt', 'usize'], ['supportInvolvementMonths', 'f64'], ['supportMaxWaitMonths', 'f64'], ['supportEligibleShare', 'f64'], ['supportCostPerMonth', 'f64'], ['supportCostByMonthAt', 'usize']],
    result: 'void',
    what: 'Runs an arm\'s services (the FGC\'s and the caseload service\'s) over the offers, in time order',
  },
  arrivals: {
    params: [['k0', 'i32'], ['k1', 'i32'], ['horizon', 'i32'], ['arrivalStart', 'usize'], ['childrenCum', 'usize'], ['sizes', 'i32'], ['timeOut', 'usize'], ['childrenOut', 'usize']],
    result: 'void',
    what: 'Arrival times and sizes of the families arriving in months 1..horizon',
  },
  fillStock: {
    params: [['k0', 'i32'], ['k1', 'i32'], ['state', 'i32'], ['target', 'i32'], ['firstId', 'i32'], ['childrenCum', 'usize'], ['sizes', 'i32'], ['placements', 'usize'], ['lognormal', 'bool'], ['mu', 'f64'], ['sigma', 'f64'], ['childrenOut', 'usize'], ['placementOut', 'usize'], ['exitOut', 'usize'], ['ageOut', 'usize']],
    result: 'i32',
    what: 'The families found in a state at month 0',
  },
};

/** What the module imports from the host (module name `env`), with the module's own name for each. */
export const IMPORTS: Record<string, Signature & { moduleName: string }> = {
  exp: { moduleName: 'hostExp', params: [['x', 'f64']], result: 'f64', what: 'Math.exp, the host\'s (the same bits as the TypeScript engine)' },
  log: { moduleName: 'hostLog', params: [['x', 'f64']], result: 'f64', what: 'Math.log, the host\'s (a placement move\'s exponential clock)' },
  normalQuantile: { moduleName: 'normalQuantile', params: [['p', 'f64']], result: 'f64', what: 'The standard normal quantile (src/engine/random/special.ts normalQuantile)' },
  residual: { moduleName: 'residual', params: [['state', 'i32'], ['id', 'i32']], result: 'f64', what: 'Time left of initial family id in a state whose sojourn is not lognormal, months' },
  residualAge: { moduleName: 'residualAge', params: [], result: 'f64', what: 'The time already spent in the state by the family of the last residual call, months (the same length-biased stay)' },
  sampleStay: { moduleName: 'sampleStay', params: [['state', 'i32'], ['f', 'i32'], ['episode', 'i32']], result: 'f64', what: 'A stay in an open state whose sojourn has no quantile table, months' },
  exactQuantile: { moduleName: 'exactQuantile', params: [['table', 'i32'], ['u', 'f64']], result: 'f64', what: 'The exact quantile in a table\'s end cells' },
  reReferralStay: { moduleName: 'reReferralStay', params: [['f', 'i32'], ['episode', 'i32']], result: 'f64', what: 'Time to re-referral when it has no quantile table, months' },
  hazardScaledStay: {
    moduleName: 'hazardScaledStay',
    params: [['state', 'i32'], ['stay', 'f64'], ['from', 'f64'], ['factor', 'f64']],
    result: 'f64',
    what: 'A stay in a state drawn as `stay` months, its hazard multiplied by `factor` from `from` months into it (the same uniform, so monotone)',
  },
  routeHazardScaled: {
    moduleName: 'routeHazardScaled',
    params: [['route', 'i32'], ['stay', 'f64'], ['from', 'f64'], ['factor', 'f64']],
    result: 'f64',
    what: 'A care route\'s latent time `stay`, its hazard × `factor` from `from` months on (the same uniform, moved: monotone)',
  },
  careEvent: {
    moduleName: 'careEvent',
    params: [['kind', 'i32'], ['family', 'i32'], ['child', 'i32'], ['t', 'f64'], ['a', 'f64'], ['b', 'f64']],
    result: 'void',
    what: 'A child\'s care as booked, while RECORD_CARE is 1: kind 0 a period (t entry, a birth, b route), 1 a placement from t (a the placement), 2 the exit at t (b route); family and child (episode × MAX_CHILDREN + child) name it, months from month 0',
  },
  leadTime: { moduleName: 'leadTime', params: [['f', 'i32'], ['episode', 'i32']], result: 'f64', what: 'Time from allocation to conference when it has no quantile table, months' },
};
