// A scenario file's bytes as text (UTF-8 only, a byte-order mark dropped), then parsed: for the command line and the
// page's import. Kept apart from parse.ts so that the engine, which has no TextDecoder in its types, does not import it.
import { parseScenarioText, type Result, type ScenarioError } from './parse';
import type { Scenario } from './schema';

/**
 * A file's text from its bytes: UTF-8 only (a byte that is not UTF-8 is refused with its offset, never silently
 * replaced by U+FFFD) and a leading byte-order mark dropped (editors on Windows write one).
 */
export function decodeUtf8(bytes: Uint8Array): Result<string, string> {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)) };
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes.subarray(start));
    const at = start + new TextEncoder().encode(loose.slice(0, loose.indexOf('\uFFFD'))).length;
    return { ok: false, errors: `is not UTF-8 text (at byte ${at.toLocaleString('en-GB')}): save it as UTF-8` };
  }
}

/** Parses a scenario file's bytes: UTF-8 (see decodeUtf8), then JSON, then the schema. */
export function parseScenarioBytes(bytes: Uint8Array): Result<Scenario, ScenarioError[]> {
  const text = decodeUtf8(bytes);
  return text.ok ? parseScenarioText(text.value) : { ok: false, errors: [{ path: '(file)', message: text.errors }] };
}
