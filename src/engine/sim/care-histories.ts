// A simulated council's care histories, as the engine walks them: one run's no-service path (the counterfactual's,
// when it has no FGC service), each child's periods of care with its birth, placements and changes of placement,
// and its exit and route, told by the walk as it books them (src/wasm/care.ts, src/wasm/placements.ts). What
// src/ssda903/write.ts writes as an SSDA903 return, the round trip's source.
import { Accumulators, monthlyCostByClass } from './accumulators';
import { FamilySimulator } from './family';
import { makeRunContext } from './run-context';
import type { Scenario } from '../../scenario/schema';
import { METRIC_COUNT } from '../results/metrics';
import { MAX_CHILDREN } from './wasm/layout';

/** Routes as the walk numbers them: 0 home, 1 special guardianship, 2 adoption, 3 other, 4 the 18th birthday. */
export const HISTORY_ROUTES = ['returnHome', 'specialGuardianship', 'adoption', 'other', 'eighteen'] as const;

export interface CarePeriod {
  /**
   * The child: its family's key and its number in the family's episodes. The key, mix32(key0 ^ mix32(f)), is one
   * family's alone within a run (mix32's xor-shifts and odd multiplications are each one-to-one on 32 bits).
   */
  family: number;
  child: number;
  /** The child within its family (the same child in a later period of care: a re-entry). */
  person: number;
  /** Months from month 0 (negative: before it, for a child found in care at month 0). */
  birth: number;
  entry: number;
  /** Each placement from when it began (PLACEMENTS index): the first at entry, then one a change of placement. */
  placements: { from: number; placement: number }[];
  /** The exit within the horizon, and its route (HISTORY_ROUTES index); null: still in care at the horizon. */
  exit: number | null;
  route: number;
}

/**
 * Simulates run `run` of the scenario's no-service path for `months` and returns every child's periods of care in
 * it, with the run's series (METRIC_COUNT × (months + 1), as an arm without a service reports them).
 */
export function careHistories(scenario: Scenario, seed: string, run: number, months: number): { periods: CarePeriod[]; series: Float64Array } {
  const ctx = makeRunContext(scenario, seed, run, months);
  const families = new FamilySimulator(ctx);
  const acc = new Accumulators(ctx.horizonMonths, monthlyCostByClass(ctx.params.costs, ctx.params.placement), false);
  const byChild = new Map<string, CarePeriod>();
  const at = (family: number, child: number) => {
    const id = `${family}:${child}`;
    let p = byChild.get(id);
    if (!p) byChild.set(id, (p = { family, child, person: child % MAX_CHILDREN, birth: NaN, entry: NaN, placements: [], exit: null, route: -1 }));
    return p;
  };
  families.simulateAllRecorded(acc, (kind, family, child, t, a, b) => {
    const p = at(family, child);
    if (kind === 0) {
      p.entry = t;
      p.birth = a;
      p.route = b;
    } else if (kind === 1) p.placements.push({ from: t, placement: a });
    else {
      p.exit = t;
      p.route = b;
    }
  });
  const series = new Float64Array(METRIC_COUNT * (months + 1));
  acc.writeTo(series);
  const periods = [...byChild.values()];
  for (const p of periods) p.placements.sort((x, y) => x.from - y.from);
  return { periods, series };
}
