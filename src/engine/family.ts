// One family's whole path through the pathway, from its own keyed draws and the times of any FGCs it is given.
import { StockClass, type Accumulators } from './accumulators';
import type { CandidateList } from './candidates';
import { NOT_ARRIVED } from './ledger';
import type { RunParameters } from './params';
import { KeyedStream, Purpose } from './rng';
import type { RunContext } from './run-context';
import { pickShare } from './run-context';
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

/**
 * Simulates single families. A family's path is a pure function of (run key, family id, its FGC
 * times): an FGC changes only that family's later draws' meaning, never another family's draws.
 * So arms share every family their service never touches, and a touched family can be taken out
 * of an arm (sign -1) and put back with its new path (sign +1).
 */
export class FamilySimulator {
  private readonly p: RunParameters;
  private readonly stream: KeyedStream;
  private readonly exits: readonly Float64Array[];
  private readonly sojourns: readonly Sojourn[];
  private readonly monthlyCost: Float64Array;
  private readonly scratch = new Float64Array(4);
  /** ln 2 / fade half-life: an FGC's effect decays as exp(-rate × months since). */
  private readonly fadeRate: number;

  constructor(private readonly ctx: RunContext) {
    const p = (this.p = ctx.params);
    this.stream = new KeyedStream(ctx.key0, ctx.key1);
    const e = p.exits;
    this.exits = [e.assessment, e.cin, e.cp, e.preProceedings, e.cla];
    const d = p.durations;
    this.sojourns = [d.assessment, d.cin, d.cp, d.preProceedings, d.cla];
    const c = p.costs;
    this.fadeRate = Math.LN2 / p.fgc.fadeHalfLifeMonths;
    this.monthlyCost = Float64Array.of(c.cinMonthly, c.cpMonthly, c.preProceedingsMonthly, ...c.claMonthly, 0);
  }

