// A scenario file's bytes as text (UTF-8 only, a byte-order mark dropped), then parsed: for the command line and the
// page's import. Kept apart from parse.ts so that the engine, which has no TextDecoder in its types, does not import it.
import { parseScenarioText, type ParseResult, type Result } from './parse';

/**
 * A file's text from its bytes: UTF-8 only (a byte that is not UTF-8 is refused with its offset, never silently
 * replaced by U+FFFD) and a leading byte-order mark dropped (editors on Windows write one).
 */
export function decodeUtf8(bytes: Uint8Array): Result<string, string> {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)) };
  } catch {
    return { ok: false, errors: `is not UTF-8 text (at byte ${firstBadByte(bytes, start).toLocaleString('en-GB')}): save it as UTF-8` };
  }
}

/** The offset of the first byte that is not part of a well-formed UTF-8 character (RFC 3629), from `start`. */
function firstBadByte(bytes: Uint8Array, start: number): number {
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong forms, surrogates and code points past U+10FFFF.
    const c1 = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return i;
    i += n + 1;
  }
  return i;
}

/** Parses a scenario file's bytes: UTF-8 (see decodeUtf8), then JSON, then the schema. */
export function parseScenarioBytes(bytes: Uint8Array): ParseResult {
  const text = decodeUtf8(bytes);
  return text.ok ? parseScenarioText(text.value) : { ok: false, errors: [{ path: '(file)', message: text.errors }] };
}
