// The one table of the boundary between the TypeScript host and the WebAssembly module: every code, slot,
// offset, record field, row order and signature both sides share. `npm run build:wasm` generates each side's
// constants from it (src/wasm/layout.ts for the module, src/engine/sim/wasm/layout.ts for the host); neither
// generated file is edited by hand, and test/engine/sim/wasm/layout.test.ts checks both against this table.

import type { CodeSet, HeaderLayout, HorizonBlock, RecordLayout, SlotBlock } from './layout-shapes';

export type { CodeSet, FieldType, HeaderLayout, HorizonBlock, RecordLayout, SlotBlock } from './layout-shapes';

const QUANTILE_CELLS = 2048;
const OPEN_STATES = 5;
/** Offer points, by the state they are offered on entering: CIN (1), CP (2), pre-proceedings (3), care (4): point = state - 1. */
const OFFER_POINTS = 4;
/** Where effects are held: the FGC's four offer points, then the caseload service's (a team like Leeds's RES) at referral. */
const EFFECT_POINTS = OFFER_POINTS + 1;
const EXIT_SLOTS = 4;
const EXIT_ROW = 8;
const PLACEMENTS = 5;
const LEDGER_STATES = 8;
/** DfE's age bands: under 1, 1–4, 5–9, 10–15, 16 and over (to the 18th birthday). */
const AGE_BANDS = 5;
/** Routes out of care with their own clocks: home, special guardianship (or a child arrangements order), adoption, other. The 18th birthday is not a route with a clock. */
const CARE_ROUTES = 4;
/** What follows care and is paid for (issue 26): special guardianship allowances, adoption allowances, staying put, a personal adviser. */
const AFTER_CARE_KINDS = 4;
/** Stock classes: CIN, CP, pre-proceedings, then care by placement, then assessment, then care by age band, then the children after care whose support is paid for. */
const CLASS_CLA0 = 3;
const CLASS_ASSESSMENT = CLASS_CLA0 + PLACEMENTS;
const CLASS_CLA_AGE0 = CLASS_ASSESSMENT + 1;
const CLASS_AFTER_CARE0 = CLASS_CLA_AGE0 + AGE_BANDS;
const CLASS_COUNT = CLASS_AFTER_CARE0 + AFTER_CARE_KINDS;
/** Flow rows: the first five, then leaving care by route, then care entries, exits and ageing by age band. */
const FLOW_CARE_LEAVERS = 5;
const FLOW_ENTRIES_AGE0 = FLOW_CARE_LEAVERS + CARE_ROUTES;
const FLOW_EXITS_AGE0 = FLOW_ENTRIES_AGE0 + AGE_BANDS;
const FLOW_AGED_OUT0 = FLOW_EXITS_AGE0 + AGE_BANDS;
const FLOW_PLACEMENT_MOVES = FLOW_AGED_OUT0 + AGE_BANDS - 1;
const FLOW_CP_ENTRIES = FLOW_PLACEMENT_MOVES + 1;
const FLOW_COUNT = FLOW_CP_ENTRIES + 1;
/** Quantile tables: one per open state, then re-referral's and time to conference's, then each care route's clock. */
const TABLE_RE_REFERRAL = OPEN_STATES;
const TABLE_TO_CONFERENCE = OPEN_STATES + 1;
const TABLE_ROUTE0 = OPEN_STATES + 2;
const TABLE_COUNT = TABLE_ROUTE0 + CARE_ROUTES;
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
    ['ClaAge0', CLASS_CLA_AGE0],
    ['ClaAgeLast', CLASS_AFTER_CARE0 - 1],
    ['AfterCare0', CLASS_AFTER_CARE0],
    ['AfterCareLast', CLASS_COUNT - 1],
  ],
  count: ['Count', CLASS_COUNT],
  what: 'Stock classes: CIN, CP, pre-proceedings, CLA by placement (Cla0 + placement, five), assessment, CLA by age band (ClaAge0 + band, five; the same children as by placement), children after care whose support is paid for (AfterCare0 + kind: special guardianship allowance, adoption allowance, staying put, personal adviser).',
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
    ['CareProceedings', 4],
    ['CareLeavers', FLOW_CARE_LEAVERS],
    ['ClaSpecialGuardianship', FLOW_CARE_LEAVERS + 1],
    ['ClaAdopted', FLOW_CARE_LEAVERS + 2],
    ['ClaOtherExits', FLOW_CARE_LEAVERS + 3],
    ['EntriesAge0', FLOW_ENTRIES_AGE0],
    ['ExitsAge0', FLOW_EXITS_AGE0],
    ['AgedOut0', FLOW_AGED_OUT0],
    ['AgedOutLast', FLOW_PLACEMENT_MOVES - 1],
    ['PlacementMoves', FLOW_PLACEMENT_MOVES],
    ['CpEntries', FLOW_CP_ENTRIES],
  ],
  count: ['Count', FLOW_COUNT],
  what: 'Flow rows: entries to care, exits from care, returns home, referrals (children in the month); care applications issued (families in the month); leaving care at 18, by special guardianship, by adoption, by another route (children); then entries and exits by age band (EntriesAge0 + band, ExitsAge0 + band) and children ageing out of band b into b + 1 in care (AgedOut0 + b, four); changes of placement in care, as DfE counts new placements (children); CP plans starting, from any state (children).',
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
    ['Proceedings', 10],
    ['Age', 11],
    ['Route', 12],
    ['FoundInCare', 13],
    ['Moves', 14],
    ['AfterCare', 15],
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
    ['Onward', 3],
  ],
  what: 'Branch kinds: a step down (takes the freed share), an escalation to CP (relative risk of CP), into care (relative risk of care), a step on the way to care that no effect acts on (the effect on care acts once, where the route enters care).',
};

