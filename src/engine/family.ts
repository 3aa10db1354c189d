// One family's whole path through the pathway, from its own keyed draws and the times of any FGCs it is given.
import { StockClass, type Accumulators } from './accumulators';
import type { CandidateList } from './candidates';
import { NOT_ARRIVED } from './ledger';
import type { RunParameters } from './params';
import { familyHash, KeyedStream, Purpose, subStream, uniformOf } from './rng';
import type { ResumePoints } from './resume-points';
import type { RunContext } from './run-context';
import { pickShare } from './run-context';
import type { QuantileTable } from './quantile-table';
import type { Sojourn } from './sojourn';
import { State } from './states';

/** Branch kinds an FGC acts on: escalation to CP or to care is made rarer; the freed share steps down. */
const enum Branch {
  StepDown = 0,
  ToCp = 1,
  ToCare = 2,
}

// Exit destinations and branch kinds per open state, most severe first (see RunParameters.exits).
const DEST: readonly (readonly State[])[] = [
  [State.Cla, State.Cp, State.Cin, State.Closed], // assessment
  [State.Cla, State.Cp, State.Closed], // CIN
  [State.PreProceedings, State.Cin, State.Closed], // CP
  [State.Cla, State.Cp, State.Cin], // pre-proceedings
  [State.Closed, State.Out, State.Out, State.Out], // CLA: home, SGO, adoption, 18
];
const KIND: readonly Uint8Array[] = [
  Uint8Array.of(Branch.ToCare, Branch.ToCp, Branch.StepDown, Branch.StepDown),
  Uint8Array.of(Branch.ToCare, Branch.ToCp, Branch.StepDown),
  Uint8Array.of(Branch.ToCare, Branch.StepDown, Branch.StepDown),
  Uint8Array.of(Branch.ToCare, Branch.StepDown, Branch.StepDown),
  Uint8Array.of(Branch.StepDown, Branch.StepDown, Branch.StepDown, Branch.StepDown),
];

/** Flow rows in Accumulators.flows. */
const CLA_ENTRIES = 0;
const CLA_EXITS = 1;
const CLA_RETURNS_HOME = 2;
const REFERRALS = 3;
/** Width of the exit-cost table: one row per state left, one column per state entered. */
const EXIT_ROW = 8;

/**
 * Simulates single families. A family's path is a pure function of (run key, family id, its FGC
 * times): an FGC changes only that family's later draws' meaning, never another family's draws.
 * So arms share every family their service never touches, and a touched family can be taken out
 * of an arm (sign -1) and put back with its new path (sign +1).
 */
export class FamilySimulator {
  private readonly p: RunParameters;
  private readonly key0: number;
  private readonly key1: number;
  /** A stream object for the samplers that take several draws (gamma, empirical, re-referral). */
  private readonly stream: KeyedStream;
  private readonly exits: readonly Float64Array[];
  private readonly sojourns: readonly Sojourn[];
  /** Per open state, its sojourn's quantile table when drawn by one uniform (else undefined). */
  private readonly tables: readonly (QuantileTable | undefined)[];
  private readonly scratch = new Float64Array(4);
  /** ln 2 / fade half-life: an FGC's effect decays as exp(-rate × months since). */
  private readonly fadeRate: number;
  /** £ per child of a referral and its assessment. */
  private readonly frontDoorCost: number;
  private readonly reReferralProbability: number;
  private readonly acceptance: number;
  private readonly conversion: number;
  private readonly timeInCareFactor: number;
  private readonly timeInSystemFactor: number;
  /** £ per child of leaving state `from` for state `to`, at [from × EXIT_ROW + to]: review conference, S47 and ICPC, proceedings. */
  private readonly exitCost = new Float64Array(EXIT_ROW * EXIT_ROW);

