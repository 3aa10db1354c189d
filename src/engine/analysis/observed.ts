// Compares an arm's bands with the observed series a scenario carries: month by month, inside the P5–P95 band or not.
import type { Scenario } from '../../scenario/schema';
import type { Metric } from '../results/metrics';
import { monthLabels } from '../results/plan';
import type { RunSummary } from '../results/run-set';
import { stat, type ArmSummary } from '../results/summarise';

export interface ObservedPoint {
  month: string;
  observed: number;
  mean: number;
  p50: number;
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
  /** Mean over the observed months of the simulated median less the observed value (positive: the model is above). */
  medianBias: number;
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
      points.push({ month: labels[i]!, observed: value, mean: band.mean[m]!, p50: band.p50[m]!, p5, p95, inside: value >= p5 && value <= p95 });
    });
    if (points.length === 0) continue;
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    results.push({
      metric,
      points,
      coverage: points.filter((p) => p.inside).length / points.length,
      observedMean: avg(points.map((p) => p.observed)),
      simulatedMean: avg(points.map((p) => p.mean)),
      medianBias: avg(points.map((p) => p.p50 - p.observed)),
    });
  }
  return results;
}

export interface ObservedTotalComparison {
  metric: ObservedTotal['metric'];
  from: string;
  to: string;
  observed: number;
  unit: string;
  source: string;
  /** The arm's total over the same months, run by run: quantiles over the runs. */
  p5: number;
  p50: number;
  p95: number;
  mean: number;
  /** (P50 - observed) / observed. */
  relativeError: number;
  inside: boolean;
}

type ObservedTotal = NonNullable<NonNullable<Scenario['observed']>['totals']>[number];

/** The metrics whose every run the totals need (RunOptions.keepRunSeries). */
export function totalMetrics(scenario: Scenario): Metric[] {
  return [...new Set((scenario.observed?.totals ?? []).map((t) => t.metric as Metric))];
}

/**
 * Each observed total (a flow summed over months `from`..`to`) against the arm's same sum run by run; the summary
 * must have kept those series run by run (totalMetrics). A total reaching past the simulated months is an error.
 */
export function compareTotals(scenario: Scenario, summary: RunSummary, arm: ArmSummary): ObservedTotalComparison[] {
  const index = new Map(summary.months.map((label, m) => [label, m]));
  return (scenario.observed?.totals ?? []).map((t) => {
    const from = index.get(t.from);
    const to = index.get(t.to);
    if (from === undefined || to === undefined) throw new Error(`observed total of ${t.metric} ${t.from} to ${t.to} reaches past the months simulated (${summary.months[0]} to ${summary.months.at(-1)})`);
    const runs = arm.runSeries?.[t.metric as Metric];
    if (!runs) throw new Error(`the series ${t.metric} was not kept run by run (RunOptions.keepRunSeries)`);
    const sums = Float64Array.from(runs, (series) => {
      let sum = 0;
      for (let m = from; m <= to; m++) sum += series[m]!;
      return sum;
    }).sort();
    const s = stat(sums);
    return { metric: t.metric, from: t.from, to: t.to, observed: t.value, unit: t.unit, source: t.source, p5: s.p5, p50: s.p50, p95: s.p95, mean: s.mean, relativeError: (s.p50 - t.value) / t.value, inside: t.value >= s.p5 && t.value <= s.p95 };
  });
}
