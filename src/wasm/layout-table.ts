// The one table of the boundary between the TypeScript host and the WebAssembly module: every code, slot,
// offset, record field, row order and signature both sides share. `npm run build:wasm` generates each side's
// constants from it (src/wasm/layout.ts for the module, src/engine/sim/wasm/layout.ts for the host); neither
// generated file is edited by hand, and test/engine/sim/wasm/layout.test.ts checks both against this table.

/** A code set: names in order, each worth its index unless given. `count` names the number after the last, if wanted. */
export interface CodeSet {
  /** The host's const enum. */
  enumName: string;
  /** The module's constants are PREFIX + NAME in SCREAMING_SNAKE. */
  prefix: string;
  codes: [name: string, value: number][];
  /** A constant for how many there are (module: PREFIX + COUNT name; host: the same name). */
  count?: [name: string, value: number];
  what: string;
}

/** A block of f64 slots laid out one part after the next; a part's size is a fixed count of slots. */
export interface SlotBlock {
  /** Constant names are PREFIX + NAME. */
  prefix: string;
  parts: [name: string, slots: number, what: string][];
  /** The constant for the block's whole size, in slots. */
  size: string;
  what: string;
}

/** A block whose parts grow with the horizon H: each part is perH1 × (H + 1) + perH2 × (H + 2) + fixed f64 slots. */
export interface HorizonBlock {
  prefix: string;
  parts: { name: string; perH1?: number; perH2?: number; fixed?: number; ledgerOnly?: boolean; what: string }[];
  what: string;
}

/** A record field's type in the module's memory. */
export type FieldType = 'f64' | 'i32' | 'u8';

/** Records of 2^shift bytes: fields packed in order, each at its own alignment. */
export interface RecordLayout {
  prefix: string;
  shift: number;
  /** The module's constant for the shift. */
  shiftName: string;
  fields: [name: string, type: FieldType, what: string][];
  what: string;
}

/** A header of i32 slots: module constants are byte offsets (PREFIX + NAME), host constants slot indices (the same + _SLOT). */
export interface HeaderLayout {
  prefix: string;
  slots: [name: string, what: string][];
  /** The module's constant for the header's size in bytes. */
  size: string;
  what: string;
}

/** A parameter's or result's type as the module declares it (the host passes each as a number). */
export type WasmType = 'i32' | 'f64' | 'usize' | 'bool' | 'void';

/** An export's or import's parameters (names as the module's source has them) and result. */
export interface Signature {
  params: [name: string, type: WasmType][];
  result: WasmType;
  what: string;
}

const QUANTILE_CELLS = 2048;
const OPEN_STATES = 5;
const EXIT_SLOTS = 4;
const EXIT_ROW = 8;
const PLACEMENTS = 5;
const LEDGER_STATES = 8;
/** Stock classes: CIN, CP, pre-proceedings, then care by placement, then assessment. */
const CLASS_CLA0 = 3;
const CLASS_ASSESSMENT = CLASS_CLA0 + PLACEMENTS;
const CLASS_COUNT = CLASS_ASSESSMENT + 1;
const FLOW_COUNT = 4;
/** Quantile tables: one per open state, then re-referral's and time to conference's. */
const TABLE_RE_REFERRAL = OPEN_STATES;
const TABLE_TO_CONFERENCE = OPEN_STATES + 1;
const TABLE_COUNT = OPEN_STATES + 2;
const LEDGER_WIDTH = 3 * LEDGER_STATES;

/** The pathway's states (the ledger adds one more: not yet arrived). */
export const STATES: CodeSet = {
  enumName: 'State',
  prefix: '',
  codes: [
    ['Assessment', 0],
    ['Cin', 1],
    ['Cp', 2],
    ['PreProceedings', 3],
    ['Cla', 4],
    ['Closed', 5],
    ['Out', 6],
    ['NotArrived', 7],
  ],
  count: ['LedgerStates', LEDGER_STATES],
  what: 'Pathway states: the five open states, closed (a re-referral may be pending), out for good, and (in the ledger only) not yet arrived.',
};