  constructor(private readonly ctx: RunContext) {
    const p = (this.p = ctx.params);
    this.key0 = ctx.key0;
    this.key1 = ctx.key1;
    this.stream = new KeyedStream(ctx.key0, ctx.key1);
    const e = p.exits;
    this.exits = [e.assessment, e.cin, e.cp, e.preProceedings, e.cla];
    const d = p.durations;
    this.sojourns = [d.assessment, d.cin, d.cp, d.preProceedings, d.cla];
    this.tables = this.sojourns.map((s) => s.table);
    const c = p.costs;
    this.fadeRate = Math.LN2 / p.fgc.fadeHalfLifeMonths;
    this.frontDoorCost = c.referral + c.assessment;
    this.reReferralProbability = p.reReferralProbability;
    this.acceptance = p.fgc.acceptance;
    this.conversion = p.fgc.conversion;
    this.timeInCareFactor = p.fgc.timeInCareFactor;
    this.timeInSystemFactor = p.fgc.timeInSystemFactor;
    for (let from = State.Assessment; from <= State.Cla; from++) {
      for (const to of DEST[from]!) {
        let cost = 0;
        if (from === State.Cp) cost += c.reviewConference;
        if (to === State.Cp && (from === State.Assessment || from === State.Cin)) cost += c.s47 + c.icpc;
        if (to === State.Cla) cost += c.careProceedings;
        this.exitCost[from * EXIT_ROW + to] = cost;
      }
    }
  }

  /**
   * Runs family f to the horizon with FGCs at `conferences[0..count)` (ascending; one that falls
   * while the case is closed is not held). Adds the path to `acc` times `sign` (none if acc is
   * null), and appends the offers it would take up to `candidates`; if `points` is given (with
   * `candidates`), records where the path can be resumed from its first offer on. Returns conferences held.
   */
  simulate(f: number, conferences: Float64Array, count: number, sign: number, acc: Accumulators | null, candidates: CandidateList | null, points: ResumePoints | null = null): number {
    const ctx = this.ctx;
    if (f < ctx.initialCount) {
      const state = ctx.initialState[f]! as State;
      if (acc !== null && acc.ledger !== undefined) acc.move(NOT_ARRIVED, state, ctx.children[f]!, 0, sign);
      return this.walk(f, state, ctx.initialPlacement[f]!, 0, ctx.initialExit[f]!, 0, 0, conferences, count, sign, acc, candidates, points);
    }
    // Not yet arrived: the arrival is a referral, handled like a re-referral from a pending state.
    return this.walk(f, State.Closed, 0, 0, ctx.arrivalTime[f]!, 0, 0, conferences, count, sign, acc, candidates, points);
  }

  /**
   * Runs family f's no-FGC path from resume point i (see ResumePoints) to the horizon with FGCs at
   * `conferences[0..count)`, none before the point's entry time: the same as simulate() from there on.
   */
  resume(f: number, points: ResumePoints, i: number, conferences: Float64Array, count: number, sign: number, acc: Accumulators | null, candidates: CandidateList | null): number {
    return this.walk(f, points.state[i]! as State, points.placement[i]!, points.time[i]!, points.exit[i]!, points.episode[i]!, points.caseStart[i]!, conferences, count, sign, acc, candidates, null);
  }

