// One arm's monthly results built from family paths: each sojourn adds O(1) entries to difference arrays.
import { M, M_AFTER_CARE0, M_AGE0, M_ENTRIES_AGE0, M_PLACEMENT0 } from '../results/metrics';
import type { RunParameters } from './params';
import { AFTER_CARE_KINDS, AGE_BANDS, accumulatorLayout, CLASS_COUNT, FLOW_COUNT, FlowRow, LEDGER_STATES, LEDGER_WIDTH, PLACEMENTS, StockClass } from './wasm/layout';
import { Pathway, type MemoryViews } from './wasm/pathway';

/**
 * £ per child-month in each stock class (assessment costs nothing by the month), from a run's costs: CLASS_COUNT
 * whole costs, then CLASS_COUNT cashable parts (a placement's marginal cost; nothing of a plan's staff time).
 */
export function monthlyCostByClass(costs: RunParameters['costs'], placement: RunParameters['placement']): Float64Array {
  // Care by age band is the same children as care by placement: its child-months cost nothing again.
  const byAge = new Array<number>(AGE_BANDS).fill(0);
  return Float64Array.of(
    ...[costs.cinMonthly, costs.cpMonthly, costs.preProceedingsMonthly, ...costs.claMonthly, 0, ...byAge, ...placement.afterMonthly],
    ...[0, 0, 0, ...costs.claCashableMonthly, 0, ...byAge, ...placement.afterCashableMonthly],
  );
}

/**
 * Adds families' paths (sign +1) or removes them (sign -1), so an arm can start from the shared
 * no-service paths and replace only the families its FGC service changed. Nothing is done per
 * family per month: a stay adds two month-end stock differences and two part-month corrections.
 * The child-months in class k during month m are its stock at the end of m, less the part of m
 * before each entry in m, plus the part of m before each exit in m; state costs follow from them.
 *
 * The arrays live in the thread's pathway memory (see Pathway), one block per arm, where the
 * WebAssembly walk books stays into them; this class reads them out. The block's layout is the
 * layout table's (ACCUMULATOR_BLOCK in src/wasm/layout-table.ts): stockDiff, correction, costDirect,
 * serviceDirect, flows, familyMonths, then with a ledger: ledger and familiesDiff.
 */
export class Accumulators implements MemoryViews {
  readonly H: number;
  /** £ per child-month by stock class: CLASS_COUNT whole costs, then (if given) CLASS_COUNT cashable parts. */
  readonly rates: Float64Array;
  readonly withLedger: boolean;
  /** Byte offset of the block in the pathway memory. */
  readonly offset: number;
  private readonly pathway: Pathway;
  private readonly generation: number;
  /** Where each part starts in the block, f64 slots. */
  private readonly parts: ReturnType<typeof accumulatorLayout>;
  /** Month-end stocks, children: CLASS_COUNT rows of H + 2 differences. */
  stockDiff!: Float64Array;
  /** Child-months to add to month m's month-end stock to get its exact child-months, per class (same layout). */
  correction!: Float64Array;
  /** £ of one-off costs (processes, conferences, coordinators) in each month. */
  costDirect!: Float64Array;
  /** £ of the FGC service (coordinators, conferences) in each month; also counted in costDirect. */
  serviceDirect!: Float64Array;
  /** FlowRow rows (claEntries, claExits, claReturnsHome, referrals: children; careProceedings: families) of H + 1. */
  flows!: Float64Array;
  private months!: Float64Array;
  /** Optional audit: moves and families by state (see Ledger). */
  ledger: Float64Array | undefined;
  familiesDiff: Float64Array | undefined;

  constructor(H: number, rates: Float64Array, withLedger: boolean, from?: Accumulators) {
    this.H = H;
    this.rates = rates;
    this.withLedger = withLedger;
    this.pathway = Pathway.get();
    this.generation = this.pathway.generation;
    this.parts = accumulatorLayout(H, withLedger);
    this.offset = this.pathway.allocate(this.parts.size * 8);
    this.pathway.track(this);
    // A copy keeps the ledger too, so that an arm's audit covers its service's changes.
    if (from) this.whole().set(from.whole());
  }

  bind(buffer: ArrayBuffer): void {
    const H = this.H;
    const at = this.offset;
    const part = this.parts;
    const stocks = CLASS_COUNT * (H + 2);
    this.stockDiff = new Float64Array(buffer, at + 8 * part.stockDiff, stocks);
    this.correction = new Float64Array(buffer, at + 8 * part.correction, stocks);
    this.costDirect = new Float64Array(buffer, at + 8 * part.costDirect, H + 1);
    this.serviceDirect = new Float64Array(buffer, at + 8 * part.serviceDirect, H + 1);
    this.flows = new Float64Array(buffer, at + 8 * part.flows, FLOW_COUNT * (H + 1));
    this.months = new Float64Array(buffer, at + 8 * part.familyMonths, 2);
    this.ledger = this.withLedger ? new Float64Array(buffer, at + 8 * part.ledger, (H + 1) * LEDGER_WIDTH) : undefined;
    this.familiesDiff = this.withLedger ? new Float64Array(buffer, at + 8 * part.familiesDiff, LEDGER_STATES * (H + 2)) : undefined;
  }

