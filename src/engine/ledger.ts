// An audit trail of one arm: children entering and leaving each state, and families in each state, month by month.
import { State } from './states';

/** States plus one for families that have not yet arrived. */
export const LEDGER_STATES = 8;
export const NOT_ARRIVED = 7;
/** Per month: entries by state (children), exits by state (children), families by state at month end. */
export const LEDGER_WIDTH = LEDGER_STATES * 3;

/**
 * Optional bookkeeping for tests and audits: every move of a family is recorded, so stocks can be
 * checked against flows (in + entries − exits = out) and every family accounted for in every month.
 */
export class Ledger {
  readonly values: Float64Array;
  private readonly families = new Float64Array(LEDGER_STATES);

  constructor(
    readonly monthCount: number,
    totalFamilies: number,
  ) {
    this.values = new Float64Array(monthCount * LEDGER_WIDTH);
    this.families[NOT_ARRIVED] = totalFamilies;
  }

  /** A family of `children` moves between states during month m. */
  move(from: State | typeof NOT_ARRIVED, to: State, children: number, month: number): void {
    const row = month * LEDGER_WIDTH;
    this.values[row + LEDGER_STATES + from] += children;
    this.values[row + to] += children;
    this.families[from]!--;
    this.families[to]!++;
  }

  closeMonth(month: number): void {
    this.values.set(this.families, month * LEDGER_WIDTH + 2 * LEDGER_STATES);
  }

  entries(state: number, month: number): number {
    return this.values[month * LEDGER_WIDTH + state]!;
  }

  exits(state: number, month: number): number {
    return this.values[month * LEDGER_WIDTH + LEDGER_STATES + state]!;
  }

  familiesIn(state: number, month: number): number {
    return this.values[month * LEDGER_WIDTH + 2 * LEDGER_STATES + state]!;
  }
}
