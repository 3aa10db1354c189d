// Each child's placements in care and the support paid for after it (issue 26), for children on their own clocks
// (./care). A family placed with kin has all its children with kin at entry (relatives take the sibling group: the FGC
// effect on kinship acts there, on the family); otherwise each child's placement at entry is drawn from its age band's
// mix. In care, a child moves from one placement type to another at a rate a month by type (from → to) times a
// multiplier for its age band at the time: competing exponential clocks, the hazard piecewise constant between its
// birthdays that change band, drawn from the child's own Moves sub-stream from its entry on (the same moves in every
// arm up to its exit). A move from a type to itself is a new placement of the same type (counted, its cost unchanged).
// The cost follows the child: each spell is booked in its placement's stock class.
import { H, constant, constants } from './run';
import {
  AGE_BANDS,
  CLASS_AFTER_CARE0,
  CLASS_CLA0,
  C_AFTER_SHARE,
  C_AFTER_UNTIL,
  C_MOVE_AGE,
  C_MOVE_RATE,
  C_PLACEMENT_BY_AGE,
  C_RECORD_CARE,
  FLOW_PLACEMENT_MOVES,
  MAX_CHILDREN,
  PLACEMENTS,
  PURPOSE_AFTER_CARE,
  PURPOSE_MOVES,
  PURPOSE_PLACEMENT,
} from './layout';
import { flow, stock } from './accumulators';
import { careEvent, hostLog } from './host';
import { pickShare, subStream, uniformOf } from './draws';
import { BAND_START, bandOf } from './age-bands';

/** The kinds of support after care, in AFTER_CARE_KINDS order. */
const AFTER_SPECIAL_GUARDIANSHIP = 0;
const AFTER_ADOPTION = 1;
const AFTER_STAYING_PUT = 2;
const AFTER_ADVISER = 3;
/** Placements from which a care leaver can stay put: kinship, in-house and independent fostering (PLACEMENTS order). */
const LAST_FOSTER_PLACEMENT = 2;

/** Child c's placement at entry to care in age band `band`, its family not placed with kin (the family's draw is counter 1). */
@inline function childPlacement(hash: i32, episode: i32, c: i32, band: i32): i32 {
  const u = uniformOf(subStream(hash, PURPOSE_PLACEMENT, episode), 2 + c);
  return pickShare(constants + (<usize>(C_PLACEMENT_BY_AGE + band * PLACEMENTS) << 3), PLACEMENTS, u);
}

/** Moves a child-month out of placement p (to another carer of its own type too). */
@inline function movesOut(p: i32): f64 {
  let out: f64 = 0;
  for (let j = 0; j < PLACEMENTS; j++) out += constant(C_MOVE_RATE + p * PLACEMENTS + j);
  return out;
}

/** Where a child in placement p moves to at uniform u: each type in proportion to its rate. */
function moveTo(p: i32, u: f64, out: f64): i32 {
  const target = u * out;
  let c: f64 = 0;
  let last = p;
  for (let j = 0; j < PLACEMENTS; j++) {
    const rate = constant(C_MOVE_RATE + p * PLACEMENTS + j);
    if (!(rate > 0)) continue;
    last = j;
    c += rate;
    if (target < c) return j;
  }
  return last;
}

/**
 * The next move of a child in placement p since `from` (months from month 0), born at `birth`, before `exit`:
 * Infinity if none. The hazard is movesOut(p) × the band's multiplier, constant between the birthdays that change
 * band; an exponential variate (from u) is used up across them.
 */
function nextMove(p: i32, from: f64, birth: f64, exit: f64, u: f64): f64 {
  const out = movesOut(p);
  if (!(out > 0)) return Infinity;
  let left = -hostLog(u);
  let at = from;
  let band = bandOf(at - birth);
  for (;;) {
    const edge = band < AGE_BANDS - 1 ? birth + load<f64>(BAND_START + (<usize>(band + 1) << 3)) : Infinity;
    const stop = edge < exit ? edge : exit;
    const hazard = out * constant(C_MOVE_AGE + band);
    if (hazard > 0) {
      if (left < hazard * (stop - at)) return at + left / hazard;
      left -= hazard * (stop - at);
    }
    if (stop >= exit) break;
    at = stop;
    band++;
  }
  return Infinity;
}

