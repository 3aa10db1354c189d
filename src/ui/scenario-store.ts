// Scenarios the user saved in this browser (localStorage), and scenario files in and out.
import { formatErrors, parseScenario } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';

const KEY = 'fgc-capacity:saved-scenarios';

/** Saved scenarios by name, as raw JSON (kept even if invalid, so nothing the user made is lost). */
export function savedScenarios(): Record<string, unknown> {
  try {
    const text = localStorage.getItem(KEY);
    const value = text ? JSON.parse(text) : {};
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function saveScenario(name: string, raw: unknown): void {
  localStorage.setItem(KEY, JSON.stringify({ ...savedScenarios(), [name]: raw }));
}

export function deleteScenario(name: string): void {
  const all = savedScenarios();
  delete all[name];
  localStorage.setItem(KEY, JSON.stringify(all));
}

/** Reads an imported file: JSON syntax and the schema are both checked; the raw value is returned either way. */
export function readScenarioFile(text: string): { raw: unknown; scenario: Scenario | undefined; problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { raw: undefined, scenario: undefined, problem: `The file is not valid JSON: ${(e as Error).message}` };
  }
  const parsed = parseScenario(raw);
  return parsed.ok ? { raw, scenario: parsed.value, problem: '' } : { raw, scenario: undefined, problem: `The file is not a valid scenario:\n${formatErrors(parsed.errors)}` };
}

/** Starts a download of text as a file. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