  /** Throws once another run has taken the pathway memory over (these views would read its data). */
  private check(): void {
    this.pathway.check(this.generation, 'an arm\'s accumulators');
  }

  /** The whole block. */
  private whole(): Float64Array {
    this.check();
    return new Float64Array(this.pathway.buffer, this.offset, this.parts.size);
  }

  /** Open family-months (month ends 1..H at which a family is open). */
  get familyMonths(): number {
    this.check();
    return this.months[0]!;
  }

  /** A copy to apply one arm's changes to. */
  clone(): Accumulators {
    return new Accumulators(this.H, this.rates, this.withLedger, this);
  }

  /**
   * `children` in a stock class over [t0, t1), months (t0 ≤ H), as the walk books a stay. Month-end
   * m counts it when t0 ≤ m < t1; its child-months in each month (and so its cost) follow the exact time spent there.
   */
  sojourn(k: StockClass, children: number, t0: number, t1: number, sign: number): void {
    this.check();
    this.pathway.exports.sojournFor(this.H, this.offset, k, children, t0, t1, sign);
  }

  /** Writes the pathway series (stocks, flows, cost before service costs are added) into a result block. */
  writeTo(out: Float64Array): void {
    this.check();
    const H = this.H;
    const row = H + 1;
    const rates = this.rates;
    const stock = new Float64Array(CLASS_COUNT);
    const withCashable = rates.length >= 2 * CLASS_COUNT;
    for (let m = 0; m <= H; m++) {
      let stateCost = 0;
      let placementCost = 0;
      let cashableCost = 0;
      let afterCare = 0;
      for (let k = 0; k < CLASS_COUNT; k++) {
        const i = k * (H + 2) + m;
        stock[k]! += this.stockDiff[i]!;
        const childMonths = stock[k]! + this.correction[i]!;
        const cost = rates[k]! * childMonths;
        stateCost += cost;
        if (k >= StockClass.Cla0 && k < StockClass.Assessment) placementCost += cost;
        if (k >= StockClass.AfterCare0) afterCare += cost;
        if (withCashable) cashableCost += rates[CLASS_COUNT + k]! * childMonths;
      }
      let cla = 0;
      for (let i = 0; i < PLACEMENTS; i++) {
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
      // The cashable part of the pathway's cost: placements' marginal part, from its own rates (the rest, staff
      // time, placements' fixed part and processes, is cost − costFgcService − this: not kept, to keep a run small).
      out[M.costCashable * row + m] = m === 0 ? 0 : cashableCost;
      out[M.claEntries * row + m] = this.flows[FlowRow.ClaEntries * row + m]!;
      out[M.claExits * row + m] = this.flows[FlowRow.ClaExits * row + m]!;
      out[M.claReturnsHome * row + m] = this.flows[FlowRow.ClaReturnsHome * row + m]!;
      out[M.referrals * row + m] = this.flows[FlowRow.Referrals * row + m]!;
      out[M.careProceedings * row + m] = this.flows[FlowRow.CareProceedings * row + m]!;
      out[M.cpEntries * row + m] = this.flows[FlowRow.CpEntries * row + m]!;
      for (let b = 0; b < AGE_BANDS; b++) {
        out[(M_AGE0 + b) * row + m] = stock[StockClass.ClaAge0 + b]!;
        out[(M_ENTRIES_AGE0 + b) * row + m] = this.flows[(FlowRow.EntriesAge0 + b) * row + m]!;
      }
      out[M.careLeavers * row + m] = this.flows[FlowRow.CareLeavers * row + m]!;
      out[M.claSpecialGuardianship * row + m] = this.flows[FlowRow.ClaSpecialGuardianship * row + m]!;
      out[M.claAdopted * row + m] = this.flows[FlowRow.ClaAdopted * row + m]!;
      out[M.claOtherExits * row + m] = this.flows[FlowRow.ClaOtherExits * row + m]!;
      out[M.placementMoves * row + m] = this.flows[FlowRow.PlacementMoves * row + m]!;
      // Support after care: its cost, and the children it is paid for at month end by kind (AFTER_CARE_KINDS order).
      out[M.costAfterCare * row + m] = m === 0 ? 0 : afterCare;
      for (let k = 0; k < AFTER_CARE_KINDS; k++) out[(M_AFTER_CARE0 + k) * row + m] = stock[StockClass.AfterCare0 + k]!;
    }
  }

  /** Writes the audit ledger (moves, and families by state from the differences). */
  writeLedger(values: Float64Array): void {
    this.check();
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

