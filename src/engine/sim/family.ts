// One family's whole path through the pathway, from its own keyed draws and the times of any FGCs it is given.
import type { Accumulators } from './accumulators';
import type { CandidateList } from './candidates';
import { Pathway, type MemoryViews, type PathwayHost } from './wasm/pathway';
import { QuantileTable } from '../random/quantile-table';
import { KeyedStream } from '../random/rng';
import { steadyState } from './steady-state';
import type { ResumePoints } from './resume-points';
import type { RunContext } from './run-context';
import type { Sojourn } from './sojourn';
import type { PointEffects } from './params';
import {
  C_ACCEPTANCE,
  C_AGE_MIX,
  C_CARE_PER_CHILD,
  C_CLA_AGE_MIX,
  C_CONFERENCE_COST,
  C_ROUTE_HAZARD,
  C_PLACEMENT_BY_AGE,
  C_MOVE_RATE,
  C_MOVE_AGE,
  C_AFTER_SHARE,
  C_AFTER_UNTIL,
  C_RECORD_CARE,
  C_CONVERSION,
  C_EXIT_COST,
  C_EXIT_SHARES,
  C_FADE_RATE,
  C_FRONT_DOOR,
  C_HAS_TABLE,
  C_HR_HOME,
  C_KINSHIP,
  C_PRESTART_SHARE,
  C_PRESTART_WINDOW,
  C_PLACEMENTS,
  C_PROCEEDINGS_COST,
  C_ESCALATION_TREND,
  C_PROCEEDINGS_DIRECT,
  C_PROCEEDINGS_PP,
  C_RE_REFERRAL_P,
  C_RR_CARE,
  C_RR_CP,
  C_RR_PROCEEDINGS,
  C_STEP_DOWN,
  C_TIME_IN_CARE,
  C_TIME_IN_SYSTEM,
  CONSTANTS,
  EXIT_COUNT,
  EXIT_ROW,
  EXIT_SLOTS,
  OFFER_POINTS,
  EFFECT_POINTS,
  SUPPORT_POINT,
  C_SUPPORT_ACCEPTANCE,
  PRESTART_MAX_MONTHS,
  Purpose,
  State,
  TABLE_COUNT,
  TABLE_SIZE,
} from './wasm/layout';

const NONE = new Float64Array(0);
/** Effects that change nothing (an effect point with no service). */
const NO_EFFECT: PointEffects = { rrEscalationToCp: 1, rrEntryToCare: 1, rrCareProceedings: 1, stepDownShare: undefined, hrReturnHome: 1, timeInSystemFactor: 1, timeInCareFactor: 1, kinshipShareOfCareEntries: 0 };
/** Conference times one walk can be given before the scratch grows. */
const CONFERENCE_SLOTS = 256;

/**
 * Simulates single families. A family's path is a pure function of (run key, family id, its FGC
 * times): an FGC changes only that family's later draws' meaning, never another family's draws.
 * So arms share every family their service never touches, and a touched family can be taken out
 * of an arm (sign -1) and put back with its new path (sign +1).
 *
 * The walk runs in WebAssembly (src/wasm/walk.ts, the same arithmetic in the same order): this
 * class lays the run's families, shares, costs and quantile tables out in the pathway memory, and
 * answers the module's calls back (sojourns with no quantile table).
 */
/** Told each child's care as the walk books it: kind 0 a period (t entry, a birth, b route), 1 a placement from t (a the placement), 2 the exit at t (b route); months from month 0. */
export type CareRecorder = (kind: number, family: number, child: number, t: number, a: number, b: number) => void;