  /** The walk itself: from `state` entered at t (leaving at `exit`), event by event to the horizon. */
  private walk(
    f: number,
    state: State,
    placement: number,
    t: number,
    exit: number,
    episode: number,
    caseStart: number,
    conferences: Float64Array,
    count: number,
    sign: number,
    acc: Accumulators | null,
    candidates: CandidateList | null,
    points: ResumePoints | null,
  ): number {
    const ctx = this.ctx;
    const H = ctx.horizonMonths;
    const children = ctx.children[f]!;
    const ledger = acc !== null && acc.ledger !== undefined;
    const hash = familyHash(this.key0, f);
    const key1 = this.key1;
    const tables = this.tables;
    const firstCandidate = candidates ? candidates.length : 0;
    const firstPoint = points ? points.length : 0;
    let held = 0;
    let lastHeld = -1;
    let next = 0;
    let caseFirstCandidate = firstCandidate;

    for (;;) {
      if (state === State.Closed) {
        // Waiting for a referral at `exit` (first arrival or re-referral): any FGC now is not held.
        while (next < count && conferences[next]! < exit) next++;
        const arrived = f < ctx.initialCount || t > 0;
        if (ledger) acc.familyIn(arrived ? State.Closed : NOT_ARRIVED, t, exit, sign);
        if (exit > H) break;
        t = exit;
        if (acc !== null) {
          acc.flow(REFERRALS, children, t, sign);
          acc.cost(children * this.frontDoorCost, t, sign);
          if (ledger) acc.move(arrived ? State.Closed : NOT_ARRIVED, State.Assessment, children, t, sign);
        }
        caseStart = t;
        caseFirstCandidate = candidates ? candidates.length : 0;
        state = State.Assessment;
      } else {
        // Only from a family's first offer on can a stay hold its first FGC: record resume points from there.
        if (points !== null && candidates !== null && candidates.length > firstCandidate) points.push(t, exit, caseStart, episode, state, placement);
        // In an open state since t, leaving at `exit` unless an FGC held meanwhile shortens the stay.
        while (next < count && conferences[next]! < exit) {
          const c = conferences[next++]!;
          if (c < t) continue;
          held++;
          lastHeld = c;
          const factor = state === State.Cla ? this.timeInCareFactor : state === State.Assessment ? 1 : this.timeInSystemFactor;
          if (factor !== 1) exit = c + (exit - c) * factor;
        }
        if (acc !== null) {
          const k = state === State.Cla ? StockClass.Cla0 + placement : state === State.Assessment ? StockClass.Assessment : (state - 1) as StockClass;
          acc.sojourn(k, children, t, exit, sign);
          if (ledger) acc.familyIn(state, t, exit, sign);
        }
        if (exit > H) break;

        // Leave: the branch is drawn with this family's own uniform; an FGC moves the thresholds.
        const u = uniformOf(subStream(hash, key1, Purpose.Branch, episode), 1);
        const branch = lastHeld < 0 ? pickShare(this.exits[state]!, u) : this.pickBranch(state, u, this.effectWeight(lastHeld, exit));
        const to = DEST[state]![branch]!;
        const from = state;
        t = exit;
        if (acc !== null) {
          const cost = this.exitCost[from * EXIT_ROW + to]!;
          if (cost !== 0) acc.cost(children * cost, t, sign);
          if (from === State.Cla) {
            acc.flow(CLA_EXITS, children, t, sign);
            if (branch === 0) acc.flow(CLA_RETURNS_HOME, children, t, sign);
          }
          if (to === State.Cla) acc.flow(CLA_ENTRIES, children, t, sign);
        }

        if (to === State.Closed || to === State.Out) {
          if (candidates) for (let i = caseFirstCandidate; i < candidates.length; i++) candidates.caseClose[i] = t;
          if (to === State.Closed) {
            const reReferral = subStream(hash, key1, Purpose.ReReferral, episode);
            if (uniformOf(reReferral, 1) < this.reReferralProbability) {
              if (ledger) acc.move(from, State.Closed, children, t, sign);
              state = State.Closed;
              exit = t + this.p.durations.reReferral.sample(this.stream.at(f, Purpose.ReReferral, episode).skip(1));
              continue;
            }
          }
          if (ledger) {
            acc.move(from, State.Out, children, t, sign);
            acc.familyIn(State.Out, t, Infinity, sign);
          }
          break;
        }

        if (ledger) acc.move(from, to, children, t, sign);
        state = to;
      }

      // Enter the open state `state` at t (from a referral or another state): one episode more.
      episode++;
      if (state === State.Cla) {
        const w = this.effectWeight(lastHeld, t);
        placement = this.pickPlacement(uniformOf(subStream(hash, key1, Purpose.Placement, episode), 1), w);
      }
      const table = tables[state];
      const stay = table !== undefined ? table.at(uniformOf(subStream(hash, key1, Purpose.Sojourn, episode), 1)) : this.sampleStay(state, f, episode);
      exit = t + (lastHeld < 0 ? stay : this.shortened(stay, state, t, lastHeld));
      if (candidates && state !== State.Assessment && lastHeld < caseStart) {
        // Would this family take up an FGC offered here? Eligibility is each arm's own share.
        const o = subStream(hash, key1, Purpose.Offer, episode);
        const eligibility = uniformOf(o, 1);
        if (uniformOf(o, 2) < this.acceptance && uniformOf(o, 3) < this.conversion) candidates.push(t, f, state, eligibility, episode);
      }
    }
    if (points !== null && points.length > firstPoint) {
      points.first[f] = firstPoint;
      points.end[f] = points.length;
    }
    return held;
  }

