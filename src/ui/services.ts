// The caseload service beside the FGC a scenario runs (scenario.services[0], a team like Leeds's RES), as the results
// name it: its id and name for the arms table's columns, the charts' titles and the finance view's cost labels.
import type { Scenario } from '../scenario/schema';

/** The scenario's caseload service (at most one in this version), or undefined for an FGC-only scenario. */
export function caseloadService(scenario: Scenario | undefined): { id: string; name: string } | undefined {
  const service = scenario?.services?.[0];
  return service ? { id: service.id, name: service.name } : undefined;
}

/**
 * What costFgcService is, for a label: "FGC service cost" without a caseload service; with one, "FGC and Restorative
 * Early Support teams cost", since it is then every service's cost.
 */
export function servicesCostWords(serviceName: string | undefined): string {
  return serviceName ? `FGC and ${serviceName} cost` : 'FGC service cost';
}
