// Loads shipped and fixture scenarios for tests, failing loudly if one does not validate.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatErrors, parseScenario } from '../../src/scenario/parse';
import type { Scenario } from '../../src/scenario/schema';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function readJson(relativePath: string): Record<string, unknown> {
  return JSON.parse(readFileSync(ROOT + relativePath, 'utf8'));
}

export function loadScenario(relativePath: string): Scenario {
  return validated(readJson(relativePath));
}

export function validated(raw: unknown): Scenario {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(formatErrors(parsed.errors));
  return parsed.value;
}

/** A deep copy of a raw scenario with `edit` applied, for tests that vary one input. */
export function variant(relativePath: string, edit: (raw: any) => void): Scenario {
  const raw = structuredClone(readJson(relativePath));
  edit(raw);
  return validated(raw);
}

export const SMALL = 'test/fixtures/small-council.json';
export const LEEDS = 'scenarios/leeds-2015-family-valued.json';
export const DARLINGTON = 'scenarios/darlington-2019.json';

/**
 * Each child in care on its own clocks (pathway.cla.routes) in a raw scenario: returning home soon or not for long,
 * special guardianship and adoption after about two years (adoption of children under 10 at entry only), other
 * routes late. For tests of the per-child walk; the values are plausible, not any council's.
 */
export function withRoutes(raw: any, routes?: Record<string, unknown>): void {
  const clock = (mean: number, sd: number) => ({ family: 'lognormal', mean, sd, unit: 'days', source: 'test' });
  raw.pathway.cla.routes = routes ?? {
    returnHome: { clock: clock(500, 700) },
    specialGuardianship: { clock: clock(1400, 900) },
    adoption: { clock: clock(900, 400), hazardByAgeAtEntry: { multipliers: [2, 1.5, 0.3, 0, 0], source: 'test' } },
    other: { clock: clock(3000, 2500) },
  };
}