  /** A fresh stay in s, months, for the samplers that take several draws (gamma, empirical). */
  private sampleStay(s: State, f: number, episode: number): number {
    return this.sojourns[s]!.sample(this.stream.at(f, Purpose.Sojourn, episode));
  }

  /** A stay of d months in s from t, shortened by an FGC held at `lastHeld` while its effect lasts. */
  private shortened(d: number, s: State, t: number, lastHeld: number): number {
    if (s === State.Assessment) return d;
    const factor = s === State.Cla ? this.timeInCareFactor : this.timeInSystemFactor;
    return factor === 1 ? d : d * (1 - (1 - factor) * this.effectWeight(lastHeld, t));
  }

  /** Strength of an FGC's effect at time t: 1 at the conference, halving every fade half-life. */
  private effectWeight(lastHeld: number, t: number): number {
    if (lastHeld < 0) return 0;
    return Math.exp(-this.fadeRate * (t - lastHeld));
  }

  /** Picks an exit branch; an FGC scales escalation shares by its relative risks and gives the freed share to step-downs. */
  private pickBranch(s: State, u: number, w: number): number {
    const shares = this.exits[s]!;
    if (w === 0) return pickShare(shares, u);
    const kinds = KIND[s]!;
    const n = shares.length;
    const adjusted = this.scratch;
    const fgc = this.p.fgc;
    let freed = 0;
    let stepDown = 0;
    for (let i = 0; i < n; i++) {
      const base = shares[i]!;
      const kind = kinds[i];
      if (kind === Branch.StepDown) {
        adjusted[i] = base;
        stepDown += base;
      } else {
        const rr = kind === Branch.ToCp ? fgc.rrEscalationToCp : fgc.rrEntryToCare;
        const share = Math.min(1, base * (1 - (1 - rr) * w));
        adjusted[i] = share;
        freed += base - share;
      }
    }
    const scale = stepDown > 0 ? Math.max(0, 1 + freed / stepDown) : 1;
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (kinds[i] === Branch.StepDown) adjusted[i]! *= scale;
      total += adjusted[i]!;
    }
    const target = u * total;
    let c = 0;
    for (let i = 0; i < n - 1; i++) {
      c += adjusted[i]!;
      if (target < c) return i;
    }
    return n - 1;
  }

  /** Placement on entering care; after an FGC, kinship takes up to the effect's share, others scaled down. */
  private pickPlacement(u: number, w: number): number {
    const shares = this.p.placements;
    const base = shares[0]!;
    const target = this.p.fgc.kinshipShareOfCareEntries;
    if (w === 0 || target <= base) return pickShare(shares, u);
    const kin = base + (target - base) * w;
    if (u < kin) return 0;
    const v = base + ((u - kin) / (1 - kin)) * (1 - base);
    return Math.max(1, pickShare(shares, v));
  }
}