export class FamilySimulator implements PathwayHost, MemoryViews {
  private readonly pathway: Pathway;
  private readonly generation: number;
  private readonly stream: KeyedStream;
  private readonly sojourns: readonly Sojourn[];
  /** Open states' quantile tables, then re-referral's and time to conference's (undefined: sampled by the host). */
  private readonly tables: readonly (QuantileTable | undefined)[];
  /** Addresses of the run's columns, constants and tables in the pathway memory (setRun's order). */
  private readonly layout: number[];
  private conferencesAt = 0;
  /** Each conference's offer point (u8, point = state offered on - 1), beside the times, for walks the host asks for. */
  private pointsAt = 0;
  /** Each initial family's time already spent in its state (f64), for the service's pipeline at month 0. */
  private initialAgeAt = 0;
  private conferenceSlots = 0;
  private heap!: Float64Array;
  /** Where the run's constants are in the pathway memory (RECORD_CARE is switched there). */
  private readonly constantsAt: number;
  /** Told each child's care as the walk books it, while a simulated council's return is written (simulateAllRecorded). */
  private recorder: CareRecorder | null = null;

  /** `offersSupport`: some arm of the run has the caseload service, so referrals make offers of it. */
  constructor(
    private readonly ctx: RunContext,
    offersSupport = false,
  ) {
    const p = ctx.params;
    this.pathway = Pathway.get();
    this.generation = this.pathway.begin(this);
    this.stream = new KeyedStream(ctx.key0, ctx.key1);
    const d = p.durations;
    this.sojourns = [d.assessment, d.cin, d.cp, d.preProceedings, d.cla];
    // Written out, not spread from a map: V8 threw away this constructor's optimised code on the spread array's map, once per worker.
    // Each care route's clock is always a table (src/wasm/care.ts inverts it too): a sojourn with none gets one of its quantiles.
    const routes = p.care.routes ?? [];
    const routeTable = (i: number) => (routes[i] ? (routes[i].table ?? QuantileTable.of((u) => routes[i]!.quantile(u))) : undefined);
    this.tables = [d.assessment.table, d.cin.table, d.cp.table, d.preProceedings.table, d.cla.table, d.reReferral.table, d.toConference.table, routeTable(0), routeTable(1), routeTable(2), routeTable(3)];

    const e = p.exits;
    const exits = [e.assessment, e.cin, e.cp, e.preProceedings, e.cla];
    const c = p.costs;
    // The walk's constants block: each slot where the layout table puts it (src/wasm/layout-table.ts).
    const constants = new Float64Array(CONSTANTS);
    constants[C_FRONT_DOOR] = c.referral + c.assessment;
    constants[C_RE_REFERRAL_P] = p.reReferralProbability;
    constants[C_ACCEPTANCE] = p.fgc.acceptance;
    constants[C_CONVERSION] = p.fgc.conversion;
    for (let point = 0; point < OFFER_POINTS; point++) constants[C_FADE_RATE + point] = Math.LN2 / p.fgc.fadeHalfLifeMonths;
    // The caseload service beside the FGC: offered at referral only when an arm of the run has it (else no offers are made).
    const support = p.support;
    constants[C_SUPPORT_ACCEPTANCE] = support && offersSupport ? support.acceptance : 0;
    constants[C_FADE_RATE + SUPPORT_POINT] = support ? Math.LN2 / support.fadeHalfLifeMonths : 0;
    // Of each state's entries, the share that are the event its offer point names (the pipeline's families at month 0
    // are a state's recent entrants, of whom only those were offered), from the pathway's steady-state visits.
    const visits = steadyState(p, 1).visits;
    const ex = p.exits;
    constants[C_PRESTART_SHARE + State.Cin] = visits.cin > 0 ? ex.assessment[2]! / visits.cin : 0;
    constants[C_PRESTART_SHARE + State.Cp] = visits.cp > 0 ? (ex.assessment[1]! + visits.cin * ex.cin[1]!) / visits.cp : 0;
    constants[C_PRESTART_SHARE + State.PreProceedings] = 1;
    constants[C_PRESTART_SHARE + State.Cla] = 1;
    constants[C_PRESTART_WINDOW] = Math.min(PRESTART_MAX_MONTHS, p.fgc.maxWaitMonths + 3 * d.toConference.meanMonths);
    // Each offer point's effects (per conference held), in OFFER_POINTS order (point = the state offered on - 1).
    for (let point = 0; point < EFFECT_POINTS; point++) {
      // The FGC's offer points, then the caseload service's (no effect without one: it is never held).
      const e = point < OFFER_POINTS ? p.fgc.effects[point]! : (support?.effects ?? NO_EFFECT);
      constants[C_TIME_IN_CARE + point] = e.timeInCareFactor;
      constants[C_TIME_IN_SYSTEM + point] = e.timeInSystemFactor;
      constants[C_RR_CP + point] = e.rrEscalationToCp;
      constants[C_RR_CARE + point] = e.rrEntryToCare;
      constants[C_KINSHIP + point] = e.kinshipShareOfCareEntries;
      constants[C_RR_PROCEEDINGS + point] = e.rrCareProceedings;
      constants[C_STEP_DOWN + point] = e.stepDownShare ?? -1;
      constants[C_HR_HOME + point] = e.hrReturnHome;
    }
    for (let s = 0; s < exits.length; s++) {
      const shares = exits[s]!;
      if (shares.length !== EXIT_COUNT[s]) throw new Error(`exit shares of state ${s}: expected ${EXIT_COUNT[s]}, got ${shares.length}`);
      constants.set(shares, C_EXIT_SHARES + EXIT_SLOTS * s);
    }
    // Care proceedings (per family): on every care entry from pre-proceedings and this share of the other families
    // leaving it; on this share of care entries by other routes.
    constants[C_PROCEEDINGS_PP] = p.proceedings.preProceedings;
    constants[C_PROCEEDINGS_DIRECT] = p.proceedings.directEntries;
    constants[C_PROCEEDINGS_COST] = c.careProceedings;
    // The escalating exits' shares × (1 + trend)^(t / 12) at t months from month 0 (src/wasm/effects.ts branchAt).
    constants[C_ESCALATION_TREND] = Math.log1p(p.escalationTrendPerYear) / 12;
    // £ per family of leaving `from` for `to` (filled for every pair; the walk only makes the pathway's moves).
    for (let from = State.Assessment; from <= State.Cla; from++) {
      for (let to = State.Assessment; to <= State.Out; to++) {
        let cost = 0;
        if (from === State.Cp) cost += c.reviewConference;
        if (to === State.Cp && (from === State.Assessment || from === State.Cin)) cost += c.s47 + c.icpc;
        constants[C_EXIT_COST + from * EXIT_ROW + to] = cost;
      }
    }
    constants.set(p.placements, C_PLACEMENTS);
    for (let i = 0; i < TABLE_COUNT; i++) constants[C_HAS_TABLE + i] = this.tables[i] ? 1 : 0;
    constants[C_CONFERENCE_COST] = c.fgcConference;
    // Children in care: ages, and each route's clock when each child has its own (src/wasm/care.ts).
    constants[C_CARE_PER_CHILD] = p.care.routes ? 1 : 0;
    constants.set(p.care.ageMix, C_AGE_MIX);
    constants.set(p.care.claAgeMix, C_CLA_AGE_MIX);
    constants.set(p.care.routeHazard, C_ROUTE_HAZARD);
    // Each child's placements and the support paid for after care (src/wasm/placements.ts).
    constants.set(p.placement.byAge, C_PLACEMENT_BY_AGE);
    constants.set(p.placement.moveRate, C_MOVE_RATE);
    constants.set(p.placement.moveAge, C_MOVE_AGE);
    constants.set(p.placement.afterShare, C_AFTER_SHARE);
    constants.set(p.placement.afterUntilMonths, C_AFTER_UNTIL);

    // The run's columns, constants and tables in the pathway memory.
    const n = ctx.totalFamilies;
    const n0 = ctx.initialCount;
    const mem = this.pathway;
    const children = mem.allocate(n, false);
    const initialState = mem.allocate(n0, false);
    const initialPlacement = mem.allocate(n0, false);
    const initialExit = mem.allocate(8 * n0, false);
    this.initialAgeAt = mem.allocate(8 * n0, false);
    const arrivalTime = mem.allocate(8 * n, false);
    const constantsAt = mem.allocate(8 * CONSTANTS, false);
    const tablesAt = mem.allocate(8 * TABLE_COUNT * TABLE_SIZE, false);
    this.conferenceSlots = CONFERENCE_SLOTS;
    this.conferencesAt = mem.allocate(8 * CONFERENCE_SLOTS, false);
    this.pointsAt = mem.allocate(CONFERENCE_SLOTS, false);
    const buffer = mem.buffer;
    new Uint8Array(buffer, children, n).set(ctx.children.subarray(0, n));
    new Uint8Array(buffer, initialState, n0).set(ctx.initialState.subarray(0, n0));
    new Uint8Array(buffer, initialPlacement, n0).set(ctx.initialPlacement.subarray(0, n0));
    new Float64Array(buffer, initialExit, n0).set(ctx.initialExit.subarray(0, n0));
    new Float64Array(buffer, this.initialAgeAt, n0).set(ctx.initialAge.subarray(0, n0));
    new Float64Array(buffer, arrivalTime, n).set(ctx.arrivalTime.subarray(0, n));
    new Float64Array(buffer, constantsAt, CONSTANTS).set(constants);
    for (let i = 0; i < TABLE_COUNT; i++) {
      const t = this.tables[i];
      if (!t) continue;
      const cells = t.cells();
      if (cells.length !== TABLE_SIZE) throw new Error(`quantile table ${i}: ${cells.length} quantiles, the walk reads ${TABLE_SIZE}`);
      new Float64Array(buffer, tablesAt + 8 * i * TABLE_SIZE, TABLE_SIZE).set(cells);
    }
    mem.track(this);
    this.constantsAt = constantsAt;
    this.layout = [children, initialState, initialPlacement, initialExit, arrivalTime, constantsAt, tablesAt];
    this.setRun();
  }

