// One arm of one run: an event-driven microsimulation of families through the pathway, with a capacity-limited FGC service.
import { EventQueue } from './event-queue';
import { Ledger, NOT_ARRIVED } from './ledger';
import { M, M_PLACEMENT0 } from './metrics';
import { FgcService } from './fgc-service';
import { WEEKS_PER_MONTH, type RunParameters } from './params';
import { KeyedStream, Purpose } from './rng';
import type { RunContext } from './run-context';
import { pickShare } from './run-context';
import { EventKind, SLOT_PAYLOAD, State } from './states';

/** What distinguishes arms: the service's size and where it is offered. */
export interface ArmPlan {
  coordinatorsFte: number;
  /** Eligible share of families at each offer point. */
  eligible: { referral: number; icpc: number; preProceedings: number; inCare: number };
}

/** Branch kinds an FGC acts on: escalation to CP or to care is made rarer; the freed share steps down. */
const enum Branch {
  StepDown = 0,
  ToCp = 1,
  ToCare = 2,
}

// Exit destinations and branch kinds per state, most severe first (see RunParameters.exits).
const DEST: Record<number, readonly State[]> = {
  [State.Assessment]: [State.Cla, State.Cp, State.Cin, State.Closed],
  [State.Cin]: [State.Cla, State.Cp, State.Closed],
  [State.Cp]: [State.PreProceedings, State.Cin, State.Closed],
  [State.PreProceedings]: [State.Cla, State.Cp, State.Cin],
  [State.Cla]: [State.Closed, State.Out, State.Out, State.Out],
};
const KIND: Record<number, Uint8Array> = {
  [State.Assessment]: Uint8Array.of(Branch.ToCare, Branch.ToCp, Branch.StepDown, Branch.StepDown),
  [State.Cin]: Uint8Array.of(Branch.ToCare, Branch.ToCp, Branch.StepDown),
  [State.Cp]: Uint8Array.of(Branch.ToCare, Branch.StepDown, Branch.StepDown),
  [State.PreProceedings]: Uint8Array.of(Branch.ToCare, Branch.StepDown, Branch.StepDown),
  [State.Cla]: Uint8Array.of(Branch.StepDown, Branch.StepDown, Branch.StepDown, Branch.StepDown),
};

/** Stock classes whose child-months carry a monthly cost: CIN, CP, pre-proceedings, then CLA by placement. */
const enum Stock {
  Cin = 0,
  Cp = 1,
  PreProceedings = 2,
  Cla0 = 3,
  Assessment = 8,
  Count = 9,
}

/**
 * Simulates one arm, writing METRIC_COUNT × (H + 1) values into `out`; returns the open
 * family-months simulated. A ledger, if given, records every move for audit.
 */
export function simulateArm(ctx: RunContext, plan: ArmPlan, out: Float64Array, ledger?: Ledger): number {
  return new ArmSimulation(ctx, plan, out, ledger).run();
}

class ArmSimulation {
  private readonly p: RunParameters;
  private readonly H: number;
  private readonly stream: KeyedStream;
  private readonly queue = new EventQueue(4096);
  private readonly fgc: FgcService | undefined;
  private readonly state: Uint8Array;
  private readonly placement: Uint8Array;
  private readonly episode: Int32Array;
  private readonly exitTime: Float64Array;
  private readonly caseStart: Float64Array;
  /** Time of the family's latest FGC, months; -1 if none. */
  private readonly fgcAt: Float64Array;
  private readonly stock = new Float64Array(Stock.Count);
  private readonly area = new Float64Array(Stock.Count);
  private readonly lastChange = new Float64Array(Stock.Count);
  private readonly stockCost: Float64Array;
  private readonly scratch = new Float64Array(4);
  private openFamilies = 0;
  private monthCost = 0;

