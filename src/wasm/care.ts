// Children in care one by one (issue 25): each child's age from its birth, each route out of care on its own clock,
// and the 18th birthday. Siblings enter care together (the family's entry); each leaves by the first of its routes'
// clocks and its 18th birthday, and the family's stay in care ends when its last child leaves.
//
// A route's clock: route r's cause-specific hazard is a_r,band × the hazard of the route's duration distribution D_r
// (its quantile table), a_r,band the multiplier for the child's age band at entry (0: not a route at that age). So its
// latent time has survival S_D^a: drawn as D_r's quantile at 1 − (1 − u)^(1/a). The child leaves by the route whose
// latent time comes first, or at 18. A child found in care at month 0 is one of these stays, length-biased
// (foundInCare below). With every D_r the same and a_r its share, this is the
// one-clock mixture the family walk used (the proportional case); README, "Care per child".
import { H, arrivalTime, constant, constants, initialCount, initialState, key0, tableAt, tables } from './run';
import {
  AGE_BANDS,
  CARE_ROUTES,
  CLA,
  CLASS_CLA0,
  CLASS_CLA_AGE0,
  CLOSED,
  C_AGE_MIX,
  C_CARE_PER_CHILD,
  C_CLA_AGE_MIX,
  C_RECORD_CARE,
  C_ROUTE_HAZARD,
  FLOW_AGED_OUT0,
  FLOW_CARE_LEAVERS,
  FLOW_CLA_ENTRIES,
  FLOW_CLA_EXITS,
  FLOW_CLA_RETURNS_HOME,
  FLOW_ENTRIES_AGE0,
  FLOW_EXITS_AGE0,
  LEAVING_CARE_MONTHS,
  MAX_CHILDREN,
  OUT,
  PURPOSE_AGE,
  PURPOSE_FOUND_IN_CARE,
  PURPOSE_ROUTE,
  QUANTILE_CELLS,
  TABLE_ROUTE0,
  TABLE_SIZE,
} from './layout';
import { flow, move, stock } from './accumulators';
import { careEvent, routeHazardScaled } from './host';
import { unitPower } from './unit-power';
import { mix32, pickShare, subStream, uniformOf } from './draws';
import { BAND_START, bandOf } from './age-bands';
import { bookAfterCare, bookPlacements } from './placements';
export { BAND_START };

/** Route codes beyond the clocks': the 18th birthday, and a child too old to enter care at all. */
export const ROUTE_EIGHTEEN: i32 = CARE_ROUTES;
const ROUTE_NONE: i32 = CARE_ROUTES + 1;

// The family in care now: each child's entry and exit (months from month 0), birth and route. Exported so that a test
// can check they sit below the memory the host allocates from (as the module's other data: no Math tables here, so
// powers come from the host).
export const CHILD_ENTRY = memory.data(8 * MAX_CHILDREN);
export const CHILD_EXIT = memory.data(8 * MAX_CHILDREN);
export const CHILD_BIRTH = memory.data(8 * MAX_CHILDREN);
export const CHILD_ROUTE = memory.data(MAX_CHILDREN);
/** The child being placed: each route's latent time, months from its entry. */
export const LATENT = memory.data(8 * CARE_ROUTES);
/** The child of the family in care that leaves last (-1: none entered). */
export let lastChild: i32 = -1;
/** Whether the scratch holds the stay the walk is about to book (careStay just ran for it, with no FGC effect). */
let fresh = false;

/** Whether the scratch is the stay just drawn (then the walk need not draw it again); reading it clears it. */
export function freshCare(): bool {
  const was = fresh;
  fresh = false;
  return was;
}

/**
 * Child c's birth, months from month 0: its age at its family's first referral (or at month 0, for a family found
 * then; in care, from the month-0 age mix of children in care) from its family's Age sub-stream keyed by the child:
 * the band from the first draw, the age within it from the second, uniformly.
 */
