// One family's path, event by event to the horizon (what an FGC's effects do to it: ./effects).
import {
  H,
  children,
  conferencePoints,
  conferences,
  constant,
  initialAge,
  initialCount,
  key0,
  tableAt,
} from './run';
import {
  ASSESSMENT,
  CLA,
  CP,
  CIN,
  PRE_PROCEEDINGS,
  CLASS_ASSESSMENT,
  CLASS_CIN,
  CLASS_CLA0,
  CLOSED,
  C_ACCEPTANCE,
  C_SUPPORT_ACCEPTANCE,
  R_STAY_END,
  SUPPORT_POINT,
  C_CARE_PER_CHILD,
  C_CONVERSION,
  C_EXIT_COST,
  C_EXIT_SHARES,
  C_FRONT_DOOR,
  C_HR_HOME,
  C_HAS_TABLE,
  C_PRESTART_SHARE,
  C_PRESTART_WINDOW,
  C_PROCEEDINGS_COST,
  C_RE_REFERRAL_P,
  DEST,
  EXIT_ROW,
  EXIT_SLOTS,
  FLOW_CLA_ENTRIES,
  FLOW_CP_ENTRIES,
  FLOW_CLA_EXITS,
  FLOW_CARE_PROCEEDINGS,
  FLOW_CLA_RETURNS_HOME,
  FLOW_REFERRALS,
  L_LENGTH,
  NOT_ARRIVED,
  OUT,
  PURPOSE_BRANCH,
  PURPOSE_OFFER,
  PURPOSE_PLACEMENT,
  PURPOSE_PROCEEDINGS,
  PURPOSE_RE_REFERRAL,
  PURPOSE_SOJOURN,
  P_LENGTH,
  R_CASE_CLOSE,
  R_FAMILY_RECORD,
  TABLE_RE_REFERRAL,
} from './layout';
import { assignFamilyRecord, candidateAt, pushCandidate, pushPoint } from './lists';
import { cost, familyIn, familyMonths, flow, move, sojourn } from './accumulators';
import { bookCare, careStay, careTogether, enteringCare, familyRoute, freshCare, moveIntoCare, scaleCare } from './care';
import { hazardScaledStay, reReferralStay, sampleStay } from './host';
import { mix32, subStream, uniformOf } from './draws';
import { effectWeight, timeFactor, shortened, branchAt, pickCareRoute, proceedingsIssued, pickPlacement, offeredOn, homeRatioInForce } from './effects';
/** The last conference held before a stay's shortened end: the one saved at the cut, or the last of all if none came after it. */
@inline function lastAtCutOr(cut: i32, lastHeld: f64, lastAtCut: f64): f64 {
  return cut >= 0 ? lastAtCut : lastHeld;
}

// ---- the walk ----

/**
 * Runs family f from `state` entered at t (leaving at `exit`) to the horizon, with FGCs at
 * conferences[0..count), adding its path to the accumulators at `acc` times `sign` (none if acc is
 * 0). With a `candidates` list, appends the offers it would take up; with a `points` list as well,
 * records where the path can be resumed from its first offer on. Returns conferences held.
 */
