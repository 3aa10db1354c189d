// The engine stays pure: it imports only its own files, the scenario types and seedrandom, and never the global generator.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/scenarios';

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('architecture', () => {
  for (const dir of ['src/engine', 'src/scenario']) {
    it(`${dir} imports only relative files and seedrandom (no DOM, Node, UI or worker modules)`, () => {
      const offenders: string[] = [];
      for (const file of sources(dir)) {
        const text = readFileSync(join(ROOT, file), 'utf8');
        for (const match of text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)) {
          const target = match[1]!;
          if (!target.startsWith('./') && !target.startsWith('../') && target !== 'seedrandom') offenders.push(`${file}: ${target}`);
          // Relative imports must stay inside the engine and the scenario schema.
          const resolved = join(dirname(file), target);
          if (target.startsWith('.') && !/^src\/(engine|scenario)\//.test(resolved)) offenders.push(`${file}: ${target}`);
        }
      }
      expect(offenders).toEqual([]);
    });
  }

  it('no engine or scenario code calls Math.random', () => {
    const offenders = [...sources('src/engine'), ...sources('src/scenario')].filter((file) => /Math\.random\s*\(/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