/** The metric (src/engine/results/metrics.ts) each service row is copied into, in SERVICE_ROWS order. */
export const SERVICE_ROW_METRICS = [
  'fgcJoined',
  'fgcAllocated',
  'fgcHeld',
  'fgcWaiting',
  'fgcLapsed',
  'fgcLongestWaitWeeks',
  'supportJoined',
  'supportAllocated',
  'supportAllocatedChildren',
  'supportOpen',
  'supportWaiting',
  'supportLapsed',
  'supportLongestWaitWeeks',
  'supportCost',
] as const;

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
    ['SupportJoined', 6],
    ['SupportAllocated', 7],
    ['SupportAllocatedChildren', 8],
    ['SupportOpen', 9],
    ['SupportWaiting', 10],
    ['SupportLapsed', 11],
    ['SupportLongestWait', 12],
    ['SupportCost', 13],
  ],
  count: ['Rows', SERVICE_ROW_METRICS.length],
  what: 'Rows of the services\' out block: the FGC\'s families joining, allocated, conferences held, waiting at month end, lapsed, longest wait (weeks); then the caseload service\'s families joining, allocated, children allocated, cases open at month end, waiting at month end, lapsed, longest wait (weeks), its staff\'s cost (£).',
};

/** Quantile tables: one per open state, then these two. */
export const TABLES: CodeSet = {
  enumName: 'QuantileTableIndex',
  prefix: 'TABLE_',
  codes: [
    ['ReReferral', TABLE_RE_REFERRAL],
    ['ToConference', TABLE_TO_CONFERENCE],
    ['Route0', TABLE_ROUTE0],
    ['RouteLast', TABLE_COUNT - 1],
  ],
  count: ['Count', TABLE_COUNT],
  what: 'Quantile tables: open states 0–4 (by state), time to re-referral, time from allocation to conference, then each care route\'s clock (Route0 + route: home, special guardianship, adoption, other).',
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
  ['PRESTART_MAX_MONTHS', 24, 'the longest the service\'s pipeline reaches back before month 0, months (offers are sorted from minus this)'],
  ['OFFER_POINTS', OFFER_POINTS, 'offer points, by the state offered on entering (point = state - 1): CIN, CP, pre-proceedings, care'],
  ['EFFECT_POINTS', EFFECT_POINTS, 'where effects are held: the FGC\'s offer points, then the caseload service\'s at referral (SUPPORT_POINT)'],
  ['SUPPORT_POINT', OFFER_POINTS, 'the effect point of the caseload service (a team like Leeds\'s RES), offered at referral'],
  ['PLACEMENTS', PLACEMENTS, 'placement types in care (src/scenario/schema.ts PLACEMENTS order)'],
  ['LEDGER_WIDTH', LEDGER_WIDTH, 'ledger slots a month: entries, exits and families, LEDGER_STATES each'],
  ['AGE_BANDS', AGE_BANDS, 'DfE\'s age bands: under 1, 1–4, 5–9, 10–15, 16 and over'],
  ['CARE_ROUTES', CARE_ROUTES, 'routes out of care with their own clocks: home, special guardianship, adoption, other (the 18th birthday is not one)'],
  ['LEAVING_CARE_MONTHS', 216, 'the age care ends at, months (the 18th birthday)'],
  ['MAX_CHILDREN', 32, 'the most children a family can have (the schema allows 30)'],
  ['AFTER_CARE_KINDS', AFTER_CARE_KINDS, 'what follows care and is paid for: special guardianship allowance, adoption allowance, staying put, personal adviser'],
];