export function walk(
  f: i32,
  state: i32,
  placement: i32,
  t: f64,
  exit: f64,
  episode: i32,
  caseStart: f64,
  count: i32,
  sign: f64,
  acc: usize,
  withLedger: bool,
  candidates: usize,
  points: usize,
): i32 {
  const horizon = <f64>H;
  const size = <f64>load<u8>(children + f);
  const ledger = acc != 0 && withLedger;
  const hash = mix32(key0 ^ mix32(f));
  // Each child in care on its own clocks (./care), or siblings together by the family's stay (no pathway.cla.routes).
  const perChild = constant(C_CARE_PER_CHILD) != 0;
  const firstCandidate = candidates != 0 ? load<i32>(candidates + L_LENGTH) : 0;
  const firstPoint = points != 0 ? load<i32>(points + P_LENGTH) : 0;
  let held = 0;
  // The last FGC held (-1: none) and its offer point; the caseload service's last taking-on (-1: none). Their effects
  // act together (src/wasm/effects.ts multiplies them); an FGC is offered in a case only until an FGC is held in it.
  let lastHeld: f64 = -1;
  let supportHeld: f64 = -1;
  // The offer point of the last conference held (state - 1): its effects are the ones in force.
  let lastPoint = 0;
  // The stay drawn on entering the current state, before any FGC's effect on time (-1: it began before this walk).
  let entryStay: f64 = -1;
  // The state the family entered its current one from (-1: it was in it before this walk).
  let cameFrom = -1;
  let next = 0;
  let caseFirst = firstCandidate;

  // A family found in an open state at month 0 entered it some time before; if within the window, the offer made then
  // may still be waiting or in preparation at month 0, so the service starts as it was (in the shared pass only).
  if (points != 0 && candidates != 0 && f < initialCount && episode == 0 && t == 0 && state != ASSESSMENT && state != CLOSED) {
    const o = subStream(hash, PURPOSE_OFFER, 0);
    // Its time in the state so far: the other part of the length-biased stay its time left was cut from (the host's).
    const age = load<f64>(initialAge + (<usize>f << 3));
    // Only the entrants by the event the offer point names were offered (C_PRESTART_SHARE of them, at steady state).
    const named = uniformOf(o, 5) < constant(C_PRESTART_SHARE + state);
    if (named && age < constant(C_PRESTART_WINDOW) && uniformOf(o, 2) < constant(C_ACCEPTANCE) && uniformOf(o, 3) < constant(C_CONVERSION)) {
      pushCandidate(candidates, -age, f, state, uniformOf(o, 1), 0);
    }
  }

  for (;;) {
    if (state == CLOSED) {
      // Waiting for a referral at `exit` (first arrival or re-referral): any FGC now is not held.
      while (next < count && load<f64>(conferences + (<usize>next << 3)) < exit) next++;
      const arrived = f < initialCount || t > 0;
      if (ledger) familyIn(acc, arrived ? CLOSED : NOT_ARRIVED, t, exit, sign);
      if (exit > horizon) break;
      t = exit;
      if (acc != 0) {
        flow(acc, FLOW_REFERRALS, size, t, sign);
        cost(acc, size * constant(C_FRONT_DOOR), t, sign);
        if (ledger) move(acc, arrived ? CLOSED : NOT_ARRIVED, ASSESSMENT, size, t, sign);
      }
      caseStart = t;
      caseFirst = candidates != 0 ? load<i32>(candidates + L_LENGTH) : 0;
      cameFrom = CLOSED;
      state = ASSESSMENT;
    } else {
      // Only from a family's first offer on can a stay hold its first FGC: record resume points from there.
      if (points != 0 && candidates != 0 && load<i32>(candidates + L_LENGTH) > firstCandidate) pushPoint(points, t, exit, caseStart, episode, state, placement);
      // In an open state since t, leaving at `exit`. An FGC's effect on time (held before the stay or in it) gives
      // `short`; it applies only to a stay that closes the case (or leaves care), and a re-referral after it comes when
      // it would have: it never brings an escalation forward. The branch is drawn at the stay's own end. A conference
      // at or after the shortened end belongs to the next state: `cut` keeps where the list stood at the first one.
      // In care, an FGC multiplies the hazard of returning home from the conference on (or from entry, for one held
      // before the stay): the stay's own uniform, moved (src/engine/sim/family.ts hazardScaledStay).
      let homeRatio: f64 = 1;
      // The stay began at t, or before month 0 for a family found in care then (its time already spent).
      const began = state == CLA && episode == 0 && f < initialCount ? -load<f64>(initialAge + (<usize>f << 3)) : t;
      const careChildren = perChild && state == CLA;
      let careFrom: f64 = -1;
      let careRatio: f64 = 1;
      if (state == CLA) {
        let i = next;
        while (i < count && load<f64>(conferences + (<usize>i << 3)) < t) i++;
        let from: f64 = -1;
        let ratio: f64 = 1;
        if (i < count && load<f64>(conferences + (<usize>i << 3)) < exit) {
          const c = load<f64>(conferences + (<usize>i << 3));
          const p = <i32>load<u8>(conferencePoints + <usize>i);
          from = c - began;
          // This intervention's ratio, with the other service's in force then (1 without one).
          ratio = constant(C_HR_HOME + p) * (p == SUPPORT_POINT ? homeRatioInForce(lastHeld, lastPoint, -1, c) : homeRatioInForce(-1, 0, supportHeld, c));
        } else if ((lastHeld >= 0 || supportHeld >= 0) && entryStay >= 0) {
          from = 0;
          ratio = homeRatioInForce(lastHeld, lastPoint, supportHeld, t);
        }
        if (perChild) {
          // Each child's clock of returning home moved from the conference on (./care careStay); with no effect, the
          // children drawn on entering (or at month 0) are this stay's.
          const unmoved = !(from >= 0 && ratio != 1);
          careFrom = from;
          careRatio = ratio;
          if (!(freshCare() && unmoved)) exit = careStay(hash, f, <i32>size, episode, began, from, ratio);
        } else if (from >= 0 && ratio != 1) {
          const factor = 1 + constant(C_EXIT_SHARES + CLA * EXIT_SLOTS) * (ratio - 1);
          exit = began + hazardScaledStay(CLA, exit - began, from, factor);
          homeRatio = ratio;
        }
      }
      // A stay whose clock the hazard ratio moved is shortened (by a time-in-care factor) from its moved length.
      const moved = homeRatio != 1 || (perChild && state == CLA);
      const anyHeld = lastHeld >= 0 || supportHeld >= 0;
      let short = entryStay >= 0 && anyHeld ? t + shortened(moved ? exit - t : entryStay, state, t, lastHeld, lastPoint, supportHeld) : exit;
      // Each child's time left takes the same effect as the family's end, step for step (./care scaleCare).
      if (careChildren && entryStay >= 0 && anyHeld) scaleCare(<i32>size, t, shortened(1, state, t, lastHeld, lastPoint, supportHeld));
      let cut = -1;
      let heldAtCut = 0;
      let lastAtCut: f64 = -1;
      let pointAtCut = 0;
      let supportAtCut: f64 = -1;
      while (next < count) {
        const c = load<f64>(conferences + (<usize>next << 3));
        if (!(c < exit)) break;
        if (c < t) {
          next++;
          continue;
        }
        if (cut < 0 && !(c < short)) {
          cut = next;
          heldAtCut = held;
          lastAtCut = lastHeld;
          pointAtCut = lastPoint;
          supportAtCut = supportHeld;
        }
        const p = <i32>load<u8>(conferencePoints + <usize>next);
        next++;
        held++;
        if (p == SUPPORT_POINT) supportHeld = c;
        else {
          lastPoint = p;
          lastHeld = c;
        }
        const factor = timeFactor(state, p);
        if (factor != 1 && c < short) {
          short = c + (short - c) * factor;
          if (careChildren) scaleCare(<i32>size, c, factor);
        }
      }
      const u = uniformOf(subStream(hash, PURPOSE_BRANCH, episode), 1);
      // The stay's end without the effect on time: a re-referral after a shortened stay keeps its own date.
      const due = exit;
      let branch = 0;
      let to = 0;
      // Whether the shortened end is taken: then the conferences at or after it go back to the next state.
      let shortTaken = false;
      if (careChildren) {
        // Every way out of care ends the case: the children's times were shortened with the family's end; a lengthened
        // end is not taken (as for a family), so its children are drawn again as they were.
        shortTaken = short < exit;
        if (!shortTaken && short != exit) exit = careStay(hash, f, <i32>size, episode, began, careFrom, careRatio);
        branch = familyRoute();
        to = <i32>load<u8>(DEST + <usize>(state * EXIT_SLOTS + branch));
      } else if (short < exit) {
        // Would the stay, shortened, close the case? Decided with the conferences held before its shortened end
        // only (one after it cannot cause the closing that ends the stay before it).
        const pointThen = cut >= 0 ? pointAtCut : lastPoint;
        const supportThen = cut >= 0 ? supportAtCut : supportHeld;
        branch = branchAt(state, u, effectWeight(lastAtCutOr(cut, lastHeld, lastAtCut), short, pointThen), pointThen, effectWeight(supportThen, short, SUPPORT_POINT), t);
        to = <i32>load<u8>(DEST + <usize>(state * EXIT_SLOTS + branch));
        shortTaken = to == CLOSED || to == OUT;
      }
      if (shortTaken) {
        exit = short;
        if (cut >= 0) {
          next = cut;
          held = heldAtCut;
          lastHeld = lastAtCut;
          lastPoint = pointAtCut;
          supportHeld = supportAtCut;
        }
      }
      if (exit == due && !careChildren) {
        // The whole stay: its branch with every conference held in it.
        branch = branchAt(state, u, effectWeight(lastHeld, exit, lastPoint), lastPoint, effectWeight(supportHeld, exit, SUPPORT_POINT), t);
        to = <i32>load<u8>(DEST + <usize>(state * EXIT_SLOTS + branch));
      }
      if (homeRatio != 1) {
        branch = pickCareRoute(u, homeRatio);
        to = <i32>load<u8>(DEST + <usize>(state * EXIT_SLOTS + branch));
      }
      if (acc != 0) {
        const k = state == CLA ? CLASS_CLA0 + placement : state == ASSESSMENT ? CLASS_ASSESSMENT : state - CIN + CLASS_CIN;
        if (state == CLA) {
          // Children in care by age band and route (and, each on its own clocks, by placement): ./care.
          if (!perChild) careTogether(hash, f, <i32>size, began, exit, branch);
          bookCare(acc, hash, episode, <i32>size, placement, t, cameFrom >= 0, perChild, ledger, to == CLOSED && uniformOf(subStream(hash, PURPOSE_RE_REFERRAL, episode), 1) < constant(C_RE_REFERRAL_P), sign);
          if (perChild) familyMonths(acc, t, exit, sign);
          else sojourn(acc, k, size, t, exit, sign);
        } else sojourn(acc, k, size, t, exit, sign);
        if (ledger) familyIn(acc, state, t, exit, sign);
      }
      if (exit > horizon) break;

      // Leave by the branch drawn above (an FGC moved its thresholds).
      const from = state;
      // The escalation trend acts on a stay's branch at its entry (an effect that ends it sooner leaves its branch be).
      const entered = t;
      t = exit;
      // A family none of whose children is under 18 by now does not come into care: it leaves the pathway.
      if (perChild && to == CLA && enteringCare(hash, f, <i32>size, t) == 0) to = OUT;
      if (acc != 0) {
        // An enquiry, a conference: per family (a sibling group's).
        const exitCost = constant(C_EXIT_COST + from * EXIT_ROW + to);
        if (exitCost != 0) cost(acc, exitCost, t, sign);
        if (
          (to == CLA || from == PRE_PROCEEDINGS) &&
          proceedingsIssued(from, to, uniformOf(subStream(hash, PURPOSE_PROCEEDINGS, episode), 1), effectWeight(lastHeld, t, lastPoint), lastPoint, effectWeight(supportHeld, t, SUPPORT_POINT), entered)
        ) {
          // One care application for the sibling group (as Cafcass counts them), at its cost.
          cost(acc, constant(C_PROCEEDINGS_COST), t, sign);
          flow(acc, FLOW_CARE_PROCEEDINGS, 1, t, sign);
        }
        // Each child's entry and exit are booked with its stay in care when it has its own clocks.
        if (from == CLA && !perChild) {
          flow(acc, FLOW_CLA_EXITS, size, t, sign);
          if (branch == 0) flow(acc, FLOW_CLA_RETURNS_HOME, size, t, sign);
        }
        if (to == CLA && !perChild) flow(acc, FLOW_CLA_ENTRIES, size, t, sign);
        // A CP plan starting for each child of the family (DfE counts CP plans starting by child).
        if (to == CP) flow(acc, FLOW_CP_ENTRIES, size, t, sign);
      }

      if (to == CLOSED || to == OUT) {
        if (candidates != 0) {
          const n = load<i32>(candidates + L_LENGTH);
          for (let i = caseFirst; i < n; i++) store<f64>(candidateAt(candidates, i), t, R_CASE_CLOSE);
        }
        if (to == CLOSED) {
          const reReferral = subStream(hash, PURPOSE_RE_REFERRAL, episode);
          if (uniformOf(reReferral, 1) < constant(C_RE_REFERRAL_P)) {
            if (ledger && !(perChild && from == CLA)) move(acc, from, CLOSED, size, t, sign);
            state = CLOSED;
            // The re-referral stream's second draw (its first decided whether), from the unshortened end.
            exit = due + (constant(C_HAS_TABLE + TABLE_RE_REFERRAL) != 0 ? tableAt(TABLE_RE_REFERRAL, uniformOf(reReferral, 2)) : reReferralStay(f, episode));
            continue;
          }
        }
        if (ledger) {
          if (!(perChild && from == CLA)) move(acc, from, OUT, size, t, sign);
          familyIn(acc, OUT, t, Infinity, sign);
        }
        break;
      }

      if (ledger) {
        if (perChild && to == CLA) moveIntoCare(acc, from, hash, f, <i32>size, t, sign);
        else move(acc, from, to, size, t, sign);
      }
      cameFrom = from;
      state = to;
    }

    // Enter the open state `state` at t (from a referral or another state): one episode more.
    episode++;
    if (state == CLA) {
      const w = effectWeight(lastHeld, t, lastPoint);
      placement = pickPlacement(uniformOf(subStream(hash, PURPOSE_PLACEMENT, episode), 1), w, lastPoint, effectWeight(supportHeld, t, SUPPORT_POINT));
    }
    const stay =
      perChild && state == CLA
        ? careStay(hash, f, <i32>size, episode, t, -1, 1) - t
        : constant(C_HAS_TABLE + state) != 0
          ? tableAt(state, uniformOf(subStream(hash, PURPOSE_SOJOURN, episode), 1))
          : sampleStay(state, f, episode);
    exit = t + stay;
    entryStay = stay;
    if (candidates != 0 && state == ASSESSMENT && cameFrom == CLOSED && constant(C_SUPPORT_ACCEPTANCE) > 0) {
      // A referral: would this family take up the caseload service (a team like Leeds's RES) offered here? Its own
      // acceptance; eligibility (the covered share of referrals) is each arm's own. An FGC may still be offered later.
      const o = subStream(hash, PURPOSE_OFFER, episode);
      if (uniformOf(o, 2) < constant(C_SUPPORT_ACCEPTANCE)) {
        pushCandidate(candidates, t, f, state, uniformOf(o, 1), episode);
        store<f64>(candidateAt(candidates, load<i32>(candidates + L_LENGTH) - 1), exit, R_STAY_END);
      }
    } else if (candidates != 0 && offeredOn(state, cameFrom) && lastHeld < caseStart) {
      // Would this family take up an FGC offered here? Eligibility is each arm's own share.
      const o = subStream(hash, PURPOSE_OFFER, episode);
      if (uniformOf(o, 2) < constant(C_ACCEPTANCE) && uniformOf(o, 3) < constant(C_CONVERSION)) {
        pushCandidate(candidates, t, f, state, uniformOf(o, 1), episode);
      }
    }
  }
  if (points != 0 && load<i32>(points + P_LENGTH) > firstPoint) {
    // A family that made an offer gets its record, and its offers know it.
    const record = assignFamilyRecord(points, f, firstPoint, load<i32>(points + P_LENGTH));
    const n = load<i32>(candidates + L_LENGTH);
    for (let i = firstCandidate; i < n; i++) store<i32>(candidateAt(candidates, i), record, R_FAMILY_RECORD);
  }
  return held;
}
