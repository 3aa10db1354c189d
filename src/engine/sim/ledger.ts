// An audit view of one arm: children entering and leaving each state, and families in each state, month by month.
import { LEDGER_STATES, LEDGER_WIDTH } from './wasm/layout';

// Ledger states: the pathway's seven (assessment … out) plus State.NotArrived; per month LEDGER_WIDTH slots:
// entries by state (children), exits by state (children), families by state at month end.

/**
 * Bookkeeping for tests and audits, filled alongside an arm's results: every move of a family is
 * recorded, so stocks can be checked against flows and every family accounted for in every month.
 */
export class Ledger {
  readonly values: Float64Array;

  constructor(readonly monthCount: number) {
    this.values = new Float64Array(monthCount * LEDGER_WIDTH);
  }

  /** Children entering a state in month m. */
  entries(state: number, month: number): number {
    return this.values[month * LEDGER_WIDTH + state]!;
  }

  /** Children leaving a state in month m. */
  exits(state: number, month: number): number {
    return this.values[month * LEDGER_WIDTH + LEDGER_STATES + state]!;
  }

  /** Families in a state at the end of month m. */
  familiesIn(state: number, month: number): number {
    return this.values[month * LEDGER_WIDTH + 2 * LEDGER_STATES + state]!;
  }
}
