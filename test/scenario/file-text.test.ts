// A scenario file's bytes (issue 21, W8 and the report's other observations): UTF-8 only, a BOM dropped, and no
// terminal escape from a file reaches a message. Fails on the code before: latin-1 bytes became U+FFFD silently; a
// valid file with a BOM was refused; ESC and BEL bytes were echoed to stderr.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, parseScenarioBytes } from '../../src/scenario/file-text';
import { printable } from '../../src/scenario/parse';
import { LEEDS, readJson } from '../helpers/scenarios';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('scenario file bytes', () => {
  it('reads a valid scenario with or without a byte-order mark', () => {
    const json = JSON.stringify(readJson(LEEDS));
    expect(parseScenarioBytes(bytes(json)).ok).toBe(true);
    expect(parseScenarioBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes(json)])).ok).toBe(true);
  });

  it('refuses bytes that are not UTF-8, naming the first one, instead of replacing them', () => {
    const json = bytes(JSON.stringify({ ...readJson(LEEDS), name: 'L_eds' }));
    const at = json.indexOf('_'.charCodeAt(0));
    json[at] = 0xe9; // é in latin-1
    expect(decodeUtf8(json)).toEqual({ ok: false, errors: `is not UTF-8 text (at byte ${at.toLocaleString('en-GB')}): save it as UTF-8` });
    const parsed = parseScenarioBytes(json);
    expect(parsed.ok ? [] : parsed.errors).toEqual([{ path: '(file)', message: expect.stringMatching(/^is not UTF-8 text/) }]);
  });

  it('writes control characters from a file as \\u escapes in a syntax error', () => {
    const parsed = parseScenarioBytes(bytes('\u001b]0;PWNED\u0007\u001b[2J'));
    const message = parsed.ok ? '' : parsed.errors[0]!.message;
    expect(message).toMatch(/^is not valid JSON: /);
    expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(message).toContain('\\u001b');
    expect(printable('a\u009bb\u2028c')).toBe('a\\u009bb\\u2028c');
  });

  it('names the first byte that is not UTF-8 as the browser\'s decoder finds it (2,000 seeded byte strings)', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const decodes = (b: Uint8Array) => {
      try {
        strict.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    // Mostly text with some high bytes, so that well-formed and broken multi-byte characters both come up.
    const byte = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constantFrom(0xc3, 0xe2, 0xf0, 0x82, 0xa9, 0xed, 0xf4));
    fc.assert(
      fc.property(fc.array(byte, { minLength: 1, maxLength: 24 }), (list) => {
        const bytes = Uint8Array.from([0x7b, ...list]); // never a BOM at the start
        const result = decodeUtf8(bytes);
        expect(result.ok).toBe(decodes(bytes));
        if (!result.ok) {
          const at = Number(/at byte ([\d,]+)/.exec(result.errors)![1]!.replace(/,/g, ''));
          expect(decodes(bytes.subarray(0, at))).toBe(true);
          // Every longer prefix holds that byte, and none decodes.
          for (let k = at + 1; k <= bytes.length; k++) expect(decodes(bytes.subarray(0, k))).toBe(false);
        }
      }),
      { seed: 21, numRuns: 2_000 },
    );
  });
});
