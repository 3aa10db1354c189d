// Issue 24, point 3 (in part): every seed citation in what ships (the scenarios, the published analyses, the effect
// presets) names lines the seed has, and its passage ships beside the scenarios (scenarios/seed-passages.json,
// `npm run build:seed-passages`), so the app and the tests can show and check it without the seeds.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PASSAGES, SEEDS, seedLines, shippedSources } from '../../src/cli/dev/build-seed-passages';
import { citationKey, citationsIn } from '../../src/scenario/citations';

const passages = JSON.parse(readFileSync(PASSAGES, 'utf8')) as Record<string, string>;

describe('seed citations', () => {
  it('are read from a source with their file, lines and ranges; a line after a file belongs to it', () => {
    expect(citationsIn('000_8890056140a8d8e5.txt:L1919 (mean days)')).toEqual([{ file: '000_8890056140a8d8e5.txt', first: 1919, last: 1919 }]);
    expect(citationsIn('002_459de89b64b03bfc.txt:L1140–1153 and L1162-1175').map(citationKey)).toEqual(['002_459de89b64b03bfc.txt:L1140–1153', '002_459de89b64b03bfc.txt:L1162–1175']);
    expect(citationsIn('a (001_08fc2746a931d856.txt:L466, L474) b (000_8890056140a8d8e5.txt:L1626)').map(citationKey)).toEqual([
      '001_08fc2746a931d856.txt:L466',
      '001_08fc2746a931d856.txt:L474',
      '000_8890056140a8d8e5.txt:L1626',
    ]);
    // A line reference before any file is not a citation of anything.
    expect(citationsIn('L12 of nothing')).toEqual([]);
  });

  it('each has its passage shipped, not blank, and nothing stale is shipped', () => {
    const cited = new Set<string>();
    const missing: string[] = [];
    for (const { where, source } of shippedSources()) {
      for (const c of citationsIn(source)) {
        const key = citationKey(c);
        cited.add(key);
        if (!(key in passages)) missing.push(`${where}: ${key}`);
        else if (passages[key]!.trim() === '') missing.push(`${where}: ${key} cites a blank line`);
      }
    }
    expect(missing).toEqual([]);
    expect(cited.size).toBeGreaterThan(90);
    expect(Object.keys(passages).filter((k) => !cited.has(k))).toEqual([]);
  });

  it('each shipped passage is the seed’s lines, where the seeds are (../shared/seeds)', () => {
    if (!existsSync(SEEDS)) return; // a clean clone has no seeds: the passages shipped are what it reads
    const wrong: string[] = [];
    for (const [key, text] of Object.entries(passages)) {
      const [file, lines] = key.split(':L') as [string, string];
      const [first, last = first] = lines.split('–').map(Number) as [number, number?];
      if (seedLines(file).slice(first - 1, last).join('\n') !== text) wrong.push(key);
    }
    expect(wrong).toEqual([]);
  });
});