/** Stock classes of an arm's accumulators. */
export const STOCK_CLASSES: CodeSet = {
  enumName: 'StockClass',
  prefix: 'CLASS_',
  codes: [
    ['Cin', 0],
    ['Cp', 1],
    ['PreProceedings', 2],
    ['Cla0', CLASS_CLA0],
    ['Assessment', CLASS_ASSESSMENT],
  ],
  count: ['Count', CLASS_COUNT],
  what: 'Stock classes: CIN, CP, pre-proceedings, CLA by placement (Cla0 + placement, five), assessment.',
};

/** Flow rows of an arm's accumulators, children in the month. */
export const FLOW_ROWS: CodeSet = {
  enumName: 'FlowRow',
  prefix: 'FLOW_',
  codes: [
    ['ClaEntries', 0],
    ['ClaExits', 1],
    ['ClaReturnsHome', 2],
    ['Referrals', 3],
  ],
  count: ['Count', FLOW_COUNT],
  what: 'Flow rows: entries to care, exits from care, returns home, referrals (children in the month).',
};

/** Purposes that split a family's randomness (the keyed draws of src/engine/random/rng.ts and src/wasm/draws.ts). */
export const PURPOSES: CodeSet = {
  enumName: 'Purpose',
  prefix: 'PURPOSE_',
  codes: [
    ['ArrivalTime', 1],
    ['FamilySize', 2],
    ['Sojourn', 3],
    ['Branch', 4],
    ['Placement', 5],
    ['Offer', 6],
    ['LeadTime', 7],
    ['ReReferral', 8],
    ['InitialState', 9],
  ],
  what: 'Purposes of a family\'s sub-streams, so that one kind of draw never shifts another.',
};

/** What an exit does to the FGC effect's thresholds. */
export const BRANCH_KINDS: CodeSet = {
  enumName: 'BranchKind',
  prefix: 'BRANCH_',
  codes: [
    ['StepDown', 0],
    ['ToCp', 1],
    ['ToCare', 2],
  ],
  what: 'Branch kinds: a step down (takes the freed share), an escalation to CP (relative risk of CP), towards care (relative risk of care).',
};

/** The metric (src/engine/results/metrics.ts) each service row is copied into, in SERVICE_ROWS order. */
export const SERVICE_ROW_METRICS = ['fgcJoined', 'fgcAllocated', 'fgcHeld', 'fgcWaiting', 'fgcLapsed', 'fgcLongestWaitWeeks'] as const;

/** The service's rows in its out block (H + 1 months each), one per SERVICE_ROW_METRICS entry in its order. */
export const SERVICE_ROWS: CodeSet = {
  enumName: 'ServiceRow',
  prefix: 'SERVICE_',
  codes: [
    ['Joined', 0],
    ['Allocated', 1],
    ['Held', 2],
    ['Waiting', 3],
    ['Lapsed', 4],
    ['LongestWait', 5],
  ],
  count: ['Rows', SERVICE_ROW_METRICS.length],
  what: 'Rows of the service\'s out block: families joining, allocated, conferences held, waiting at month end, lapsed, longest wait (weeks).',
};

/** Quantile tables: one per open state, then these two. */
export const TABLES: CodeSet = {
  enumName: 'QuantileTableIndex',
  prefix: 'TABLE_',
  codes: [
    ['ReReferral', TABLE_RE_REFERRAL],
    ['ToConference', TABLE_TO_CONFERENCE],
  ],
  count: ['Count', TABLE_COUNT],
  what: 'Quantile tables: open states 0–4 (by state), time to re-referral, time from allocation to conference.',
};

/** Every code set, in the order the generated files list them. */
export const CODE_SETS: CodeSet[] = [STATES, STOCK_CLASSES, FLOW_ROWS, PURPOSES, BRANCH_KINDS, SERVICE_ROWS, TABLES];

/** Plain numbers both sides use. */
export const NUMBERS: [name: string, value: number, what: string][] = [
  ['QUANTILE_CELLS', QUANTILE_CELLS, 'cells of a quantile table (src/engine/random/quantile-table.ts)'],
  ['TABLE_SIZE', QUANTILE_CELLS + 1, 'quantiles a table holds, f64'],
  ['EXIT_ROW', EXIT_ROW, 'width of the exit-cost table: a row per state left, a column per state entered'],
  ['EXIT_SLOTS', EXIT_SLOTS, 'exit shares held per open state (the most any state has)'],
  ['OPEN_STATES', OPEN_STATES, 'states with a stay and exits: assessment, CIN, CP, pre-proceedings, care'],
  ['PLACEMENTS', PLACEMENTS, 'placement types in care (src/scenario/schema.ts PLACEMENTS order)'],
  ['LEDGER_WIDTH', LEDGER_WIDTH, 'ledger slots a month: entries, exits and families, LEDGER_STATES each'],
];

