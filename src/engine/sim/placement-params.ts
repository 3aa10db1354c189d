// One run's draw of each child's placements in care and of the support paid for after care (issue 26): placement at
// entry by age band, moves between placement types, and each kind of support's cost, share and age it ends.
import type { QuantityInput, scenarioInputs } from '../../scenario/inputs';
import { AFTER_CARE_KINDS, AGE_BANDS, NON_KIN_PLACEMENTS, PLACEMENTS } from '../../scenario/placement-schema';
import type { Scenario } from '../../scenario/schema';

/** What this needs of a run's draw (./params ParameterDraw): a quantity, and money a month in the reporting year's prices. */
interface Draw {
  q(input: QuantityInput): number;
  perMonth(input: QuantityInput): number;
}

export interface PlacementParameters {
  /** Of the children of a family not placed with kin, the shares at entry by placement for each age band at entry: band × PLACEMENTS + placement (kinship 0). */
  byAge: Float64Array;
  /** Moves a child-month from one placement type to another: from × PLACEMENTS + to. */
  moveRate: Float64Array;
  /** The moves' multiplier by the child's age band at the time. */
  moveAge: Float64Array;
  /** Each kind of support after care (AFTER_CARE_KINDS order): the probability a child's is paid, to what age (months), £ a child-month, and its cashable part. */
  afterShare: Float64Array;
  afterUntilMonths: Float64Array;
  afterMonthly: Float64Array;
  afterCashableMonthly: Float64Array;
}

/**
 * The run's placement parameters. Without placementByAge, every band enters by the family mix less kinship
 * (`placements`, drawn), renormalised; without placementMoves, no moves; without costs.afterCare, no support counted.
 */
export function placementParameters(draw: Draw, s: Scenario, tree: ReturnType<typeof scenarioInputs>['tree'], placements: Float64Array): PlacementParameters {
  const P = PLACEMENTS.length;
  const byAge = new Float64Array(AGE_BANDS.length * P);
  const given = s.pathway.cla.placementByAge;
  const nonKin = 1 - placements[0]!;
  AGE_BANDS.forEach((band, b) => {
    NON_KIN_PLACEMENTS.forEach((key) => {
      const i = PLACEMENTS.indexOf(key);
      byAge[b * P + i] = given ? given.shares[band][key] : nonKin > 0 ? placements[i]! / nonKin : key === 'other' ? 1 : 0;
    });
  });
  const moveRate = new Float64Array(P * P);
  const moves = tree.pathway.cla.placementMoves;
  s.pathway.cla.placementMoves?.moves.forEach((m, i) => {
    moveRate[PLACEMENTS.indexOf(m.from) * P + PLACEMENTS.indexOf(m.to)] = draw.q(moves!.moves[i]!.perChildYear) / 12;
  });
  const moveAge = Float64Array.from(s.pathway.cla.placementMoves?.byAge?.multipliers ?? AGE_BANDS.map(() => 1));
  const K = AFTER_CARE_KINDS.length;
  const afterShare = new Float64Array(K);
  const afterUntilMonths = new Float64Array(K);
  const afterMonthly = new Float64Array(K);
  const afterCashableMonthly = new Float64Array(K);
  const after = tree.costs.afterCare;
  const afterGiven = s.costs.afterCare;
  if (after && afterGiven) {
    AFTER_CARE_KINDS.forEach((kind, k) => {
      afterShare[k] = draw.q(after[kind].share);
      afterUntilMonths[k] = 12 * afterGiven[kind].untilAge;
      afterMonthly[k] = draw.perMonth(after[kind].cost);
      afterCashableMonthly[k] = afterGiven[kind].cashable === 'yes' ? afterMonthly[k]! : 0;
    });
  }
  return { byAge, moveRate, moveAge, afterShare, afterUntilMonths, afterMonthly, afterCashableMonthly };
}