export function birthOf(hash: i32, f: i32, c: i32): f64 {
  const s = subStream(hash, PURPOSE_AGE, c);
  const initial = f < initialCount;
  const inCare = initial && <i32>load<u8>(initialState + f) == CLA;
  // A child found in care with its own clocks: the birth its stay then was drawn with, in every later episode too.
  if (inCare && constant(C_CARE_PER_CHILD) != 0) {
    foundInCare(hash, c, false);
    return load<f64>(CHILD_BIRTH + (<usize>c << 3));
  }
  const mix = inCare ? C_CLA_AGE_MIX : C_AGE_MIX;
  const band = pickShare(constants + (<usize>mix << 3), AGE_BANDS, uniformOf(s, 1));
  const lo = load<f64>(BAND_START + (<usize>band << 3));
  const hi = load<f64>(BAND_START + (<usize>(band + 1) << 3));
  const age = lo + uniformOf(s, 2) * (hi - lo);
  return (initial ? 0 : load<f64>(arrivalTime + (<usize>f << 3))) - age;
}

/** Family f's children under 18 at t: those who come into care with it then. */
export function enteringCare(hash: i32, f: i32, size: i32, t: f64): i32 {
  let entering = 0;
  for (let c = 0; c < size; c++) entering += <i32>(birthOf(hash, f, c) + <f64>LEAVING_CARE_MONTHS > t);
  return entering;
}

/** The ledger's move of family f's children from `from` into care at t: those 18 or over by then leave the pathway. */
export function moveIntoCare(acc: usize, from: i32, hash: i32, f: i32, size: i32, t: f64, sign: f64): void {
  const entering = enteringCare(hash, f, size, t);
  move(acc, from, CLA, <f64>entering, t, sign);
  if (entering < size) move(acc, from, OUT, <f64>(size - entering), t, sign);
}

/** A probability kept strictly inside (0, 1), where every table has a quantile. */
@inline function inside(p: f64): f64 {
  return p < 1e-12 ? 1e-12 : p > 1 - 1e-12 ? 1 - 1e-12 : p;
}

/**
 * Family f's `size` children in care from `began` (months from month 0; before 0 for a family found in care then),
 * episode `episode`: each child's exit and route, into the scratch above; returns the family's exit, its last child's
 * (`began` if none entered). The hazard of returning home is × `ratio` from `from` months after `began` (ratio 1 or
 * from < 0: none), on each child's own clock (the same uniform, moved: monotone).
 */
export function careStay(hash: i32, f: i32, size: i32, episode: i32, began: f64, from: f64, ratio: f64): f64 {
  // Found in care at month 0: each child's entry, age and clocks drawn as the care the model runs would leave them.
  const found = episode == 0 && f < initialCount;
  const s = subStream(hash, PURPOSE_ROUTE, episode);
  let last = began;
  lastChild = -1;
  for (let c = 0; c < size; c++) {
    let birth: f64 = 0;
    let entry: f64 = 0;
    if (found) {
      foundInCare(hash, c, ratio != 1 && from >= 0);
      birth = load<f64>(CHILD_BIRTH + (<usize>c << 3));
      entry = load<f64>(CHILD_ENTRY + (<usize>c << 3));
    } else {
      birth = birthOf(hash, f, c);
      // Siblings enter together; one 18 or over by then does not enter at all.
      entry = began;
      store<f64>(CHILD_ENTRY + (<usize>c << 3), entry);
      store<f64>(CHILD_BIRTH + (<usize>c << 3), birth);
      if (birth + <f64>LEAVING_CARE_MONTHS <= entry) {
        store<f64>(CHILD_EXIT + (<usize>c << 3), entry);
        store<u8>(CHILD_ROUTE + c, ROUTE_NONE);
        continue;
      }
      const band = bandOf(entry - birth);
      // Returning home's clock in full where an FGC's hazard ratio may move it from before the birthday.
      const cap = birth + <f64>LEAVING_CARE_MONTHS - entry;
      const moved = ratio != 1 && from >= 0;
      for (let r = 0; r < CARE_ROUTES; r++) store<f64>(LATENT + (<usize>r << 3), latentTime(r, band, uniformOf(s, c * CARE_ROUTES + r + 1), r == 0 && moved ? Infinity : cap));
    }
    let exit = birth + <f64>LEAVING_CARE_MONTHS;
    let route = ROUTE_EIGHTEEN;
    for (let r = 0; r < CARE_ROUTES; r++) {
      let time = load<f64>(LATENT + (<usize>r << 3));
      // From `from` on (months after the family's entry; this child's own clock started at `entry`).
      if (r == 0 && ratio != 1 && from >= 0 && time < Infinity) time = routeHazardScaled(r, time, from - (entry - began), ratio);
      if (entry + time < exit) {
        exit = entry + time;
        route = r;
      }
    }
    store<f64>(CHILD_EXIT + (<usize>c << 3), exit);
    store<u8>(CHILD_ROUTE + c, <u8>route);
    if (exit > last) {
      last = exit;
      lastChild = c;
    }
  }
  fresh = !(ratio != 1 && from >= 0);
  return last;
}