/**
 * Where each open state's exits lead, in the order of its exit shares (most severe first), and the
 * kind of each: the rows of the module's DEST and KIND arrays (EXIT_SLOTS each, unused slots 0).
 * `key` is the exit's name in the scenario (pathway.<state>.exits.shares).
 */
export const EXITS: { state: string; exits: [key: string, to: string, kind: string][] }[] = [
  { state: 'Assessment', exits: [['cla', 'Cla', 'ToCare'], ['cp', 'Cp', 'ToCp'], ['cin', 'Cin', 'StepDown'], ['noFurtherAction', 'Closed', 'StepDown']] },
  { state: 'Cin', exits: [['cla', 'Cla', 'ToCare'], ['cp', 'Cp', 'ToCp'], ['close', 'Closed', 'StepDown']] },
  { state: 'Cp', exits: [['preProceedings', 'PreProceedings', 'ToCare'], ['cin', 'Cin', 'StepDown'], ['close', 'Closed', 'StepDown']] },
  { state: 'PreProceedings', exits: [['cla', 'Cla', 'ToCare'], ['cp', 'Cp', 'StepDown'], ['cin', 'Cin', 'StepDown']] },
  { state: 'Cla', exits: [['returnHome', 'Closed', 'StepDown'], ['specialGuardianship', 'Out', 'StepDown'], ['adoption', 'Out', 'StepDown'], ['leavingCare', 'Out', 'StepDown']] },
];

/** The run's constants block (f64 slots), written by the host (src/engine/sim/family.ts) and read by the walk. */
export const CONSTANTS_BLOCK: SlotBlock = {
  prefix: 'C_',
  parts: [
    ['FRONT_DOOR', 1, '£ per child of a referral and its assessment'],
    ['RE_REFERRAL_P', 1, 'probability a closed case is re-referred'],
    ['ACCEPTANCE', 1, 'probability a family accepts an FGC offer'],
    ['CONVERSION', 1, 'probability an accepted offer converts (the enquiry goes ahead)'],
    ['TIME_IN_CARE', 1, 'factor on the time left in care after an FGC'],
    ['TIME_IN_SYSTEM', 1, 'factor on the time left in an open state other than care after an FGC'],
    ['FADE_RATE', 1, 'the effect\'s fade, per month (ln 2 / half-life)'],
    ['RR_CP', 1, 'relative risk of escalation to CP after an FGC'],
    ['RR_CARE', 1, 'relative risk of entering care after an FGC'],
    ['KINSHIP', 1, 'kinship share of care entries after an FGC'],
    ['EXIT_SHARES', OPEN_STATES * EXIT_SLOTS, 'exit shares: OPEN_STATES rows of EXIT_SLOTS, in EXITS order'],
    ['EXIT_COST', EXIT_ROW * EXIT_ROW, '£ per child of leaving a state for another: EXIT_ROW × EXIT_ROW'],
    ['PLACEMENTS', PLACEMENTS, 'placement shares of care entries, PLACEMENTS order'],
    ['HAS_TABLE', TABLE_COUNT, '1 where quantile table i is given (TABLE_COUNT of them), else 0'],
    ['CONFERENCE_COST', 1, '£ per conference held (per family)'],
  ],
  size: 'CONSTANTS',
  what: 'The run\'s constants block, f64 slots',
};

/** An arm's accumulator block (f64 slots), booked by the walk and the service, read by src/engine/sim/accumulators.ts. */
export const ACCUMULATOR_BLOCK: HorizonBlock = {
  prefix: 'ACC_',
  parts: [
    { name: 'STOCK_DIFF', perH2: CLASS_COUNT, what: 'month-end stock differences, CLASS_COUNT rows of H + 2' },
    { name: 'CORRECTION', perH2: CLASS_COUNT, what: 'part-month corrections, same layout' },
    { name: 'COST_DIRECT', perH1: 1, what: '£ of one-off costs (processes, conferences, coordinators) by month' },
    { name: 'SERVICE_DIRECT', perH1: 1, what: '£ of the FGC service by month (also in COST_DIRECT)' },
    { name: 'FLOWS', perH1: FLOW_COUNT, what: 'FLOW_COUNT rows of H + 1, children' },
    { name: 'FAMILY_MONTHS', fixed: 2, what: 'open family-months (slot 0)' },
    { name: 'LEDGER', perH1: LEDGER_WIDTH, ledgerOnly: true, what: 'audit: (H + 1) rows of LEDGER_WIDTH (entries, exits, families by state)' },
    { name: 'FAMILIES_DIFF', perH2: LEDGER_STATES, ledgerOnly: true, what: 'audit: families by state, LEDGER_STATES rows of H + 2 differences' },
  ],
  what: 'An arm\'s accumulator block, f64 slots; the ledger parts only with a ledger',
};