/**
 * Where each open state's exits lead, in the order of its exit shares (most severe first), and the
 * kind of each: the rows of the module's DEST and KIND arrays (EXIT_SLOTS each, unused slots 0).
 * `key` is the exit's name in the scenario (pathway.<state>.exits.shares).
 */
export const EXITS: { state: string; exits: [key: string, to: string, kind: string][] }[] = [
  { state: 'Assessment', exits: [['cla', 'Cla', 'ToCare'], ['cp', 'Cp', 'ToCp'], ['cin', 'Cin', 'StepDown'], ['noFurtherAction', 'Closed', 'StepDown']] },
  { state: 'Cin', exits: [['cla', 'Cla', 'ToCare'], ['cp', 'Cp', 'ToCp'], ['close', 'Closed', 'StepDown']] },
  { state: 'Cp', exits: [['preProceedings', 'PreProceedings', 'Onward'], ['cin', 'Cin', 'StepDown'], ['close', 'Closed', 'StepDown']] },
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
    ['TIME_IN_CARE', EFFECT_POINTS, 'factor on the time left in care after an FGC, by the offer point it was held at (state - 1) (the caseload service\'s last)'],
    ['TIME_IN_SYSTEM', EFFECT_POINTS, 'factor on the time left in a stay that closes the case after an FGC, by offer point (the caseload service\'s last)'],
    ['FADE_RATE', EFFECT_POINTS, 'the effect\'s fade, per month (ln 2 / half-life), by effect point (the FGC\'s four alike, then the caseload service\'s)'],
    ['RR_CP', EFFECT_POINTS, 'relative risk of escalation to CP after an FGC (per conference held), by offer point (the caseload service\'s last)'],
    ['RR_CARE', EFFECT_POINTS, 'relative risk of entering care after an FGC (per conference held), by offer point (the caseload service\'s last)'],
    ['KINSHIP', EFFECT_POINTS, 'kinship share of care entries after an FGC, by offer point (the caseload service\'s last)'],
    ['RR_PROCEEDINGS', EFFECT_POINTS, 'relative risk of care proceedings after an FGC (per conference held), by offer point (the caseload service\'s last)'],
    ['STEP_DOWN', EFFECT_POINTS, 'of the escalations an FGC avoids, the share that go to the nearest step-down exit (-1: all step-down exits in proportion), by offer point (the caseload service\'s last)'],
    ['HR_HOME', EFFECT_POINTS, 'hazard ratio on returning home from care after an FGC, by offer point (the caseload service\'s last)'],
    ['PROCEEDINGS_PP', 1, 'share of families leaving pre-proceedings with care proceedings issued (those entering care among them)'],
    ['PROCEEDINGS_DIRECT', 1, 'share of care entries by other routes (from an assessment or a CIN plan) with care proceedings'],
    ['PROCEEDINGS_COST', 1, '£ per family of care proceedings'],
    ['ESCALATION_TREND', 1, 'the change in the escalating exits\' shares, per month: ln(1 + trend a year) / 12 (0: none)'],
    ['EXIT_SHARES', OPEN_STATES * EXIT_SLOTS, 'exit shares: OPEN_STATES rows of EXIT_SLOTS, in EXITS order'],
    ['EXIT_COST', EXIT_ROW * EXIT_ROW, '£ per family of leaving a state for another (an enquiry, a conference): EXIT_ROW × EXIT_ROW'],
    ['PLACEMENTS', PLACEMENTS, 'placement shares of care entries, PLACEMENTS order'],
    ['HAS_TABLE', TABLE_COUNT, '1 where quantile table i is given (TABLE_COUNT of them), else 0'],
    ['CONFERENCE_COST', 1, '£ per conference held (per family)'],
    ['PRESTART_SHARE', OPEN_STATES, 'of the entries to each open state, the share that are the event its offer point names (a CIN plan after an assessment, an ICPC after an assessment or from CIN), at steady state'],
    ['PRESTART_WINDOW', 1, 'months before month 0 within which an offer can still be waiting or in preparation at month 0: the longest wait and three mean lead times'],
    ['AGE_MIX', AGE_BANDS, 'shares of children by age band at a family\'s first referral (and in the open states at month 0), AGE_BANDS order'],
    ['CLA_AGE_MIX', AGE_BANDS, 'shares of children in care at month 0 by age band'],
    ['CARE_PER_CHILD', 1, '1: each child in care has its own route clocks and leaves on its 18th birthday (pathway.cla.routes); 0: siblings leave care together by the family\'s stay and exit shares'],
    ['ROUTE_HAZARD', CARE_ROUTES * AGE_BANDS, 'each route\'s hazard multiplier on its clock, by age band at entry to care (route × AGE_BANDS + band; 0: not a route at that age)'],
    ['PLACEMENT_BY_AGE', AGE_BANDS * PLACEMENTS, 'of the children of a family not placed with kin, the shares by placement at entry to care, by age band at entry (band × PLACEMENTS + placement; the kinship slot 0); children on their own clocks only'],
    ['MOVE_RATE', PLACEMENTS * PLACEMENTS, 'changes of placement a child-month from one placement type to another (from × PLACEMENTS + to; the diagonal: a new placement of the same type); children on their own clocks only'],
    ['MOVE_AGE', AGE_BANDS, 'the moves\' multiplier by the child\'s age band at the time'],
    ['AFTER_SHARE', AFTER_CARE_KINDS, 'of the children leaving care by its route, the probability each one\'s support is paid for (special guardianship, adoption; staying put of those leaving foster care at 18; a personal adviser of those leaving at 18)'],
    ['AFTER_UNTIL', AFTER_CARE_KINDS, 'the age it is paid to, months (0: not counted)'],
    ['SUPPORT_ACCEPTANCE', 1, 'probability a family accepts the caseload service when offered at referral; 0 when no arm of the run has the service (no offers are made)'],
    ['RECORD_CARE', 1, '1: each child\'s care (its periods, placements and exits) is told to the host as it is booked (careEvent), to write a simulated council\'s SSDA903 return; 0: not'],
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
    { name: 'SERVICE_DIRECT', perH1: 1, what: '£ of the services (FGC and caseload) by month (also in COST_DIRECT)' },
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
    ['STAY_END', 'f64', 'when the stay the offer is made in ends, months (a referral\'s: its assessment; the caseload service\'s offers only)'],
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
  shift: 7,
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
    ['POINT', 'u8', 'the offer point (state - 1) of the offer it is queued or allocated for'],
    ['FIRST_POINT', 'u8', 'the offer point of its first conference'],
    ['JOINED', 'f64', 'when it joined the queue, months'],
    ['CASE_CLOSES', 'f64', 'when its case closes, months'],
    ['FIRST_CONFERENCE', 'f64', 'its first conference, months'],
    ['SUPPORT_EPISODE', 'i32', 'the episode of the referral it is queued for or allocated the caseload service on (keys its involvement)'],
    ['SUPPORT_STATUS', 'u8', 'the caseload service: none, queued or allocated (cleared)'],
    ['SUPPORT_JOINED', 'f64', 'when it joined the caseload service\'s queue, months'],
    ['SUPPORT_CASE_CLOSES', 'f64', 'when the case it joined the caseload service\'s queue for closes, months'],
  ],
  what: 'A family record',
};

/** Every record layout and every header, in the order the generated files list them. */
export const RECORDS: RecordLayout[] = [CANDIDATE_RECORD, POINT_RECORD, FAMILY_RECORD];
export const HEADERS: HeaderLayout[] = [LIST_HEADER, POINTS_HEADER];

// The module's exports and imports, with their signatures, are in ./layout-signatures.ts (the same table, in two files).
export { EXPORTS, IMPORTS, type Signature, type WasmType } from './layout-signatures';