/**
 * Route r's latent time for a child entering care in age band `band`, months from entry (Infinity: not a route at
 * that age). One at or past `cap` cannot come first (the 18th birthday comes then): where the table would call the
 * host for its last cell's exact quantile, at or past the last interpolated one, Infinity stands in for it.
 */
function latentTime(r: i32, band: i32, u: f64, cap: f64): f64 {
  const a = constant(C_ROUTE_HAZARD + r * AGE_BANDS + band);
  if (!(a > 0)) return Infinity;
  const p = inside(1 - unitPower(1 - u, 1 / a));
  if (p * <f64>QUANTILE_CELLS >= <f64>(QUANTILE_CELLS - 1) && load<f64>(tables + (<usize>((TABLE_ROUTE0 + r) * TABLE_SIZE + QUANTILE_CELLS - 1) << 3)) >= cap) return Infinity;
  return tableAt(TABLE_ROUTE0 + r, p);
}

/** Tries at most, for a child found in care at month 0 (about 5 on average in the shipped scenarios). */
const FOUND_TRIES = 2000;

/**
 * Child c of a family found in care at month 0: its age there from the month-0 age mix (the band from the Age
 * sub-stream's first draw, as birthOf); its age at entry, route clocks and time in care so far as the model's own
 * care would leave a child of that age in care. A stock holds a stay in proportion to its length (length-biased),
 * with the time so far uniform on it; of those, the ones whose age at month 0 falls in the band. So a candidate is an
 * entrant (age at entry from demand.ageMix, each route's latent time, the 18th birthday: its stay), its time so far
 * must lie in I = [0, stay) ∩ [band start − entry age, band end − entry age), and it is accepted with probability
 * |I| / the band's width, its time so far then uniform on I (an entrant too old for the band is passed over
 * before its clocks are drawn). Its entry, birth and latent times go into the scratch; siblings found in care need
 * not have come in together. src/engine/sim/ages.ts repeats it for the tests.
 */
