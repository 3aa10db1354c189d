// Parses untrusted JSON into a Scenario, or the list of every problem with its field path.
import { guarded, type ScenarioError } from './check';
import { upratingFactors } from './prices';
import { scenarioSchema, type Scenario } from './schema';

export type { ScenarioError } from './check';

/** A value or the reasons there is none (expected failures are values, never throws). */
export type Result<T, E> = { ok: true; value: T } | { ok: false; errors: E };

/** Validates a scenario object; errors name the field path and the rule. */
export function parseScenario(raw: unknown): Result<Scenario, ScenarioError[]> {
  const errors: ScenarioError[] = [];
  // Guarded: whatever a check throws becomes a problem at the deepest field path that caught it, never a crash.
  const value = guarded(scenarioSchema, raw, '', errors);
  if (errors.length > 0 || value === undefined) return { ok: false, errors };
  // Every money input must be upratable to the reporting year when the scenario has a deflator.
  let prices: ReturnType<typeof upratingFactors>;
  try {
    prices = upratingFactors(value);
  } catch (e) {
    return { ok: false, errors: [{ path: 'prices', message: `could not be checked (${e instanceof Error ? e.message : String(e)})` }] };
  }
  if (prices.errors.length > 0) return { ok: false, errors: prices.errors };
  return { ok: true, value };
}

/** Parses JSON text then validates it; a syntax error is reported like any other problem. */
export function parseScenarioText(text: string): Result<Scenario, ScenarioError[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ path: '(file)', message: `is not valid JSON: ${(e as Error).message}` }] };
  }
  return parseScenario(raw);
}

/** One line per problem: `path: message`. */
export function formatErrors(errors: ScenarioError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
