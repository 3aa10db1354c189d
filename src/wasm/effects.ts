// What an FGC's effects do to a family's path: the weight of an effect as it fades, the time it takes off a stay,
// the branch out of a stay and the route out of care it moves, care proceedings, the placement, and where an offer is made.
import { constant, constants } from './run';
import {
  ASSESSMENT,
  BRANCH_ONWARD,
  BRANCH_STEP_DOWN,
  BRANCH_TO_CP,
  CLA,
  CIN,
  CP,
  DEST,
  PRE_PROCEEDINGS,
  C_ESCALATION_TREND,
  C_EXIT_SHARES,
  C_FADE_RATE,
  C_KINSHIP,
  C_PLACEMENTS,
  C_PROCEEDINGS_DIRECT,
  C_PROCEEDINGS_PP,
  C_RR_CARE,
  C_RR_CP,
  C_RR_PROCEEDINGS,
  C_STEP_DOWN,
  C_TIME_IN_CARE,
  C_TIME_IN_SYSTEM,
  C_HR_HOME,
  SUPPORT_POINT,
  EXIT_COUNT,
  EXIT_SLOTS,
  KIND,
  PLACEMENTS,
} from './layout';
import { hostExp } from './host';
import { pickShare } from './draws';

/** The weight at t of the effect of the last intervention held (at lastHeld, at effect point `point`): it fades at that point's rate. */
@inline export function effectWeight(lastHeld: f64, t: f64, point: i32): f64 {
  if (lastHeld < 0) return 0;
  return hostExp(-constant(C_FADE_RATE + point) * (t - lastHeld));
}

/** The factor an FGC held at offer point `point` puts on the time left in state s (1 in assessment). */
@inline export function timeFactor(s: i32, point: i32): f64 {
  return s == CLA ? constant(C_TIME_IN_CARE + point) : s == ASSESSMENT ? 1 : constant(C_TIME_IN_SYSTEM + point);
}

/**
 * A stay's time left d after the last FGC (held at lastHeld, at `point`) and the caseload service's last taking-on
 * (supportHeld; -1: none): each one's factor on time, weighted as it fades, the two multiplied (they act together).
 */
export function shortened(d: f64, s: i32, t: f64, lastHeld: f64, point: i32, supportHeld: f64): f64 {
  const factor = timeFactor(s, point);
  let k: f64 = factor == 1 ? 1 : 1 - (1 - factor) * effectWeight(lastHeld, t, point);
  if (supportHeld >= 0) {
    const own = timeFactor(s, SUPPORT_POINT);
    if (own != 1) k *= 1 - (1 - own) * effectWeight(supportHeld, t, SUPPORT_POINT);
  }
  return k == 1 ? d : d * k;
}

/** The hazard ratio on returning home in force at t: the last FGC's and the caseload service's, each weighted as it fades, multiplied. */
export function homeRatioInForce(lastHeld: f64, point: i32, supportHeld: f64, t: f64): f64 {
  let ratio: f64 = 1;
  if (lastHeld >= 0) ratio = 1 - (1 - constant(C_HR_HOME + point)) * effectWeight(lastHeld, t, point);
  if (supportHeld >= 0) ratio *= 1 - (1 - constant(C_HR_HOME + SUPPORT_POINT)) * effectWeight(supportHeld, t, SUPPORT_POINT);
  return ratio;
}

/** The factor the escalation trend puts on the escalating exits' shares at t (months from month 0): 1 without one. */
@inline export function trendFactor(t: f64): f64 {
  const rate = constant(C_ESCALATION_TREND);
  return rate == 0 ? 1 : hostExp(rate * t);
}

/** Whether exit i of state s escalates, for the trend: into CP, pre-proceedings or care, or from an assessment to a CIN plan. */
@inline function escalates(s: i32, i: i32): bool {
  const at = <usize>(s * EXIT_SLOTS + i);
  return load<u8>(KIND + at) != BRANCH_STEP_DOWN || (s == ASSESSMENT && load<u8>(DEST + at) == CIN);
}

/**
 * The branch out of state s at uniform u for a stay entered at t (months from month 0: the trend is the one at entry,
 * so an effect that ends the stay sooner leaves its branch be) after an FGC held at `point`, its effect weighted w (0: none). The escalation trend first scales the escalating exits' shares (the others take up the
 * difference in proportion); the effect then acts on those shares (pickBranch). Without either it is the plain pick.
 */
export function branchAt(s: i32, u: f64, w: f64, point: i32, ws: f64, t: f64): i32 {
  const g = s == CLA ? 1 : trendFactor(t);
  if (w == 0 && ws == 0 && g == 1) return pickShare(constants + (<usize>(C_EXIT_SHARES + s * EXIT_SLOTS) << 3), <i32>load<u8>(EXIT_COUNT + s), u);
  return pickBranch(s, u, w, point, ws, g);
}