  /** Tells the walk where this run's columns, constants, tables and conference times are. */
  private setRun(): void {
    const ctx = this.ctx;
    const [children, initialState, initialPlacement, initialExit, arrivalTime, constants, tables] = this.layout as [number, number, number, number, number, number, number];
    this.pathway.exports.setRun(ctx.horizonMonths, ctx.key0, ctx.key1, ctx.initialCount, children, initialState, initialPlacement, initialExit, arrivalTime, constants, tables, this.conferencesAt);
    this.pathway.exports.setInitialAge(this.initialAgeAt);
  }

  bind(buffer: ArrayBuffer): void {
    this.heap = new Float64Array(buffer);
  }

  /** The shared pass: every family without an FGC, added to `acc`, with the offers and resume points it makes. */
  /** simulateAll with each child's care told to `recorder` as it is booked (the no-service walk: the counterfactual's care when it has no service). */
  simulateAllRecorded(acc: Accumulators, recorder: CareRecorder): void {
    const flag = () => new Float64Array(this.pathway.buffer, this.constantsAt + 8 * C_RECORD_CARE, 1);
    this.recorder = recorder;
    flag()[0] = 1;
    try {
      this.simulateAll(acc, null, null);
    } finally {
      flag()[0] = 0;
      this.recorder = null;
    }
  }