/** The header of a growable list (offers): i32 slots. */
export const LIST_HEADER: HeaderLayout = {
  prefix: 'L_',
  slots: [
    ['LENGTH', 'entries in the list'],
    ['ALLOCATED', 'records allocated'],
    ['RECORDS', 'address of the records'],
  ],
  size: 'LIST_HEADER',
  what: 'A growable list\'s header',
};

/** The header of the resume points: a list header, then the per-family index and the family records' own list header. */
export const POINTS_HEADER: HeaderLayout = {
  prefix: 'P_',
  slots: [
    ['LENGTH', 'points in the list'],
    ['ALLOCATED', 'point records allocated'],
    ['RECORDS', 'address of the point records'],
    ['RECORD_OF', 'address of the per-family index: i32 per family, its family record or -1'],
    ['FAMILIES', 'families the index is sized for'],
    ['FAMILY_RECORDS', 'the family records\' list header: count'],
    ['FAMILY_RECORDS_ALLOCATED', 'family records allocated'],
    ['FAMILY_RECORDS_RECORDS', 'address of the family records'],
  ],
  size: 'POINTS_HEADER',
  what: 'The resume points\' header',
};

/** An FGC offer a family would take up (src/engine/sim/candidates.ts). */
export const CANDIDATE_RECORD: RecordLayout = {
  prefix: 'R_',
  shift: 6,
  shiftName: 'CANDIDATE_SHIFT',
  fields: [
    ['TIME', 'f64', 'when the offer is made, months'],
    ['ELIGIBILITY', 'f64', 'the uniform each arm compares with its eligible share'],
    ['CASE_CLOSE', 'f64', 'when the case closes, months (Infinity if open at the horizon)'],
    ['FAMILY', 'i32', 'the family'],
    ['EPISODE', 'i32', 'the episode of the stay it is made in'],
    ['VERSION', 'i32', 'the version of the family\'s path that made it'],
    ['FAMILY_RECORD', 'i32', 'the family\'s record in the resume points (-1 until it has one)'],
    ['STATE', 'u8', 'the offer point\'s state'],
  ],
  what: 'An offer candidate',
};

/** Where a family's shared path can be resumed (src/engine/sim/resume-points.ts). */
export const POINT_RECORD: RecordLayout = {
  prefix: 'PT_',
  shift: 5,
  shiftName: 'POINT_SHIFT',
  fields: [
    ['TIME', 'f64', 'entry to the stay, months'],
    ['EXIT', 'f64', 'exit from the stay, months'],
    ['CASE_START', 'f64', 'when the case began, months'],
    ['EPISODE', 'i32', 'the stay\'s episode'],
    ['STATE', 'u8', 'the state'],
    ['PLACEMENT', 'u8', 'the placement, in care'],
  ],
  what: 'A resume point',
};

/** A family that made an offer: where its points are, and an arm's service state for it (cleared per arm where marked). */
export const FAMILY_RECORD: RecordLayout = {
  prefix: 'FR_',
  shift: 6,
  shiftName: 'FAMILY_RECORD_SHIFT',
  fields: [
    ['FIRST', 'i32', 'its first point'],
    ['END', 'i32', 'one past its last point'],
    ['FAMILY', 'i32', 'the family'],
    ['VERSION', 'i32', 'its path\'s version in this arm (cleared)'],
    ['LEAD_EPISODE', 'i32', 'the episode keying its time to conference'],
    ['LATER_HEAD', 'i32', 'its later conferences: first (cleared)'],
    ['LATER_TAIL', 'i32', 'its later conferences: last (cleared)'],
    ['STATUS', 'u8', 'none, queued or allocated (cleared)'],
    ['CONFERENCES', 'u8', 'conferences held (cleared)'],
    ['JOINED', 'f64', 'when it joined the queue, months'],
    ['CASE_CLOSES', 'f64', 'when its case closes, months'],
    ['FIRST_CONFERENCE', 'f64', 'its first conference, months'],
  ],
  what: 'A family record',
};