/**
 * The branch out of state s at uniform u after an FGC held at `point`, its effect weighted w (see EXITS' kinds), the
 * escalating shares scaled by the trend's factor g. The share an effect frees from escalating goes to the step-down
 * exits: the offer point's step-down share of it to the nearest (the first step-down exit in the state's order:
 * pre-proceedings → CP plan, assessment → CIN plan), the rest to the further ones (→ CIN plan, → no further action) in
 * proportion; without a step-down share, or where there is one step-down exit, to all of them in proportion to their own shares.
 */
function pickBranch(s: i32, u: f64, w: f64, point: i32, ws: f64, g: f64): i32 {
  const shares = constants + (<usize>(C_EXIT_SHARES + s * EXIT_SLOTS) << 3);
  const n = <i32>load<u8>(EXIT_COUNT + s);
  // The shares at t: the escalating ones × g (at most all of them), the others scaled to make up 1.
  let up: f64 = 1;
  let down: f64 = 1;
  if (g != 1) {
    let e: f64 = 0;
    for (let i = 0; i < n; i++) if (escalates(s, i)) e += load<f64>(shares + (<usize>i << 3));
    if (e > 0 && e < 1) {
      up = Math.min(g, 1 / e);
      down = (1 - e * up) / (1 - e);
    }
  }
  const kinds = KIND + <usize>(s * EXIT_SLOTS);
  let a0: f64 = 0, a1: f64 = 0, a2: f64 = 0, a3: f64 = 0;
  let freed: f64 = 0;
  // The nearest step-down exit (the first), and the others' shares together.
  let nearest = -1;
  let toNearest: f64 = 0;
  let toFurther: f64 = 0;
  for (let i = 0; i < n; i++) {
    const base = load<f64>(shares + (<usize>i << 3)) * (escalates(s, i) ? up : down);
    const kind = load<u8>(kinds + i);
    let adjusted: f64;
    if (kind == BRANCH_STEP_DOWN) {
      adjusted = base;
      if (nearest < 0) {
        nearest = i;
        toNearest = base;
      } else toFurther += base;
    } else if (kind == BRANCH_ONWARD || (w == 0 && ws == 0)) {
      adjusted = base;
    } else {
      // The FGC's relative risk and the caseload service's, each weighted as it fades, multiplied (they act together).
      const rr = kind == BRANCH_TO_CP ? constant(C_RR_CP + point) : constant(C_RR_CARE + point);
      let m: f64 = 1 - (1 - rr) * w;
      if (ws != 0) m *= 1 - (1 - (kind == BRANCH_TO_CP ? constant(C_RR_CP + SUPPORT_POINT) : constant(C_RR_CARE + SUPPORT_POINT))) * ws;
      adjusted = Math.min(1, base * m);
      freed += base - adjusted;
    }
    if (i == 0) a0 = adjusted;
    else if (i == 1) a1 = adjusted;
    else if (i == 2) a2 = adjusted;
    else a3 = adjusted;
  }
  // Where the freed share goes: the FGC's step-down share when an FGC's effect is in force, else the caseload service's.
  const split = constant(C_STEP_DOWN + (w > 0 ? point : SUPPORT_POINT));
  let nearScale: f64 = 1;
  let furtherScale: f64 = 1;
  if (freed == 0) {
    // Nothing freed: the shares stand.
  } else if (split >= 0 && toNearest > 0 && toFurther > 0) {
    nearScale = Math.max(0, 1 + (freed * split) / toNearest);
    furtherScale = Math.max(0, 1 + (freed * (1 - split)) / toFurther);
  } else if (toNearest + toFurther > 0) {
    nearScale = Math.max(0, 1 + freed / (toNearest + toFurther));
    furtherScale = nearScale;
  }
  if (load<u8>(kinds) == BRANCH_STEP_DOWN) a0 *= nearest == 0 ? nearScale : furtherScale;
  if (load<u8>(kinds, 1) == BRANCH_STEP_DOWN) a1 *= nearest == 1 ? nearScale : furtherScale;
  if (n > 2 && load<u8>(kinds, 2) == BRANCH_STEP_DOWN) a2 *= nearest == 2 ? nearScale : furtherScale;
  if (n > 3 && load<u8>(kinds, 3) == BRANCH_STEP_DOWN) a3 *= nearest == 3 ? nearScale : furtherScale;
  let total: f64 = a0 + a1;
  if (n > 2) total += a2;
  if (n > 3) total += a3;
  const target = u * total;
  let c = a0;
  if (target < c) return 0;
  if (n - 1 == 1) return 1;
  c += a1;
  if (target < c) return 1;
  if (n - 1 == 2) return 2;
  c += a2;
  if (target < c) return 2;
  return 3;
}