  constructor(
    private readonly ctx: RunContext,
    private readonly plan: ArmPlan,
    private readonly out: Float64Array,
    private readonly ledger: Ledger | undefined,
  ) {
    this.p = ctx.params;
    this.H = ctx.horizonMonths;
    this.stream = new KeyedStream(ctx.key0, ctx.key1);
    const n = ctx.totalFamilies;
    this.state = new Uint8Array(n).fill(State.Out);
    this.placement = new Uint8Array(n);
    this.episode = new Int32Array(n);
    this.exitTime = new Float64Array(n);
    this.caseStart = new Float64Array(n);
    this.fgcAt = new Float64Array(n).fill(-1);
    const c = this.p.costs;
    this.stockCost = Float64Array.of(c.cinMonthly, c.cpMonthly, c.preProceedingsMonthly, ...c.claMonthly, 0);
    const capacityPerMonth = (plan.coordinatorsFte * this.p.fgc.conferencesPerFtePerYear) / 12;
    // A service with no coordinators makes no offers: that arm is the no-FGC counterfactual, run for run.
    if (capacityPerMonth > 0) {
      this.fgc = new FgcService(capacityPerMonth, this.p.fgc.maxWaitMonths, n, this.queue);
    }
  }

  run(): number {
    const { ctx, H } = this;
    this.seedInitialPopulation();
    this.writeMonth(0);
    this.ledger?.closeMonth(0);
    let familyMonths = 0;
    for (let m = 1; m <= H; m++) {
      for (let id = ctx.arrivalStart[m]!; id < ctx.arrivalStart[m + 1]!; id++) {
        this.queue.push(ctx.arrivalTime[id]!, id * 4 + EventKind.Arrival);
      }
      while (this.queue.size > 0 && this.queue.peekTime() <= m) {
        const t = this.queue.peekTime();
        const payload = this.queue.pop();
        if (payload === SLOT_PAYLOAD) this.allocateSlot(t);
        else this.dispatch(payload >> 2, payload & 3, t);
      }
      this.closeMonth(m);
      familyMonths += this.openFamilies;
    }
    return familyMonths;
  }

  private seedInitialPopulation(): void {
    const { ctx } = this;
    for (let f = 0; f < ctx.initialCount; f++) {
      const s = ctx.initialState[f]! as State;
      this.state[f] = s;
      this.ledger?.move(NOT_ARRIVED, s, ctx.children[f]!, 0);
      this.placement[f] = ctx.initialPlacement[f]!;
      this.exitTime[f] = ctx.initialExit[f]!;
      this.queue.push(ctx.initialExit[f]!, f * 4 + EventKind.Exit);
      if (s !== State.Closed) {
        this.openFamilies++;
        this.changeStock(this.stockOf(f, s), ctx.children[f]!, 0);
      }
    }
  }

  private dispatch(f: number, kind: number, t: number): void {
    if (kind === EventKind.Exit) {
      if (t !== this.exitTime[f]) return; // superseded by an FGC that shortened the sojourn
      if (this.state[f] === State.Closed) this.refer(f, t);
      else this.leave(f, t);
    } else if (kind === EventKind.Arrival) {
      this.refer(f, t);
    } else {
      this.holdConference(f, t);
    }
  }

  /** A referral (new or re-referral) opens a case and starts an assessment. */
  private refer(f: number, t: number): void {
    const children = this.ctx.children[f]!;
    const c = this.p.costs;
    this.out[M.referrals * (this.H + 1) + Math.ceil(t)] += children;
    this.monthCost += children * (c.referral + c.assessment);
    this.caseStart[f] = t;
    this.openFamilies++;
    this.enter(f, State.Assessment, t, this.state[f] === State.Closed ? State.Closed : NOT_ARRIVED);
  }

  /** The family's sojourn ends: choose the exit branch, pay its one-off costs, and move on. */
  private leave(f: number, t: number): void {
    const from = this.state[f]! as State;
    const children = this.ctx.children[f]!;
    const e = this.p.exits;
    const shares =
      from === State.Assessment ? e.assessment : from === State.Cin ? e.cin : from === State.Cp ? e.cp : from === State.PreProceedings ? e.preProceedings : e.cla;
    const u = this.stream.at(f, Purpose.Branch, this.episode[f]!).next();
    const branch = this.pickBranch(shares, KIND[from]!, u, this.effectWeight(f, t));
    const to = DEST[from]![branch]!;
    this.changeStock(this.stockOf(f, from), -children, t);
    const row = this.H + 1;
    const m = Math.ceil(t);
    const c = this.p.costs;
    if (from === State.Cla) {
      this.out[M.claExits * row + m] += children;
      if (branch === 0) this.out[M.claReturnsHome * row + m] += children;
    }
    if (from === State.Cp) this.monthCost += children * c.reviewConference;
    if (to === State.Cp && (from === State.Assessment || from === State.Cin)) this.monthCost += children * (c.s47 + c.icpc);
    if (to === State.Cla) {
      this.out[M.claEntries * row + m] += children;
      this.monthCost += children * c.careProceedings;
    }
    if (to === State.Closed || to === State.Out) this.close(f, t, to, from);
    else this.enter(f, to, t, from);
  }