function foundInCare(hash: i32, c: i32, moved: bool): void {
  const band0 = pickShare(constants + (<usize>C_CLA_AGE_MIX << 3), AGE_BANDS, uniformOf(subStream(hash, PURPOSE_AGE, c), 1));
  const lo = load<f64>(BAND_START + (<usize>band0 << 3));
  const hi = load<f64>(BAND_START + (<usize>(band0 + 1) << 3));
  const s = subStream(hash, PURPOSE_FOUND_IN_CARE, c);
  for (let k = 0; k < FOUND_TRIES; k++) {
    const base = k * 8;
    const band = pickShare(constants + (<usize>C_AGE_MIX << 3), AGE_BANDS, uniformOf(s, base + 1));
    const from = load<f64>(BAND_START + (<usize>band << 3));
    const entryAge = from + uniformOf(s, base + 2) * (load<f64>(BAND_START + (<usize>(band + 1) << 3)) - from);
    const last = k == FOUND_TRIES - 1;
    // The widest I can be whatever the clocks: a try that this already turns down needs none of them drawn.
    const widest = hi - entryAge - (lo - entryAge > 0 ? lo - entryAge : 0);
    if ((entryAge >= hi || uniformOf(s, base + 8) * (hi - lo) >= widest) && !last) continue;
    const start = lo - entryAge > 0 ? lo - entryAge : 0;
    const mark = uniformOf(s, base + 8) * (hi - lo);
    let end = hi - entryAge;
    let stay = <f64>LEAVING_CARE_MONTHS - entryAge;
    let r = 0;
    for (; r < CARE_ROUTES; r++) {
      const time = latentTime(r, band, uniformOf(s, base + 3 + r), r == 0 && moved ? Infinity : <f64>LEAVING_CARE_MONTHS - entryAge);
      store<f64>(LATENT + (<usize>r << 3), time);
      if (time < stay) stay = time;
      if (stay < end) end = stay;
      // I only narrows as the clocks come in: once too narrow, the try is turned down without the rest.
      if (!(end - start > 0 && mark < end - start) && !last) break;
    }
    const width = end - start;
    if ((r == CARE_ROUTES && width > 0 && mark < width) || last) {
      // The last try, if it comes to that, keeps its stay whatever the band.
      const spent = width > 0 ? start + uniformOf(s, base + 7) * width : uniformOf(s, base + 7) * stay;
      store<f64>(CHILD_ENTRY + (<usize>c << 3), -spent);
      store<f64>(CHILD_BIRTH + (<usize>c << 3), -(entryAge + spent));
      return;
    }
  }
}

/** careStay for family f under the run's key (tests: each child's exit and route are then in CHILD_EXIT and CHILD_ROUTE). */
export function careStayFor(f: i32, size: i32, episode: i32, began: f64, from: f64, ratio: f64): f64 {
  return careStay(mix32(key0 ^ mix32(f)), f, size, episode, began, from, ratio);
}

/** A family found in care, or in a stay with no per-child clocks: every child leaves at `exit` by `route` (0–3; 3: at 18). */
export function careTogether(hash: i32, f: i32, size: i32, began: f64, exit: f64, route: i32): void {
  lastChild = size - 1;
  for (let c = 0; c < size; c++) {
    const birth = birthOf(hash, f, c);
    store<f64>(CHILD_ENTRY + (<usize>c << 3), birth > began ? birth : began);
    store<f64>(CHILD_BIRTH + (<usize>c << 3), birth);
    store<f64>(CHILD_EXIT + (<usize>c << 3), exit);
    store<u8>(CHILD_ROUTE + c, <u8>(route == CARE_ROUTES - 1 ? ROUTE_EIGHTEEN : route));
  }
}

/** The route the family's stay in care ends by (its last child's): 0–2 as the exit slots, 3 for any other way out. */
export function familyRoute(): i32 {
  if (lastChild < 0) return CARE_ROUTES - 1;
  const r = <i32>load<u8>(CHILD_ROUTE + lastChild);
  return r < CARE_ROUTES - 1 ? r : CARE_ROUTES - 1;
}

/**
 * An FGC's effect on time in care, as the family's stay takes it: each child's time left from `from` × k, the same
 * arithmetic as the family's end (so the last child's is it, bit for bit); a child gone by then is as it was. One due
 * to leave on its 18th birthday and now leaving sooner leaves by another route.
 */
