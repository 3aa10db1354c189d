// The results' fan charts, in order: the FGC service's series, and a caseload service's beside them when the scenario
// has one (its cases open, families waiting, children taken on).
import type { Metric } from '../engine';
import type { Scenario } from '../scenario/schema';
import { caseloadService } from './services';

/** One chart: the series, its title, its unit, and the first month shown (flows have none at month 0). */
export interface SeriesChart {
  metric: Metric;
  heading: string;
  unit: string;
  from: number;
}

const chart = (metric: Metric, heading: string, unit: string, from: number): SeriesChart => ({ metric, heading, unit, from });

const FGC_CHARTS: readonly SeriesChart[] = [
  chart('cla', 'Children looked after', 'children at month end', 0),
  chart('cp', 'Child protection plans', 'children at month end', 0),
  chart('cin', 'Children in need', 'children at month end', 0),
  chart('claEntries', 'Entries to care', 'children a month', 1),
  chart('fgcHeld', 'FGCs held', 'conferences a month', 1),
  chart('fgcWaiting', 'Families waiting for an FGC', 'families at month end', 1),
];

/** The charts for the results of `scenario`: the cost chart last, after the caseload service's (if any). */
export function seriesCharts(scenario: Scenario | undefined): SeriesChart[] {
  const service = caseloadService(scenario);
  return [
    ...FGC_CHARTS,
    ...(service
      ? [
          chart('supportOpen', `${service.name}: cases open`, 'families at month end', 1),
          chart('supportWaiting', `${service.name}: families waiting`, 'families at month end', 1),
          chart('supportAllocatedChildren', `${service.name}: children taken on`, 'children a month', 1),
        ]
      : []),
    chart('cost', 'Cost', '£ a month', 1),
  ];
}
