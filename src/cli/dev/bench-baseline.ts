// The benchmark's baseline: the engine of an earlier commit (BENCH_BASELINE=<rev>), built from that commit's own
// sources and run on that commit's own Leeds scenario in this process, alternating with this build's engine, so
// that a change's cost in throughput is a ratio measured in one run on one machine (issue 22 asks ≥ 0.8×).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundledModule } from '../bundle';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SCENARIO = 'scenarios/leeds-2015-family-valued.json';

/** What the benchmark needs of an engine: a plan and a block of runs (any commit since the layout issue has both). */
export interface BenchEngine {
  /** Runs `runs` runs of `months` months of the commit's own Leeds scenario, every arm; returns the family-months simulated. */
  run(runs: number, months: number): number;
  /** The commit, as given. */
  rev: string;
  cleanup(): void;
}

/** The entry written into the baseline's tree: its own parser, plan and block of runs, bundled as one module. */
const ENTRY = `
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../scenario/parse';
import { planRun } from '../../engine/results/plan';
import { simulateBlock } from '../../engine/sim/simulate';
const parsed = parseScenario(JSON.parse(readFileSync(process.env.BENCH_BASELINE_SCENARIO, 'utf8')));
if (!parsed.ok) throw new Error('the baseline cannot read its own scenario');
export function run(runs, months) {
  const plan = planRun(parsed.value, { runs, months });
  return simulateBlock(parsed.value, plan, 0, runs).familyMonths;
}
`;

/** The engine of commit `rev`, from `git archive` into a scratch folder (this repository's node_modules linked in). */
export async function baselineEngine(rev: string): Promise<BenchEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'fgc-bench-baseline-'));
  try {
    execFileSync('sh', ['-c', `git -C "${ROOT}" archive "${rev}" src scenarios | tar -x -C "${dir}"`], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`BENCH_BASELINE=${rev}: git cannot give that commit's sources (${(e as Error).message.split('\n')[0]})`);
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const entry = join(dir, 'src/cli/dev/bench-baseline-entry.js');
  writeFileSync(entry, ENTRY);
  const scenario = join(dir, SCENARIO);
  if (!existsSync(scenario)) throw new Error(`BENCH_BASELINE=${rev}: that commit has no ${SCENARIO}`);
  process.env.BENCH_BASELINE_SCENARIO = scenario;
  const module = (await import(bundledModule(pathToFileURL(entry)).href)) as { run: (runs: number, months: number) => number };
  return { run: module.run, rev, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