  /** Enters an open state: draws the sojourn, and offers an FGC where this arm's service offers one. */
  private enter(f: number, s: State, t: number, from: State | typeof NOT_ARRIVED): void {
    this.ledger?.move(from, s, this.ctx.children[f]!, Math.ceil(t));
    const fgcP = this.p.fgc;
    const w = this.effectWeight(f, t);
    const episode = ++this.episode[f]!;
    this.state[f] = s;
    if (s === State.Cla) {
      const u = this.stream.at(f, Purpose.Placement, episode).next();
      this.placement[f] = this.pickPlacement(u, w);
    }
    this.changeStock(this.stockOf(f, s), this.ctx.children[f]!, t);
    let sojourn = this.sojournOf(s).sample(this.stream.at(f, Purpose.Sojourn, episode));
    if (w > 0) {
      const factor = s === State.Cla ? fgcP.timeInCareFactor : s === State.Assessment ? 1 : fgcP.timeInSystemFactor;
      sojourn *= 1 - (1 - factor) * w;
    }
    this.exitTime[f] = t + sojourn;
    this.queue.push(t + sojourn, f * 4 + EventKind.Exit);
    if (this.fgc) this.maybeOffer(f, s, t, episode);
  }

  private maybeOffer(f: number, s: State, t: number, episode: number): void {
    const el = this.plan.eligible;
    const eligible = s === State.Cin ? el.referral : s === State.Cp ? el.icpc : s === State.PreProceedings ? el.preProceedings : s === State.Cla ? el.inCare : 0;
    if (eligible <= 0 || this.fgc!.isBusyWith(f) || this.fgcAt[f]! >= this.caseStart[f]!) return;
    const fp = this.p.fgc;
    const stream = this.stream.at(f, Purpose.Offer, episode);
    if (stream.next() >= eligible || stream.next() >= fp.acceptance || stream.next() >= fp.conversion) return;
    this.fgc!.join(f, t);
    this.out[M.fgcJoined * (this.H + 1) + Math.ceil(t)] += 1;
  }

  /** A coordinator becomes free: the longest-waiting family still within the maximum wait is allocated. */
  private allocateSlot(t: number): void {
    const f = this.fgc!.allocate(t);
    if (f < 0) return;
    const row = this.H + 1;
    const m = Math.max(1, Math.ceil(t));
    this.out[M.fgcAllocated * row + m] += 1;
    const waitWeeks = this.fgc!.waitOf(f, t) * WEEKS_PER_MONTH;
    if (waitWeeks > this.out[M.fgcLongestWaitWeeks * row + m]!) this.out[M.fgcLongestWaitWeeks * row + m] = waitWeeks;
    const lead = this.p.durations.toConference.sample(this.stream.at(f, Purpose.LeadTime, this.episode[f]!));
    this.queue.push(t + lead, f * 4 + EventKind.Conference);
  }

  private holdConference(f: number, t: number): void {
    this.fgc!.release(f);
    const s = this.state[f]! as State;
    if (s === State.Closed || s === State.Out) return; // the case closed before the family met
    this.out[M.fgcHeld * (this.H + 1) + Math.ceil(t)] += 1;
    this.monthCost += this.p.costs.fgcConference;
    this.fgcAt[f] = t;
    // The plan shortens the time left in the current state, through the same draw (monotone, low-variance).
    const factor = s === State.Cla ? this.p.fgc.timeInCareFactor : s === State.Assessment ? 1 : this.p.fgc.timeInSystemFactor;
    if (factor !== 1) {
      const exit = t + (this.exitTime[f]! - t) * factor;
      this.exitTime[f] = exit;
      this.queue.push(exit, f * 4 + EventKind.Exit);
    }
  }