  careEvent(kind: number, family: number, child: number, t: number, a: number, b: number): void {
    this.recorder?.(kind, family, child, t, a, b);
  }

  simulateAll(acc: Accumulators, candidates: CandidateList | null, points: ResumePoints | null): void {
    this.prepare(NONE, 0);
    this.pathway.exports.simulateAll(this.ctx.totalFamilies, acc.offset, acc.withLedger ? 1 : 0, candidates ? candidates.at : 0, points && candidates ? points.at : 0);
  }

  /**
   * Runs family f to the horizon with FGCs at `conferences[0..count)` (ascending; one that falls
   * while the case is closed is not held). Adds the path to `acc` times `sign` (none if acc is
   * null), and appends the offers it would take up to `candidates`; if `points` is given (with
   * `candidates`), records where the path can be resumed from its first offer on. Returns conferences held.
   */
  simulate(f: number, conferences: Float64Array, count: number, sign: number, acc: Accumulators | null, candidates: CandidateList | null, points: ResumePoints | null = null, offerPoints?: Uint8Array): number {
    this.prepare(conferences, count, offerPoints);
    const ledger = acc !== null && acc.withLedger ? 1 : 0;
    return this.pathway.exports.simulate(f, count, sign, acc ? acc.offset : 0, ledger, candidates ? candidates.at : 0, points && candidates ? points.at : 0);
  }