/**
 * The route out of care at uniform u when an FGC multiplied the hazard of returning home (the first route) by
 * `ratio`: the cause-specific hazards are the routes' shares of one hazard, so returning home takes
 * share × ratio / (1 + share × (ratio - 1)) and the other routes keep their proportions (monotone in u).
 */
export function pickCareRoute(u: f64, ratio: f64): i32 {
  const shares = constants + (<usize>(C_EXIT_SHARES + CLA * EXIT_SLOTS) << 3);
  const n = <i32>load<u8>(EXIT_COUNT + CLA);
  const home = load<f64>(shares);
  const homeNow = (home * ratio) / (1 + home * (ratio - 1));
  if (u < homeNow) return 0;
  const i = pickShare(shares, n, home + ((u - homeNow) / (1 - homeNow)) * (1 - home));
  return i > 0 ? i : 1;
}

/**
 * Whether leaving `from` for `to` at t brings care proceedings, at the proceedings stream's uniform u. Every care
 * entry from pre-proceedings does; of the other families leaving pre-proceedings, those the share with proceedings
 * leaves beyond the care entries; of care entries by other routes (from an assessment or a CIN plan), the direct-entry share. After an FGC (weight w,
 * at `point`) the share with proceedings is multiplied by the relative risk of proceedings once, on any route:
 * from pre-proceedings it falls from p to p × RR (never below the care entries, themselves × RR of care); on a
 * direct entry, whose chance the RR of care has already cut, the share is × RR of proceedings / RR of care.
 */
export function proceedingsIssued(from: i32, to: i32, u: f64, w: f64, point: i32, ws: f64, t: f64): bool {
  let rrProceedings: f64 = 1;
  let rrCare: f64 = 1;
  if (w > 0) {
    rrProceedings = 1 - (1 - constant(C_RR_PROCEEDINGS + point)) * w;
    rrCare = 1 - (1 - constant(C_RR_CARE + point)) * w;
  }
  if (ws > 0) {
    rrProceedings *= 1 - (1 - constant(C_RR_PROCEEDINGS + SUPPORT_POINT)) * ws;
    rrCare *= 1 - (1 - constant(C_RR_CARE + SUPPORT_POINT)) * ws;
  }
  if (from == PRE_PROCEEDINGS) {
    if (to == CLA) return true;
    // The care share at t (the escalation trend scales it, as in branchAt), then × RR of care.
    const base = constant(C_EXIT_SHARES + PRE_PROCEEDINGS * EXIT_SLOTS);
    const care = Math.min(1, Math.min(base * trendFactor(t), 1) * rrCare);
    if (!(care < 1)) return false;
    const q = (constant(C_PROCEEDINGS_PP) * rrProceedings - care) / (1 - care);
    return u < q;
  }
  let direct = constant(C_PROCEEDINGS_DIRECT);
  if ((w > 0 || ws > 0) && rrCare > 0) direct = Math.min(1, (direct * rrProceedings) / rrCare);
  return u < direct;
}

/** The placement at uniform u after the last FGC (weight w, at `point`) and the caseload service (weight ws): the larger of their kinship shares in force. */
export function pickPlacement(u: f64, w: f64, point: i32, ws: f64): i32 {
  const shares = constants + (<usize>C_PLACEMENTS << 3);
  const base = load<f64>(shares);
  const target = constant(C_KINSHIP + point);
  const own = constant(C_KINSHIP + SUPPORT_POINT);
  const gain = Math.max(w > 0 && target > base ? (target - base) * w : 0, ws > 0 && own > base ? (own - base) * ws : 0);
  if (gain == 0) return pickShare(shares, PLACEMENTS, u);
  const kin = base + gain;
  if (u < kin) return 0;
  const v = base + ((u - kin) / (1 - kin)) * (1 - base);
  const i = pickShare(shares, PLACEMENTS, v);
  return i > 1 ? i : 1;
}

/**
 * Whether entering `state` from `from` is the event its offer point names: a CIN plan starting after an assessment
 * (not a step down from CP or pre-proceedings); an initial child protection conference, after an assessment or from a
 * CIN plan (not a return to CP from pre-proceedings); pre-proceedings; entering care.
 */
@inline export function offeredOn(state: i32, from: i32): bool {
  if (state == CIN) return from == ASSESSMENT;
  if (state == CP) return from == ASSESSMENT || from == CIN;
  return state == PRE_PROCEEDINGS || state == CLA;
}