  /** The case ends: closed with a re-referral pending, or out of the system for good. */
  private close(f: number, t: number, to: State, from: State): void {
    this.openFamilies--;
    this.fgc?.withdraw(f);
    const u = this.stream.at(f, Purpose.ReReferral, this.episode[f]!).next();
    const reReferred = to === State.Closed && u < this.p.reReferralProbability;
    this.ledger?.move(from, reReferred ? State.Closed : State.Out, this.ctx.children[f]!, Math.ceil(t));
    if (reReferred) {
      this.state[f] = State.Closed;
      const delay = this.p.durations.reReferral.sample(this.stream);
      this.exitTime[f] = t + delay;
      this.queue.push(t + delay, f * 4 + EventKind.Exit);
    } else {
      this.state[f] = State.Out;
    }
  }

  /** Strength of a family's FGC effect at time t: 1 at the conference, halving every fade half-life. */
  private effectWeight(f: number, t: number): number {
    const at = this.fgcAt[f]!;
    if (at < 0) return 0;
    return Math.pow(0.5, (t - at) / this.p.fgc.fadeHalfLifeMonths);
  }

  /** Picks an exit branch; an FGC scales escalation shares by its relative risks and gives the freed share to step-downs. */
  private pickBranch(shares: Float64Array, kinds: Uint8Array, u: number, w: number): number {
    const n = shares.length;
    if (w === 0) return pickShare(shares, u);
    const adjusted = this.scratch;
    const fp = this.p.fgc;
    let freed = 0;
    let stepDown = 0;
    for (let i = 0; i < n; i++) {
      const base = shares[i]!;
      const kind = kinds[i];
      const rr = kind === Branch.ToCp ? fp.rrEscalationToCp : kind === Branch.ToCare ? fp.rrEntryToCare : 1;
      const share = kind === Branch.StepDown ? base : Math.min(1, base * (1 - (1 - rr) * w));
      adjusted[i] = share;
      if (kind === Branch.StepDown) stepDown += base;
      else freed += base - share;
    }
    const scale = stepDown > 0 ? Math.max(0, 1 + freed / stepDown) : 1;
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (kinds[i] === Branch.StepDown) adjusted[i]! *= scale;
      total += adjusted[i]!;
    }
    let c = 0;
    const target = u * total;
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

  private stockOf(f: number, s: State): Stock {
    switch (s) {
      case State.Cin:
        return Stock.Cin;
      case State.Cp:
        return Stock.Cp;
      case State.PreProceedings:
        return Stock.PreProceedings;
      case State.Cla:
        return Stock.Cla0 + this.placement[f]!;
      default:
        return Stock.Assessment;
    }
  }

  private sojournOf(s: State) {
    const d = this.p.durations;
    return s === State.Assessment ? d.assessment : s === State.Cin ? d.cin : s === State.Cp ? d.cp : s === State.PreProceedings ? d.preProceedings : d.cla;
  }

  /** Changes a stock by `delta` children at time t, first banking its child-months since the last change. */
  private changeStock(k: Stock, delta: number, t: number): void {
    this.area[k]! += this.stock[k]! * (t - this.lastChange[k]!);
    this.lastChange[k] = t;
    this.stock[k]! += delta;
  }

  private closeMonth(m: number): void {
    let cost = this.monthCost;
    for (let k = 0; k < Stock.Count; k++) {
      this.area[k]! += this.stock[k]! * (m - this.lastChange[k]!);
      this.lastChange[k] = m;
      cost += this.area[k]! * this.stockCost[k]!;
      this.area[k] = 0;
    }
    if (this.fgc) {
      cost += (this.plan.coordinatorsFte * this.p.costs.coordinatorAnnual) / 12;
      this.out[M.fgcLapsed * (this.H + 1) + m] = this.fgc.closeMonth(m);
    }
    this.out[M.cost * (this.H + 1) + m] = cost;
    this.monthCost = 0;
    this.writeMonth(m);
    this.ledger?.closeMonth(m);
  }

  /** Month-end stocks, children; and families waiting for an FGC. */
  private writeMonth(m: number): void {
    const row = this.H + 1;
    const s = this.stock;
    let cla = 0;
    for (let i = 0; i < 5; i++) {
      const v = s[Stock.Cla0 + i]!;
      cla += v;
      this.out[(M_PLACEMENT0 + i) * row + m] = v;
    }
    this.out[M.cla * row + m] = cla;
    this.out[M.cp * row + m] = s[Stock.Cp]!;
    this.out[M.cin * row + m] = s[Stock.Cin]!;
    this.out[M.preProceedings * row + m] = s[Stock.PreProceedings]!;
    this.out[M.fgcWaiting * row + m] = this.fgc ? this.fgc.waiting : 0;
  }
}
