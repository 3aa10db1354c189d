// The capacity sweep's arithmetic: the FTE steps, the marginal saving of the next coordinator, and where it stops paying.
import type { RunSummary } from '../results/run-set';

/** `steps` evenly spaced coordinator FTEs from `from` to `to` inclusive, rounded to 0.1 FTE. */
export function sweepSteps(from: number, to: number, steps: number): number[] {
  if (steps < 2) return [from];
  return Array.from({ length: steps }, (_, i) => Math.round((from + ((to - from) * i) / (steps - 1)) * 10) / 10);
}

export interface SweepPoint {
  fte: number;
  /** Saving against the counterfactual over the horizon, £ (net of the coordinators' cost). */
  saving: { p5: number; p50: number; p95: number; mean: number };
  claAvoided: { p5: number; p50: number; p95: number; mean: number };
  /** Mean saving gained per extra FTE from the previous step, £ per FTE (undefined at the first step). */
  marginalPerFte: number | undefined;
}

/** Reads a sweep's summary (counterfactual first, then one arm per step) into points. */
export function sweepPoints(summary: RunSummary): SweepPoint[] {
  const points: SweepPoint[] = summary.comparisons.map((c, i) => ({
    fte: summary.arms[i + 1]!.coordinatorsFte,
    saving: { p5: c.saving.p5, p50: c.saving.p50, p95: c.saving.p95, mean: c.saving.mean },
    claAvoided: { p5: c.claAvoided.p5, p50: c.claAvoided.p50, p95: c.claAvoided.p95, mean: c.claAvoided.mean },
    marginalPerFte: undefined,
  }));
  for (let i = 1; i < points.length; i++) {
    const dFte = points[i]!.fte - points[i - 1]!.fte;
    if (dFte > 0) points[i]!.marginalPerFte = (points[i]!.saving.mean - points[i - 1]!.saving.mean) / dFte;
  }
  return points;
}

/**
 * Where the next coordinator stops paying for itself: the first step whose marginal saving per
 * FTE is below zero (its extra coordinators cost more than they save), after one that was not.
 * The FTE is interpolated linearly between the two steps. Undefined if that never happens.
 */
export function breakEvenFte(points: SweepPoint[]): number | undefined {
  for (let i = 2; i < points.length; i++) {
    const before = points[i - 1]!.marginalPerFte;
    const after = points[i]!.marginalPerFte;
    if (before !== undefined && after !== undefined && before >= 0 && after < 0) {
      const x0 = (points[i - 2]!.fte + points[i - 1]!.fte) / 2;
      const x1 = (points[i - 1]!.fte + points[i]!.fte) / 2;
      return x0 + ((x1 - x0) * before) / (before - after);
    }
  }
  if (points.length > 1 && points[1]!.marginalPerFte !== undefined && points[1]!.marginalPerFte < 0) return points[0]!.fte;
  return undefined;
}
