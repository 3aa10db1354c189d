// Scenarios the user saved in this browser (localStorage), and scenario files in and out.
import { decodeUtf8 } from '../scenario/file-text';
import { formatErrors, parseScenario, printable } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';

const KEY = 'fgc-capacity:saved-scenarios';
/** Where a store that could not be read is set aside, untouched (with a time if that place is taken). */
const UNREADABLE = `${KEY}:unreadable`;
const DRAFT = 'fgc-capacity:draft';

/** The saved scenarios, and the store's text if it could not be read (so that it is never overwritten unseen). */
export interface SavedStore {
  /** Saved scenarios by name, as raw JSON (kept even if invalid, so nothing the user made is lost). */
  scenarios: Record<string, unknown>;
  /** The store could not be read: its text, why, and where it was set aside (undefined if it could not be). */
  unreadable?: { text: string; problem: string; keptAs: string | undefined };
}

/** Reads the saved scenarios. A store that is not a JSON object is set aside under its own key before anything else. */
export function readSavedStore(): SavedStore {
  const text = localStorage.getItem(KEY);
  if (text === null) return { scenarios: {} };
  let problem: string;
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return { scenarios: value as Record<string, unknown> };
    problem = 'it is not a set of named scenarios';
  } catch (e) {
    problem = `it is not valid JSON (${(e as Error).message})`;
  }
  return { scenarios: {}, unreadable: { text, problem, keptAs: setAside(text) } };
}

/** Copies an unreadable store's text to a key of its own (the same text is kept once); undefined if the browser refuses. */
function setAside(text: string): string | undefined {
  try {
    for (const key of unreadableKeys()) if (localStorage.getItem(key) === text) return key;
    const key = localStorage.getItem(UNREADABLE) === null ? UNREADABLE : `${UNREADABLE}:${Date.now()}`;
    localStorage.setItem(key, text);
    return key;
  } catch {
    return undefined;
  }
}

/** The keys holding stores set aside because they could not be read. */
export function unreadableKeys(): string[] {
  const keys: string[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key !== null && (key === UNREADABLE || key.startsWith(`${UNREADABLE}:`))) keys.push(key);
  }
  return keys.sort();
}

/** The text of a store set aside. */
export function unreadableText(key: string): string {
  return localStorage.getItem(key) ?? '';
}

/** Forgets a store set aside (only when the user asks). */
export function forgetUnreadable(key: string): void {
  localStorage.removeItem(key);
}

/** Saved scenarios by name (none while the store cannot be read). */
export function savedScenarios(): Record<string, unknown> {
  return readSavedStore().scenarios;
}

/**
 * Saves a scenario under `name`. A store that could not be read is replaced only once its text is set aside; if it
 * could not be set aside, nothing is written and this throws, so the saved scenarios are never lost.
 */
export function saveScenario(name: string, raw: unknown): void {
  const store = readSavedStore();
  if (store.unreadable && store.unreadable.keptAs === undefined) {
    throw new Error(`the scenarios saved in this browser could not be read (${store.unreadable.problem}) and could not be set aside, so nothing was saved over them`);
  }
  localStorage.setItem(KEY, JSON.stringify({ ...store.scenarios, [name]: raw }));
}

export function deleteScenario(name: string): void {
  const store = readSavedStore();
  if (store.unreadable) return;
  const all = { ...store.scenarios };
  delete all[name];
  localStorage.setItem(KEY, JSON.stringify(all));
}

/** The scenario being edited, kept in this tab so that a reload does not lose it. */
export interface Draft {
  raw: unknown;
  /** Where it was loaded from ('' for a shipped scenario) and which shipped scenario. */
  origin: string;
  scenarioKey: string;
  /** The page's hash when it was edited: a draft comes back only on the page it was made on (not on a new share link). */
  hash: string;
}

/** Keeps the draft in this tab; false if the browser refused (too large), so the page should ask before it is left. */
export function saveDraft(draft: Draft): boolean {
  try {
    sessionStorage.setItem(DRAFT, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** The draft made on a page with this hash, if any. */
export function readDraft(hash: string): Draft | undefined {
  try {
    const text = sessionStorage.getItem(DRAFT);
    const draft = text === null ? undefined : (JSON.parse(text) as Draft);
    return draft && draft.hash === hash && 'raw' in draft ? draft : undefined;
  } catch {
    return undefined;
  }
}

export function clearDraft(): void {
  try {
    sessionStorage.removeItem(DRAFT);
  } catch {
    // No storage in this tab: nothing was kept.
  }
}

/** The largest scenario file the page imports, bytes: shipped scenarios are under 20 kB; a larger file is not one to draw. */
export const MAX_IMPORT_BYTES = 1_000_000;

/** Reads an imported file: UTF-8, JSON syntax and the schema are all checked; the raw value is returned if it is JSON. */
export function readScenarioFile(bytes: Uint8Array): { raw: unknown; scenario: Scenario | undefined; problem: string } {
  const text = decodeUtf8(bytes);
  if (!text.ok) return { raw: undefined, scenario: undefined, problem: `The file ${text.errors}.` };
  let raw: unknown;
  try {
    raw = JSON.parse(text.value);
  } catch (e) {
    return { raw: undefined, scenario: undefined, problem: `The file is not valid JSON: ${printable((e as Error).message)}` };
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
