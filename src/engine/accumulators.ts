// One arm's monthly results built from family paths: each sojourn adds O(1) entries to difference arrays.
import { M, M_PLACEMENT0 } from './metrics';
import { LEDGER_STATES, LEDGER_WIDTH } from './ledger';

/** Stock classes: CIN, CP, pre-proceedings, CLA by placement (5), assessment. */
export const enum StockClass {
  Cin = 0,
  Cp = 1,
  PreProceedings = 2,
  Cla0 = 3,
  Assessment = 8,
  Count = 9,
}

/**
 * Adds families' paths (sign +1) or removes them (sign -1), so an arm can start from the shared
 * no-service paths and replace only the families its FGC service changed. Stocks at month ends
 * and full months of cost go through difference arrays; nothing is done per family per month.
 */
export class Accumulators {
  readonly H: number;
  /** Month-end stocks, children: StockClass.Count rows of H + 2 differences. */
  readonly stockDiff: Float64Array;
  /** £ booked in each month directly (one-off costs, partial months of state costs). */
  readonly costDirect: Float64Array;
  /** £ per month of state costs for full months, as differences. */
  readonly costFullDiff: Float64Array;
  /** £ of placements (CLA states) in each month directly, and for full months as differences: the cashable part. */
  readonly placementDirect: Float64Array;
  readonly placementFullDiff: Float64Array;
  /** £ of the FGC service (coordinators, conferences) in each month; also counted in costDirect. */
  readonly serviceDirect: Float64Array;
  /** claEntries, claExits, claReturnsHome, referrals: 4 rows of H + 1, children. */
  readonly flows: Float64Array;
  /** Open family-months (month ends 1..H at which a family is open). */
  familyMonths = 0;
  /** Optional audit: moves and families by state (see Ledger). */
  readonly ledger: Float64Array | undefined;
  readonly familiesDiff: Float64Array | undefined;

  constructor(H: number, withLedger: boolean, from?: Accumulators) {
    this.H = H;
    if (from) {
      // A copy keeps the ledger too, so that an arm's audit covers its service's changes.
      this.stockDiff = from.stockDiff.slice();
      this.costDirect = from.costDirect.slice();
      this.costFullDiff = from.costFullDiff.slice();
      this.placementDirect = from.placementDirect.slice();
      this.placementFullDiff = from.placementFullDiff.slice();
      this.serviceDirect = from.serviceDirect.slice();
      this.flows = from.flows.slice();
      this.familyMonths = from.familyMonths;
      this.ledger = from.ledger?.slice();
      this.familiesDiff = from.familiesDiff?.slice();
      return;
    }
    this.stockDiff = new Float64Array(StockClass.Count * (H + 2));
    this.costDirect = new Float64Array(H + 1);
    this.costFullDiff = new Float64Array(H + 2);
    this.placementDirect = new Float64Array(H + 1);
    this.placementFullDiff = new Float64Array(H + 2);
    this.serviceDirect = new Float64Array(H + 1);
    this.flows = new Float64Array(4 * (H + 1));
    this.ledger = withLedger ? new Float64Array((H + 1) * LEDGER_WIDTH) : undefined;
    this.familiesDiff = withLedger ? new Float64Array(LEDGER_STATES * (H + 2)) : undefined;
  }

  /** A copy to apply one arm's changes to. */
  clone(): Accumulators {
    return new Accumulators(this.H, this.ledger !== undefined, this);
  }

  /**
   * `children` in a stock class over [t0, t1), months, costing `monthlyCost` £ per child-month.
   * Month-end m counts it when t0 ≤ m < t1; cost follows the exact time in each month.
   */
  sojourn(k: StockClass, children: number, t0: number, t1: number, monthlyCost: number, sign: number): void {
    const H = this.H;
    const first = Math.ceil(t0);
    const last = t1 > H ? H + 1 : Math.ceil(t1);
    if (first < last) {
      const c = sign * children;
      const row = k * (H + 2);
      this.stockDiff[row + first] += c;
      this.stockDiff[row + last] -= c;
      this.familyMonths += sign * (last - (first > 1 ? first : 1));
    }
    if (monthlyCost !== 0) {
      const b = t1 > H ? H : t1;
      if (b > t0) {
        const rate = sign * children * monthlyCost;
        spread(this.costDirect, this.costFullDiff, rate, t0, b);
        if (k >= StockClass.Cla0 && k < StockClass.Assessment) spread(this.placementDirect, this.placementFullDiff, rate, t0, b);
      }
    }
  }

