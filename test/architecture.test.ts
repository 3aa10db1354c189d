// The architecture as a table: every source file belongs to one part, and each part may import only the parts its row names.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/scenarios';

type Part = 'data' | 'councils' | 'ssda903' | 'ui' | 'client' | 'door' | 'sim' | 'results' | 'analysis' | 'random' | 'worksheet' | 'scenario' | 'wasm' | 'workers' | 'cli' | 'dev' | 'test';

/** Which part a file is in: the longest matching prefix wins. */
const PARTS: [prefix: string, part: Part][] = [
  ['src/engine/index.ts', 'door'],
  ['src/engine/sim/', 'sim'],
  ['src/engine/results/', 'results'],
  ['src/engine/analysis/', 'analysis'],
  ['src/engine/random/', 'random'],
  ['src/engine/worksheet/', 'worksheet'],
  ['src/scenario/', 'scenario'],
  ['src/councils/', 'councils'],
  ['src/ssda903/', 'ssda903'],
  ['src/ui/', 'ui'],
  ['src/main.ts', 'ui'],
  ['src/client/', 'client'],
  ['src/cli/dev/', 'dev'],
  ['src/cli/', 'cli'],
  ['src/wasm/', 'wasm'],
  ['workers/', 'workers'],
  ['test/', 'test'],
  ['scenarios/', 'data'],
];

/**
 * The arrows each part may have (its own files always), as DESIGN.md §4 draws them. `types` are
 * arrows allowed for `import type` only (erased at build: no code of that part ships with this one).
 * Packages: the bare module names (or prefixes ending in '/' or ':') the part may import.
 */
const ARROWS: Record<Exclude<Part, 'test' | 'data'>, { to: Part[]; types?: Part[]; packages: string[] }> = {
  // councils: the page shows a council's published figures beside its neighbours (src/ui/cs-neighbours.ts).
  ui: { to: ['door', 'client', 'scenario', 'data', 'councils'], packages: ['lit', 'lit/', 'chart.js', 'pdf-lib'] }, // pdf-lib: the business case's PDF (src/ui/report-pdf.ts)
  client: { to: ['door', 'scenario'], types: ['workers'], packages: ['comlink'] },
  door: { to: ['results', 'analysis', 'worksheet'], packages: [] },
  // and the SSDA903 import's worker (workers/import-903-api.ts): the return is read off the page's thread.
  workers: { to: ['sim', 'ssda903'], packages: ['comlink'] },
  sim: { to: ['results', 'random', 'scenario'], packages: [] },
  // analysis takes the scenario's inputs from the one walk of the schema (src/scenario/inputs.ts), as the simulator does.
  analysis: { to: ['results', 'random', 'scenario'], packages: [] },
  worksheet: { to: ['random', 'results', 'scenario'], packages: [] },
  results: { to: ['scenario'], packages: [] },
  random: { to: [], types: ['scenario'], packages: ['seedrandom'] },
  scenario: { to: [], packages: [] },
  // the council table's accessor: pure, reads the committed table (scenarios/councils/councils.json) only.
  // and the scenario a council starts from (src/councils/build-scenario.ts), checked by the engine's door (hindcast, refine).
  councils: { to: ['data', 'scenario', 'door'], packages: [] },
  // a council's SSDA903 return read in the page's worker or on the command line (pure): the code lists' JSON, the
  // schema's names (placements, age bands, routes) and, to fit a scenario's care part, the council builder's rates.
  ssda903: { to: ['scenario', 'councils'], packages: [] },
  wasm: { to: [], packages: [] },
  cli: { to: ['door', 'client', 'scenario', 'workers', 'councils', 'ssda903'], packages: ['node:', 'comlink', 'comlink/', 'esbuild'] },
  // dev: build:903-codes writes the code lists' JSON in the shape src/ssda903/codes.ts reads (its types only).
  // dev → ui: `npm run verdicts` prints the page's own verdict (src/ui/verdict.ts, pure) for the README.
  dev: { to: ['door', 'sim', 'results', 'random', 'scenario', 'client', 'workers', 'cli', 'wasm', 'councils', 'ssda903', 'ui'], packages: ['node:', 'comlink', 'comlink/', 'esbuild', 'playwright-core'] },
};

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

export function partOf(file: string): Part | undefined {
  let best: [string, Part] | undefined;
  for (const entry of PARTS) if (file.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  return best?.[1];
}

interface Import {
  file: string;
  target: string;
  /** The file it resolves to (relative targets only). */
  resolved?: string;
  typeOnly: boolean;
}

/** Every import, export-from and dynamic import of a file, with `import type` told apart. */
export function importsOf(file: string, text: string, exists: (file: string) => boolean = onDisk): Import[] {
  const out: Import[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^'"]*?)\s*from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of text.matchAll(statement)) {
    const target = (m[4] ?? m[5] ?? m[6])!;
    const names = m[3] ?? '';
    // `import { type A, type B }` is type-only too.
    const allTypedNames = /^\{[^}]*\}$/.test(names.trim()) && names.replace(/[{}\s]/g, '').split(',').filter(Boolean).every((n) => n.startsWith('type'));
    const typeOnly = Boolean(m[2]) || (m[4] !== undefined && allTypedNames);
    out.push({ file, target, typeOnly, resolved: target.startsWith('.') ? resolve(file, target, exists) : undefined });
  }
  return out;
}