/** Every record layout and every header, in the order the generated files list them. */
export const RECORDS: RecordLayout[] = [CANDIDATE_RECORD, POINT_RECORD, FAMILY_RECORD];
export const HEADERS: HeaderLayout[] = [LIST_HEADER, POINTS_HEADER];

/** What the module exports for the host to call (src/wasm/pathway.ts), with each one's signature. */
export const EXPORTS: Record<string, Signature> = {
  setRun: {
    params: [['horizon', 'i32'], ['k0', 'i32'], ['k1', 'i32'], ['initial', 'i32'], ['childrenAt', 'usize'], ['initialStateAt', 'usize'], ['initialPlacementAt', 'usize'], ['initialExitAt', 'usize'], ['arrivalTimeAt', 'usize'], ['constantsAt', 'usize'], ['tablesAt', 'usize'], ['conferencesAt', 'usize']],
    result: 'void',
    what: 'Sets the run block: the horizon, the run key and the addresses of the run\'s columns, constants, tables and conference times',
  },
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
    params: [['slotsPerMonth', 'f64'], ['maxWaitMonths', 'f64'], ['weeksInMonth', 'f64'], ['eligibleByState', 'usize'], ['coordinatorCost', 'f64'], ['offerList', 'usize'], ['n', 'i32'], ['extraList', 'usize'], ['pointList', 'usize'], ['acc', 'usize'], ['withLedger', 'bool'], ['outBlock', 'usize']],
    result: 'void',
    what: 'Runs an arm\'s FGC service over the offers, in time order',
  },
  arrivals: {
    params: [['k0', 'i32'], ['k1', 'i32'], ['horizon', 'i32'], ['arrivalStart', 'usize'], ['childrenCum', 'usize'], ['sizes', 'i32'], ['timeOut', 'usize'], ['childrenOut', 'usize']],
    result: 'void',
    what: 'Arrival times and sizes of the families arriving in months 1..horizon',
  },
  fillStock: {
    params: [['k0', 'i32'], ['k1', 'i32'], ['state', 'i32'], ['target', 'i32'], ['firstId', 'i32'], ['childrenCum', 'usize'], ['sizes', 'i32'], ['placements', 'usize'], ['lognormal', 'bool'], ['mu', 'f64'], ['sigma', 'f64'], ['childrenOut', 'usize'], ['placementOut', 'usize'], ['exitOut', 'usize']],
    result: 'i32',
    what: 'The families found in a state at month 0',
  },
};

/** What the module imports from the host (module name `env`), with the module's own name for each. */
export const IMPORTS: Record<string, Signature & { moduleName: string }> = {
  exp: { moduleName: 'hostExp', params: [['x', 'f64']], result: 'f64', what: 'Math.exp, the host\'s (the same bits as the TypeScript engine)' },
  normalQuantile: { moduleName: 'normalQuantile', params: [['p', 'f64']], result: 'f64', what: 'The standard normal quantile (src/engine/random/special.ts normalQuantile)' },
  residual: { moduleName: 'residual', params: [['state', 'i32'], ['id', 'i32']], result: 'f64', what: 'Time left of initial family id in a state whose sojourn is not lognormal, months' },
  sampleStay: { moduleName: 'sampleStay', params: [['state', 'i32'], ['f', 'i32'], ['episode', 'i32']], result: 'f64', what: 'A stay in an open state whose sojourn has no quantile table, months' },
  exactQuantile: { moduleName: 'exactQuantile', params: [['table', 'i32'], ['u', 'f64']], result: 'f64', what: 'The exact quantile in a table\'s end cells' },
  reReferralStay: { moduleName: 'reReferralStay', params: [['f', 'i32'], ['episode', 'i32']], result: 'f64', what: 'Time to re-referral when it has no quantile table, months' },
  leadTime: { moduleName: 'leadTime', params: [['f', 'i32'], ['episode', 'i32']], result: 'f64', what: 'Time from allocation to conference when it has no quantile table, months' },
};
