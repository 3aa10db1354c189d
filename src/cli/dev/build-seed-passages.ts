// `npm run build:seed-passages`: every seed citation in the shipped scenarios, the published analyses and the effect
// presets, with the lines it cites, into scenarios/seed-passages.json, so that the app and the tests can show and
// check a citation without the seed reports (../shared/seeds). A citation of a line the seed does not have stops it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { citationKey, citationsIn, sourcesIn } from '../../scenario/citations';
import { sourcedNodes } from '../../scenario/citation-figures';
import { EFFECT_PRESETS } from '../../scenario/effect-presets';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const SEEDS = join(ROOT, '..', 'shared', 'seeds');
export const PASSAGES = join(ROOT, 'scenarios', 'seed-passages.json');

/** Every object with a source in the shipped files and the presets, with where it is. */
export function shippedNodes(): { where: string; node: Record<string, unknown> }[] {
  const out: { where: string; node: Record<string, unknown> }[] = [];
  for (const f of shippedFiles()) for (const n of sourcedNodes(JSON.parse(readFileSync(join(ROOT, f), 'utf8')))) out.push({ where: `${f}: ${n.path}`, node: n.node });
  for (const [name, preset] of Object.entries(EFFECT_PRESETS)) for (const n of sourcedNodes(preset.effects)) out.push({ where: `preset ${name}: ${n.path}`, node: n.node });
  return out;
}

function shippedFiles(): string[] {
  return [
    ...readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json') && f !== 'seed-passages.json').map((f) => join('scenarios', f)),
    ...readdirSync(join(ROOT, 'scenarios', 'published')).filter((f) => f.endsWith('.json')).map((f) => join('scenarios', 'published', f)),
  ];
}

/** The shipped files whose sources cite the seeds, and the presets (which a scenario takes whole). */
export function shippedSources(): { where: string; source: string }[] {
  const files = shippedFiles();
  const out: { where: string; source: string }[] = [];
  for (const f of files) for (const s of sourcesIn(JSON.parse(readFileSync(join(ROOT, f), 'utf8')))) out.push({ where: `${f}: ${s.path}`, source: s.source });
  for (const [name, preset] of Object.entries(EFFECT_PRESETS)) for (const s of sourcesIn(preset.effects)) out.push({ where: `preset ${name}: ${s.path}`, source: s.source });
  return out;
}

/** A seed's lines, 1-based. */
export function seedLines(file: string): string[] {
  return readFileSync(join(SEEDS, file), 'utf8').split('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const passages: Record<string, string> = {};
  const problems: string[] = [];
  const lines = new Map<string, string[]>();
  for (const { where, source } of shippedSources()) {
    for (const c of citationsIn(source)) {
      if (!lines.has(c.file)) lines.set(c.file, seedLines(c.file));
      const seed = lines.get(c.file)!;
      if (c.last > seed.length) problems.push(`${where}: ${citationKey(c)} is past the end of ${c.file} (${seed.length} lines)`);
      else passages[citationKey(c)] = seed.slice(c.first - 1, c.last).join('\n');
    }
  }
  if (problems.length) {
    process.stderr.write(`${problems.join('\n')}\n`);
    process.exit(1);
  }
  const sorted = Object.fromEntries(Object.entries(passages).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileSync(PASSAGES, `${JSON.stringify(sorted, null, 1)}\n`);
  process.stdout.write(`${PASSAGES}: ${Object.keys(sorted).length} passages\n`);
}