const onDisk = (file: string) => existsSync(join(ROOT, file));

/** The file a relative import names: as written, or with .ts, or its folder's index.ts. */
function resolve(file: string, target: string, exists: (file: string) => boolean): string {
  const base = normalize(join(dirname(file), target));
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (exists(candidate)) return candidate;
  return base;
}

/** Every arrow the table forbids, as `file → target (why)`. */
export function forbiddenArrows(files: string[], read: (file: string) => string, exists: (file: string) => boolean = onDisk): string[] {
  const offenders: string[] = [];
  for (const file of files) {
    const from = partOf(file);
    if (!from || from === 'test' || from === 'data') continue;
    const rule = ARROWS[from];
    for (const imp of importsOf(file, read(file), exists)) {
      if (imp.resolved === undefined) {
        const allowed = rule.packages.some((p) => (p.endsWith('/') || p.endsWith(':') ? imp.target.startsWith(p) : imp.target === p));
        if (!allowed) offenders.push(`${file} → package ${imp.target} (${from} may import ${rule.packages.join(', ') || 'no package'})`);
        continue;
      }
      const to = partOf(imp.resolved);
      if (to === from) continue;
      if (!to) offenders.push(`${file} → ${imp.resolved} (outside every part)`);
      else if (rule.to.includes(to)) continue;
      else if (imp.typeOnly && rule.types?.includes(to)) continue;
      else offenders.push(`${file} → ${imp.resolved} (${from} → ${to}${rule.types?.includes(to) ? ' is for import type only' : ' is not an arrow of the table'})`);
    }
  }
  return offenders;
}

/** The import loops among `files` (each a strongly connected set of two or more files, or a file importing itself), `import type` included. */
export function importLoops(files: string[], read: (file: string) => string, exists: (file: string) => boolean = onDisk): string[][] {
  const edges = new Map(files.map((f) => [f, importsOf(f, read(f), exists).flatMap((i) => (i.resolved && files.includes(i.resolved) ? [i.resolved] : []))]));
  // Tarjan's strongly connected components.
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const loops: string[][] = [];
  const visit = (v: string): void => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)!) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges.get(v)!.includes(v)) loops.push(component.sort());
    }
  };
  for (const f of files) if (!indexOf.has(f)) visit(f);
  return loops;
}

const ALL = [...sources('src'), ...sources('workers')];
const readSource = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('architecture', () => {
  it('every source file belongs to a part of the table', () => {
    expect(ALL.filter((f) => partOf(f) === undefined)).toEqual([]);
  });

  it('every import is an arrow of the table (src never imports test/, the page never imports the simulator)', () => {
    expect(forbiddenArrows(ALL, readSource)).toEqual([]);
  });

  it('there is no import loop, counting import type', () => {
    expect(importLoops(ALL, readSource)).toEqual([]);
  });

  it('every source path a comment or document names exists (a moved file leaves no stale reference)', () => {
    const documents = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
    const texts = [...ALL, ...sources('test').filter((f) => f !== 'test/architecture.test.ts'), ...documents];
    const stale: string[] = [];
    for (const file of texts) {
      for (const m of readSource(file).matchAll(/\b((?:src|test|workers)\/[\w./-]+\.ts)\b/g)) if (!onDisk(m[1]!)) stale.push(`${file}: ${m[1]}`);
    }
    expect(stale).toEqual([]);
  });

  it('no engine or scenario code calls Math.random', () => {
    const offenders = ALL.filter((f) => ['sim', 'results', 'analysis', 'random', 'worksheet', 'door', 'scenario'].includes(partOf(f)!)).filter((f) => /Math\.random\s*\(/.test(readSource(f)));
    expect(offenders).toEqual([]);
  });

  it('a planted forbidden import, a type-only arrow used for code and a loop are each caught', () => {
    const planted: Record<string, string> = {
      'src/ui/cs-x.ts': "import { simulateBlock } from '../engine/sim/simulate';\n",
      'src/engine/results/x.ts': "import { makeRunRng } from '../random/rng';\n",
      'src/client/x.ts': "import { workerApi } from '../../workers/engine-api';\n",
      'src/scenario/x.ts': "import type { Steps } from '../engine/results/steps';\n",
      'src/cli/x.ts': "import { launchChromium } from '../../test/browser/use-app';\n",
      'src/engine/random/x.ts': "import 'node:fs';\n",
    };
    const offenders = forbiddenArrows(Object.keys(planted), (f) => planted[f]!);
    expect(offenders.map((o) => o.split(' →')[0])).toEqual(Object.keys(planted));
    expect(offenders[2]).toContain('import type only');
    const loop: Record<string, string> = {
      'src/engine/results/a.ts': "import type { B } from './b';\n",
      'src/engine/results/b.ts': "import { a } from './a';\n",
      'src/engine/results/c.ts': "import { a } from './a';\n",
    };
    expect(importLoops(Object.keys(loop), (f) => loop[f]!, (f) => f in loop)).toEqual([['src/engine/results/a.ts', 'src/engine/results/b.ts']]);
  });
});
