// One arm's monthly results built from family paths: each sojourn adds O(1) entries to difference arrays.
import { M, M_PLACEMENT0 } from './metrics';
import { LEDGER_STATES, LEDGER_WIDTH } from './ledger';
import type { RunParameters } from './params';

/** Stock classes: CIN, CP, pre-proceedings, CLA by placement (5), assessment. */
export const enum StockClass {
  Cin = 0,
  Cp = 1,
  PreProceedings = 2,
  Cla0 = 3,
  Assessment = 8,
  Count = 9,
}

/** £ per child-month in each stock class (assessment costs nothing by the month), from a run's costs. */
export function monthlyCostByClass(costs: RunParameters['costs']): Float64Array {
  return Float64Array.of(costs.cinMonthly, costs.cpMonthly, costs.preProceedingsMonthly, ...costs.claMonthly, 0);
}

/**
 * Adds families' paths (sign +1) or removes them (sign -1), so an arm can start from the shared
 * no-service paths and replace only the families its FGC service changed. Nothing is done per
 * family per month: a stay adds two month-end stock differences and two part-month corrections.
 * The child-months in class k during month m are its stock at the end of m, less the part of m
 * before each entry in m, plus the part of m before each exit in m; state costs follow from them.
 */
export class Accumulators {
  readonly H: number;
  /** £ per child-month by stock class. */
  readonly rates: Float64Array;
  /** Month-end stocks, children: StockClass.Count rows of H + 2 differences. */
  readonly stockDiff: Float64Array;
  /** Child-months to add to month m's month-end stock to get its exact child-months, per class (same layout). */
  readonly correction: Float64Array;
  /** £ of one-off costs (processes, conferences, coordinators) in each month. */
  readonly costDirect: Float64Array;
  /** £ of the FGC service (coordinators, conferences) in each month; also counted in costDirect. */
  readonly serviceDirect: Float64Array;
  /** claEntries, claExits, claReturnsHome, referrals: 4 rows of H + 1, children. */
  readonly flows: Float64Array;
  /** Open family-months (month ends 1..H at which a family is open). */
  familyMonths = 0;
  /** Optional audit: moves and families by state (see Ledger). */
  readonly ledger: Float64Array | undefined;
  readonly familiesDiff: Float64Array | undefined;

  constructor(H: number, rates: Float64Array, withLedger: boolean, from?: Accumulators) {
    this.H = H;
    this.rates = rates;
    if (from) {
      // A copy keeps the ledger too, so that an arm's audit covers its service's changes.
      this.stockDiff = from.stockDiff.slice();
      this.correction = from.correction.slice();
      this.costDirect = from.costDirect.slice();
      this.serviceDirect = from.serviceDirect.slice();
      this.flows = from.flows.slice();
      this.familyMonths = from.familyMonths;
      this.ledger = from.ledger?.slice();
      this.familiesDiff = from.familiesDiff?.slice();
      return;
    }
    this.stockDiff = new Float64Array(StockClass.Count * (H + 2));
    this.correction = new Float64Array(StockClass.Count * (H + 2));
    this.costDirect = new Float64Array(H + 1);
    this.serviceDirect = new Float64Array(H + 1);
    this.flows = new Float64Array(4 * (H + 1));
    this.ledger = withLedger ? new Float64Array((H + 1) * LEDGER_WIDTH) : undefined;
    this.familiesDiff = withLedger ? new Float64Array(LEDGER_STATES * (H + 2)) : undefined;
  }

  /** A copy to apply one arm's changes to. */
  clone(): Accumulators {
    return new Accumulators(this.H, this.rates, this.ledger !== undefined, this);
  }

  /**
   * `children` in a stock class over [t0, t1), months (t0 ≤ H). Month-end m counts it when
   * t0 ≤ m < t1; its child-months in each month (and so its cost) follow the exact time spent there.
   */
  sojourn(k: StockClass, children: number, t0: number, t1: number, sign: number): void {
    const H = this.H;
    const c = sign * children;
    const row = k * (H + 2);
    const first = Math.ceil(t0);
    // Month `first` (t0 in (first-1, first]) holds the stay for first - t0 of a month, not all of it.
    this.correction[row + first] -= c * (t0 - (first - 1));
    let last = H + 1;
    if (t1 <= H) {
      last = Math.ceil(t1);
      // Month `last` holds it for t1 - (last-1) of a month, though its month-end does not count it.
      this.correction[row + last] += c * (t1 - (last - 1));
    }
    if (first < last) {
      this.stockDiff[row + first] += c;
      this.stockDiff[row + last] -= c;
      this.familyMonths += sign * (last - (first > 1 ? first : 1));
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
    const rates = this.rates;
    const stock = new Float64Array(StockClass.Count);
    for (let m = 0; m <= H; m++) {
      let stateCost = 0;
      let placementCost = 0;
      for (let k = 0; k < StockClass.Count; k++) {
        const i = k * (H + 2) + m;
        stock[k]! += this.stockDiff[i]!;
        const cost = rates[k]! * (stock[k]! + this.correction[i]!);
        stateCost += cost;
        if (k >= StockClass.Cla0 && k < StockClass.Assessment) placementCost += cost;
      }
      let cla = 0;
      for (let i = 0; i < 5; i++) {
        cla += stock[StockClass.Cla0 + i]!;
        out[(M_PLACEMENT0 + i) * row + m] = stock[StockClass.Cla0 + i]!;
      }
      out[M.cla * row + m] = cla;
      out[M.cp * row + m] = stock[StockClass.Cp]!;
      out[M.cin * row + m] = stock[StockClass.Cin]!;
      out[M.preProceedings * row + m] = stock[StockClass.PreProceedings]!;
      out[M.cost * row + m] = m === 0 ? 0 : this.costDirect[m]! + stateCost;
      out[M.costPlacements * row + m] = m === 0 ? 0 : placementCost;
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

