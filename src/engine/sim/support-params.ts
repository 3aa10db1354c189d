// A run's draw of the caseload service beside the FGC (a team like Leeds's Restorative Early Support): in model units.
import type { Scenario } from '../../scenario/schema';
import type { scenarioInputs } from '../../scenario/inputs';
import { pointEffectsOf, WEEKS_PER_MONTH, type ParameterDraw, type PointEffects } from './parameter-draw';

/** The caseload service's numbers for one run: months, families, £ a month. */
export interface SupportParameters {
  id: string;
  name: string;
  /** Mean months a family is worked with. */
  involvementMonths: number;
  /** The longest a referred family waits for a place, months (0: none). */
  maxWaitMonths: number;
  acceptance: number;
  /** The share of referrals offered it (an arm may give its own). */
  eligible: number;
  /** Families one worker FTE holds at once, in the team's mix of grades (FTE-weighted). */
  casesPerFte: number;
  /** £ a month of one worker FTE, in the team's mix of grades (FTE-weighted), in the reporting year's prices. */
  costPerFteMonth: number;
  effects: PointEffects;
  fadeHalfLifeMonths: number;
}

/** Draws the scenario's caseload service (its first and, in this version, only one), or undefined without one. */
export function supportParameters(draw: ParameterDraw, s: Scenario, tree: ReturnType<typeof scenarioInputs>['tree'], run: number): SupportParameters | undefined {
  const service = s.services?.[0];
  const inputs = tree.services?.[0];
  if (!service || !inputs) return undefined;
  let fte = 0;
  let cases = 0;
  let cost = 0;
  service.staff.forEach((grade, i) => {
    const g = inputs.staff[i]!;
    fte += grade.fte;
    cases += grade.fte * draw.q(g.casesPerWorker);
    cost += grade.fte * draw.perMonth(g.annualCost);
  });
  return {
    id: service.id,
    name: service.name,
    involvementMonths: draw.q(inputs.capacity.involvementMonths),
    maxWaitMonths: draw.q(inputs.capacity.maxWaitWeeks) / WEEKS_PER_MONTH,
    acceptance: draw.q(inputs.acceptance),
    eligible: draw.q(inputs.offerPoints.referral.eligibleShare),
    casesPerFte: cases / fte,
    costPerFteMonth: cost / fte,
    effects: pointEffectsOf(draw, inputs.effects.byOfferPoint.referral, run),
    fadeHalfLifeMonths: draw.q(inputs.effects.fadeHalfLifeMonths),
  };
}
