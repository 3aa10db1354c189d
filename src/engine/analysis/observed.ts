// Compares an arm's bands with the observed series a scenario carries: month by month, inside the P5–P95 band or not.
import type { Scenario } from '../../scenario/schema';
import type { Metric } from '../results/metrics';
import { monthLabels } from '../results/plan';
import type { RunSummary } from '../results/run-set';
import type { ArmSummary } from '../results/summarise';

export interface ObservedPoint {
  month: string;
  observed: number;
  mean: number;
  p5: number;
  p95: number;
  inside: boolean;
}

export interface ObservedComparison {
  metric: Metric;
  points: ObservedPoint[];
  /** Share of observed months inside the P5–P95 band. */
  coverage: number;
  /** Mean of the observed values and of the simulated means over the same months. */
  observedMean: number;
  simulatedMean: number;
}

/**
 * Lines up each observed series with the arm's bands by calendar month. Flows observed in the
 * start month happened before month 0 and are skipped; stocks at month 0 are compared as given.
 */
export function compareWithObserved(scenario: Scenario, summary: RunSummary, arm: ArmSummary): ObservedComparison[] {
  const observed = scenario.observed;
  if (!observed) return [];
  const index = new Map(summary.months.map((label, m) => [label, m]));
  const results: ObservedComparison[] = [];
  for (const [metric, values] of Object.entries(observed.series) as Array<[Metric, Array<number | null> | undefined]>) {
    if (!values) continue;
    const labels = monthLabels(observed.startMonth, values.length - 1);
    const isFlow = metric !== 'cla' && metric !== 'cp' && metric !== 'cin';
    const band = arm.series[metric];
    const points: ObservedPoint[] = [];
    values.forEach((value, i) => {
      const m = index.get(labels[i]!);
      if (value === null || m === undefined || (isFlow && m === 0)) return;
      const p5 = band.p5[m]!;
      const p95 = band.p95[m]!;
      points.push({ month: labels[i]!, observed: value, mean: band.mean[m]!, p5, p95, inside: value >= p5 && value <= p95 });
    });
    if (points.length === 0) continue;
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    results.push({
      metric,
      points,
      coverage: points.filter((p) => p.inside).length / points.length,
      observedMean: avg(points.map((p) => p.observed)),
      simulatedMean: avg(points.map((p) => p.mean)),
    });
  }
  return results;
}