export function scaleCare(size: i32, from: f64, k: f64): void {
  for (let c = 0; c < size; c++) {
    const at = CHILD_EXIT + (<usize>c << 3);
    const e = load<f64>(at);
    if (!(e > from) || <i32>load<u8>(CHILD_ROUTE + c) == ROUTE_NONE) continue;
    const sooner = from + (e - from) * k;
    store<f64>(at, sooner);
    if (sooner < e && <i32>load<u8>(CHILD_ROUTE + c) == ROUTE_EIGHTEEN) store<u8>(CHILD_ROUTE + c, <u8>(CARE_ROUTES - 1));
  }
}

/**
 * Books the family's children in care from t (the stay's start in this walk; 0 for a family found in care): by age
 * band, with ageing from band to band, entries by band if they entered at t (`entered`), exits by band and route, and
 * the support paid for after care. With `perChild`, also each child's placements and moves (episode `episode`, the
 * family's placement `placement`: ./placements), the care entries and exits, returns home and (`ledger`) each child's
 * move out of care (to closed for the last child of a family whose case closes, else out): a family stay books those
 * whole otherwise.
 */
export function bookCare(acc: usize, hash: i32, episode: i32, size: i32, placement: i32, t: f64, entered: bool, perChild: bool, ledger: bool, closes: bool, sign: f64): void {
  const horizon = <f64>H;
  for (let c = 0; c < size; c++) {
    const route = <i32>load<u8>(CHILD_ROUTE + c);
    if (route == ROUTE_NONE) continue;
    const birth = load<f64>(CHILD_BIRTH + (<usize>c << 3));
    const entry = load<f64>(CHILD_ENTRY + (<usize>c << 3));
    const exit = load<f64>(CHILD_EXIT + (<usize>c << 3));
    const start = entry > t ? entry : t;
    if (!(start < exit) || start > horizon) continue;
    // Its placements and moves (./placements); a family stay books the family's one placement itself.
    const last = perChild ? bookPlacements(acc, hash, episode, c, placement, birth, entry, start, exit, sign) : placement;
    // A simulated council's return (the no-service walk, sign +1): the child's period and, within the horizon, its exit.
    const record = constant(C_RECORD_CARE) != 0 && sign > 0;
    if (record) {
      careEvent(0, hash, episode * MAX_CHILDREN + c, entry, birth, <f64>route);
      if (!perChild) careEvent(1, hash, episode * MAX_CHILDREN + c, entry, <f64>placement, 0);
      if (exit <= horizon) careEvent(2, hash, episode * MAX_CHILDREN + c, exit, 0, <f64>route);
    }
    let band = bandOf(start - birth);
    if (entered) {
      flow(acc, FLOW_ENTRIES_AGE0 + band, 1, start, sign);
      if (perChild) flow(acc, FLOW_CLA_ENTRIES, 1, start, sign);
    }
    let from = start;
    for (;;) {
      const edge = band < AGE_BANDS - 1 ? birth + load<f64>(BAND_START + (<usize>(band + 1) << 3)) : Infinity;
      const to = edge < exit ? edge : exit;
      stock(acc, CLASS_CLA_AGE0 + band, 1, from, to, sign);
      if (to >= exit || to > horizon) break;
      flow(acc, FLOW_AGED_OUT0 + band, 1, to, sign);
      from = to;
      band++;
    }
    if (exit > horizon) continue;
    bookAfterCare(acc, hash, episode, c, route, ROUTE_EIGHTEEN, last, birth, exit, sign);
    flow(acc, FLOW_EXITS_AGE0 + band, 1, exit, sign);
    if (route == ROUTE_EIGHTEEN) flow(acc, FLOW_CARE_LEAVERS, 1, exit, sign);
    else if (route > 0) flow(acc, FLOW_CARE_LEAVERS + route, 1, exit, sign);
    if (perChild) {
      flow(acc, FLOW_CLA_EXITS, 1, exit, sign);
      if (route == 0) flow(acc, FLOW_CLA_RETURNS_HOME, 1, exit, sign);
      // A family re-referred after care comes back whole: its children who left care before the last go with it.
      if (ledger) move(acc, CLA, closes ? CLOSED : OUT, 1, exit, sign);
    }
  }
}