  /** A one-off cost, £, at time t. */
  cost(amount: number, t: number, sign: number): void {
    this.costDirect[Math.ceil(t)] += sign * amount;
  }

  /** A cost of the FGC service, £, in month m (counted in the total too). */
  serviceCost(amount: number, month: number): void {
    this.costDirect[month] += amount;
    this.serviceDirect[month] += amount;
  }

  /** A flow of children at time t: row 0 claEntries, 1 claExits, 2 claReturnsHome, 3 referrals. */
  flow(row: number, children: number, t: number, sign: number): void {
    this.flows[row * (this.H + 1) + Math.ceil(t)] += sign * children;
  }

  /** Audit only: a family moves between ledger states at time t. */
  move(from: number, to: number, children: number, t: number, sign: number): void {
    const ledger = this.ledger!;
    const row = Math.ceil(t) * LEDGER_WIDTH;
    ledger[row + LEDGER_STATES + from] += sign * children;
    ledger[row + to] += sign * children;
  }

  /** Audit only: a family is in ledger state s over [t0, t1). */
  familyIn(s: number, t0: number, t1: number, sign: number): void {
    const H = this.H;
    const first = Math.ceil(t0);
    const last = t1 > H ? H + 1 : Math.ceil(t1);
    if (first >= last) return;
    const row = s * (H + 2);
    this.familiesDiff![row + first] += sign;
    this.familiesDiff![row + last] -= sign;
  }

  /** Writes the pathway series (stocks, flows, cost before service costs are added) into a result block. */
  writeTo(out: Float64Array): void {
    const H = this.H;
    const row = H + 1;
    const stock = new Float64Array(StockClass.Count);
    let full = 0;
    let placementFull = 0;
    for (let m = 0; m <= H; m++) {
      for (let k = 0; k < StockClass.Count; k++) stock[k]! += this.stockDiff[k * (H + 2) + m]!;
      let cla = 0;
      for (let i = 0; i < 5; i++) {
        cla += stock[StockClass.Cla0 + i]!;
        out[(M_PLACEMENT0 + i) * row + m] = stock[StockClass.Cla0 + i]!;
      }
      out[M.cla * row + m] = cla;
      out[M.cp * row + m] = stock[StockClass.Cp]!;
      out[M.cin * row + m] = stock[StockClass.Cin]!;
      out[M.preProceedings * row + m] = stock[StockClass.PreProceedings]!;
      full += this.costFullDiff[m]!;
      out[M.cost * row + m] = m === 0 ? 0 : this.costDirect[m]! + full;
      placementFull += this.placementFullDiff[m]!;
      out[M.costPlacements * row + m] = m === 0 ? 0 : this.placementDirect[m]! + placementFull;
      out[M.costFgcService * row + m] = m === 0 ? 0 : this.serviceDirect[m]!;
      out[M.claEntries * row + m] = this.flows[m]!;
      out[M.claExits * row + m] = this.flows[row + m]!;
      out[M.claReturnsHome * row + m] = this.flows[2 * row + m]!;
      out[M.referrals * row + m] = this.flows[3 * row + m]!;
    }
  }

  /** Writes the audit ledger (moves, and families by state from the differences). */
  writeLedger(values: Float64Array): void {
    const H = this.H;
    values.set(this.ledger!);
    for (let s = 0; s < LEDGER_STATES; s++) {
      let count = 0;
      for (let m = 0; m <= H; m++) {
        count += this.familiesDiff![s * (H + 2) + m]!;
        values[m * LEDGER_WIDTH + 2 * LEDGER_STATES + s] = count;
      }
    }
  }
}

/**
 * Books `rate` £ a month over [t0, b) by exact time in each month: the part months directly into
 * `direct`, the full months between them as differences into `fullDiff`.
 */
function spread(direct: Float64Array, fullDiff: Float64Array, rate: number, t0: number, b: number): void {
  const fm = Math.floor(t0) + 1;
  const lm = Math.ceil(b);
  if (fm >= lm) {
    direct[lm] += rate * (b - t0);
    return;
  }
  direct[fm] += rate * (fm - t0);
  direct[lm] += rate * (b - (lm - 1));
  if (fm + 1 < lm) {
    fullDiff[fm + 1] += rate;
    fullDiff[lm] -= rate;
  }
}