  /**
   * Runs family f to the horizon with FGCs at `conferences[0..count)` (ascending; one that falls
   * while the case is closed is not held). Adds the path to `acc` times `sign` (none if acc is
   * null), and appends the offers it would take up to `candidates`. Returns conferences held.
   */
  simulate(f: number, conferences: Float64Array, count: number, sign: number, acc: Accumulators | null, candidates: CandidateList | null): number {
    const ctx = this.ctx;
    const p = this.p;
    const H = ctx.horizonMonths;
    const children = ctx.children[f]!;
    const ledger = acc !== null && acc.ledger !== undefined;
    const stream = this.stream;
    let held = 0;
    let lastHeld = -1;
    let next = 0;
    let episode = 0;
    let caseStart = 0;
    let caseFirstCandidate = candidates ? candidates.length : 0;
    let state: State;
    let placement = 0;
    let t: number;
    let exit: number;

    if (f < ctx.initialCount) {
      state = ctx.initialState[f]! as State;
      placement = ctx.initialPlacement[f]!;
      t = 0;
      exit = ctx.initialExit[f]!;
      if (ledger) acc.move(NOT_ARRIVED, state, children, 0, sign);
    } else {
      // Not yet arrived: the arrival is a referral, handled like a re-referral from a pending state.
      state = State.Closed;
      t = 0;
      exit = ctx.arrivalTime[f]!;
    }

    for (;;) {
      if (state === State.Closed) {
        // Waiting for a referral at `exit` (first arrival or re-referral): any FGC now is not held.
        while (next < count && conferences[next]! < exit) next++;
        const arrived = f < ctx.initialCount || t > 0;
        if (ledger) acc.familyIn(arrived ? State.Closed : NOT_ARRIVED, t, exit, sign);
        if (exit > H) break;
        t = exit;
        if (acc) {
          acc.flow(REFERRALS, children, t, sign);
          acc.cost(children * (p.costs.referral + p.costs.assessment), t, sign);
          if (ledger) acc.move(arrived ? State.Closed : NOT_ARRIVED, State.Assessment, children, t, sign);
        }
        caseStart = t;
        caseFirstCandidate = candidates ? candidates.length : 0;
        state = State.Assessment;
        exit = t + this.sojournFrom(State.Assessment, f, ++episode, t, lastHeld);
        continue;
      }

      // In an open state since t, leaving at `exit` unless an FGC held meanwhile shortens the stay.
      while (next < count && conferences[next]! < exit) {
        const c = conferences[next++]!;
        if (c < t) continue;
        held++;
        lastHeld = c;
        const factor = state === State.Cla ? p.fgc.timeInCareFactor : state === State.Assessment ? 1 : p.fgc.timeInSystemFactor;
        if (factor !== 1) exit = c + (exit - c) * factor;
      }
      if (acc) {
        const k = state === State.Cla ? StockClass.Cla0 + placement : state === State.Assessment ? StockClass.Assessment : (state - 1) as StockClass;
        acc.sojourn(k, children, t, exit, this.monthlyCost[k]!, sign);
        if (ledger) acc.familyIn(state, t, exit, sign);
      }
      if (exit > H) break;

      // Leave: the branch is drawn with this family's own uniform; an FGC moves the thresholds.
      const u = stream.at(f, Purpose.Branch, episode).next();
      const branch = this.pickBranch(state, u, this.effectWeight(lastHeld, exit));
      const to = DEST[state]![branch]!;
      const from = state;
      t = exit;
      if (acc) this.bookExit(acc, from, to, branch, children, t, sign);

      if (to === State.Closed || to === State.Out) {
        if (candidates) for (let i = caseFirstCandidate; i < candidates.length; i++) candidates.caseClose[i] = t;
        if (to === State.Closed && stream.at(f, Purpose.ReReferral, episode).next() < p.reReferralProbability) {
          if (ledger) acc.move(from, State.Closed, children, t, sign);
          state = State.Closed;
          exit = t + p.durations.reReferral.sample(stream);
          continue;
        }
        if (ledger) {
          acc.move(from, State.Out, children, t, sign);
          acc.familyIn(State.Out, t, Infinity, sign);
        }
        break;
      }

      // Enter the next open state.
      if (ledger) acc.move(from, to, children, t, sign);
      episode++;
      state = to;
      if (to === State.Cla) {
        const w = this.effectWeight(lastHeld, t);
        placement = this.pickPlacement(stream.at(f, Purpose.Placement, episode).next(), w);
      }
      exit = t + this.sojournFrom(to, f, episode, t, lastHeld);
      if (candidates && lastHeld < caseStart) {
        // Would this family take up an FGC offered here? Eligibility is each arm's own share.
        const o = stream.at(f, Purpose.Offer, episode);
        const eligibility = o.next();
        if (o.next() < p.fgc.acceptance && o.next() < p.fgc.conversion) candidates.push(t, f, to, eligibility, episode);
      }
    }
    return held;
  }

  /** Time in state s from entry at t, months; shortened while an FGC's effect lasts. */
  private sojournFrom(s: State, f: number, episode: number, t: number, lastHeld: number): number {
    let d = this.sojourns[s]!.sample(this.stream.at(f, Purpose.Sojourn, episode));
    if (lastHeld >= 0 && s !== State.Assessment) {
      const fgc = this.p.fgc;
      const factor = s === State.Cla ? fgc.timeInCareFactor : fgc.timeInSystemFactor;
      if (factor !== 1) d *= 1 - (1 - factor) * this.effectWeight(lastHeld, t);
    }
    return d;
  }

  private bookExit(acc: Accumulators, from: State, to: State, branch: number, children: number, t: number, sign: number): void {
    const c = this.p.costs;
    if (from === State.Cla) {
      acc.flow(CLA_EXITS, children, t, sign);
      if (branch === 0) acc.flow(CLA_RETURNS_HOME, children, t, sign);
    }
    let cost = 0;
    if (from === State.Cp) cost += c.reviewConference;
    if (to === State.Cp && (from === State.Assessment || from === State.Cin)) cost += c.s47 + c.icpc;
    if (to === State.Cla) {
      acc.flow(CLA_ENTRIES, children, t, sign);
      cost += c.careProceedings;
    }
    if (cost !== 0) acc.cost(children * cost, t, sign);
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