  /**
   * Runs family f's no-FGC path from resume point i (see ResumePoints) to the horizon with FGCs at
   * `conferences[0..count)`, none before the point's entry time: the same as simulate() from there on.
   */
  resume(f: number, points: ResumePoints, i: number, conferences: Float64Array, count: number, sign: number, acc: Accumulators | null, candidates: CandidateList | null, offerPoints?: Uint8Array): number {
    this.prepare(conferences, count, offerPoints);
    const ledger = acc !== null && acc.withLedger ? 1 : 0;
    return this.pathway.exports.resume(f, points.at, i, count, sign, acc ? acc.offset : 0, ledger, candidates ? candidates.at : 0);
  }

  /** Throws unless this simulator's run still holds the pathway memory. */
  check(): void {
    this.pathway.check(this.generation, 'a family simulator');
  }

  /** Hands the walk its conference times and their offer points (each the CIN plan's, point 0, unless given). */
  private prepare(conferences: Float64Array, count: number, offerPoints?: Uint8Array): void {
    const mem = this.pathway;
    mem.check(this.generation, 'a family simulator');
    if (count > this.conferenceSlots) {
      this.conferenceSlots = Math.max(count, 2 * this.conferenceSlots);
      this.conferencesAt = mem.allocate(8 * this.conferenceSlots, false);
      this.pointsAt = mem.allocate(this.conferenceSlots, false);
      this.setRun();
    }
    if (count > 0) {
      this.heap.set(conferences.subarray(0, count), this.conferencesAt / 8);
      const points = new Uint8Array(mem.buffer, this.pointsAt, count);
      if (offerPoints) points.set(offerPoints.subarray(0, count));
      else points.fill(0);
      this.pathway.exports.setConferencePoints(this.pointsAt);
    }
  }

  // ---- the walk's calls back ----

  /** A fresh stay in s, months, for the samplers that take several draws (gamma, empirical). */
  sampleStay(s: number, f: number, episode: number): number {
    return this.sojourns[s]!.sample(this.stream.at(f, Purpose.Sojourn, episode));
  }

  /** A stay in state s of `stay` months, its hazard × factor from `from` months into it (Sojourn.hazardScaled). */
  hazardScaledStay(s: number, stay: number, from: number, factor: number): number {
    return this.sojourns[s]!.hazardScaled(stay, from, factor);
  }

  /** A care route's latent time, its hazard × factor from `from` months on (Sojourn.hazardScaled). */
  routeHazardScaled(route: number, stay: number, from: number, factor: number): number {
    return this.ctx.params.care.routes![route]!.hazardScaled(stay, from, factor);
  }

  exactQuantile(table: number, u: number): number {
    return this.tables[table]!.at(u);
  }

  /** Time to re-referral, months: the re-referral stream's second draw on (its first decided whether). */
  reReferralStay(f: number, episode: number): number {
    return this.ctx.params.durations.reReferral.sample(this.stream.at(f, Purpose.ReReferral, episode).skip(1));
  }

  /** Months from allocation to conference, for a time to conference with no quantile table. */
  leadTime(f: number, episode: number): number {
    return this.ctx.params.durations.toConference.sample(this.stream.at(f, Purpose.LeadTime, episode));
  }
}