/**
 * Books child c's placements over [start, exit) (months from month 0): its placement at entry (`family` 0: with
 * kin, as its family; else drawn for its band at entry), then its moves from `entry` on, each spell in its placement's
 * class and each move in the month it happens (from `start` on). Returns its placement when it leaves care.
 */
export function bookPlacements(acc: usize, hash: i32, episode: i32, c: i32, family: i32, birth: f64, entry: f64, start: f64, exit: f64, sign: f64): i32 {
  const horizon = <f64>H;
  let p = family == 0 ? 0 : childPlacement(hash, episode, c, bandOf(entry - birth));
  const s = subStream(hash, PURPOSE_MOVES, episode * MAX_CHILDREN + c);
  // Told to the host when a simulated council's return is being written (the no-service walk only, sign +1).
  const record = constant(C_RECORD_CARE) != 0 && sign > 0;
  if (record) careEvent(1, hash, episode * MAX_CHILDREN + c, entry, <f64>p, 0);
  let at = entry;
  let k = 0;
  for (;;) {
    const next = nextMove(p, at, birth, exit, uniformOf(s, 2 * k + 1));
    const end = next < exit ? next : exit;
    const from = at > start ? at : start;
    if (end > from && from <= horizon) stock(acc, CLASS_CLA0 + p, 1, from, end, sign);
    // Past the horizon nothing more is booked, and a child leaving then has no support after care booked.
    if (next >= exit || next > horizon) break;
    if (next >= start) flow(acc, FLOW_PLACEMENT_MOVES, 1, next, sign);
    p = moveTo(p, uniformOf(s, 2 * k + 2), movesOut(p));
    if (record) careEvent(1, hash, episode * MAX_CHILDREN + c, next, <f64>p, 0);
    at = next;
    k++;
  }
  return p;
}

/** One kind of support after care for a child who left care at `exit`, born at `birth`: paid with its probability (uniform u), to its age. */
@inline function support(acc: usize, kind: i32, u: f64, birth: f64, exit: f64, sign: f64): void {
  const until = birth + constant(C_AFTER_UNTIL + kind);
  if (u < constant(C_AFTER_SHARE + kind) && until > exit) stock(acc, CLASS_AFTER_CARE0 + kind, 1, exit, until, sign);
}

/**
 * The support paid for after child c (episode `episode`) leaves care at `exit` (within the horizon) by `route` (1:
 * special guardianship, 2: adoption, `eighteen`: its 18th birthday; others none), from its placement when it left
 * (`last`): booked in every arm alike, each kind paid or not by the child's own AfterCare draw (the same in every arm),
 * to the age it is paid to.
 */
export function bookAfterCare(acc: usize, hash: i32, episode: i32, c: i32, route: i32, eighteen: i32, last: i32, birth: f64, exit: f64, sign: f64): void {
  if (route != 1 && route != 2 && route != eighteen) return;
  const s = subStream(hash, PURPOSE_AFTER_CARE, episode * MAX_CHILDREN + c);
  if (route == 1) support(acc, AFTER_SPECIAL_GUARDIANSHIP, uniformOf(s, 1), birth, exit, sign);
  else if (route == 2) support(acc, AFTER_ADOPTION, uniformOf(s, 2), birth, exit, sign);
  else {
    if (last <= LAST_FOSTER_PLACEMENT) support(acc, AFTER_STAYING_PUT, uniformOf(s, 3), birth, exit, sign);
    support(acc, AFTER_ADVISER, uniformOf(s, 4), birth, exit, sign);
  }
}
