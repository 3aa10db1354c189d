// Share links carry a scenario there and back; a damaged, over-long or inflating link is a problem said in words, never a hang.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_INFLATED_BYTES, MAX_LINK_CHARS, scenarioFromHash, shareLink } from '../../src/ui/share-link';
import { LEEDS, readJson } from '../helpers/scenarios';

const BASE = 'http://localhost/';
const hashOf = (bytes: Buffer) => `#scenario=${bytes.toString('base64url')}`;

describe('share links', () => {
  it('carry a shipped scenario there and back, well inside the limits', async () => {
    const raw = readJson(LEEDS);
    const link = await shareLink(raw, `${BASE}#old`);
    expect(link.startsWith(`${BASE}#scenario=`)).toBe(true);
    expect(link.length).toBeLessThan(MAX_LINK_CHARS / 4);
    expect(await scenarioFromHash(link.slice(BASE.length))).toEqual({ raw });
  });

  it('a damaged link is a problem naming what went wrong', async () => {
    for (const hash of ['#scenario=not-base64!', '#scenario=' + Buffer.from('plain').toString('base64url'), hashOf(deflateRawSync('{"name": "trunc'))]) {
      const result = await scenarioFromHash(hash);
      expect(result).toMatchObject({ problem: expect.stringMatching(/^The share link could not be read \(.+\); the default scenario is loaded instead\.$/) });
    }
  });

  it('a link that would inflate past the limit is stopped there, not inflated whole', async () => {
    const bomb = deflateRawSync(Buffer.alloc(50 * MAX_INFLATED_BYTES, 0x20));
    expect(bomb.length).toBeLessThan(200_000);
    const result = await scenarioFromHash(hashOf(bomb));
    expect(result).toMatchObject({ problem: expect.stringContaining('it would inflate to more than 2 MB') });
  });

  it('a link longer than a scenario can be is refused before it is read, and a scenario too large for a link is refused on making it', async () => {
    const result = await scenarioFromHash(`#scenario=${'A'.repeat(MAX_LINK_CHARS + 1)}`);
    expect(result).toMatchObject({ problem: expect.stringContaining('more than a link to a scenario can be') });
    const huge = { name: 'x'.repeat(MAX_INFLATED_BYTES + 1) };
    await expect(shareLink(huge, BASE)).rejects.toThrow(/more than a link carries .*export it as a file instead/);
  });
});
