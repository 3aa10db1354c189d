// `npm run bench`: speed and memory, measured in one process and reported as ratios (the machines are shared and noisy).
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { RunPool } from '../../client/pool';
import { planRun } from '../../engine/results/plan';
import { RunSet, summariseRunsInSteps } from '../../engine/results/run-set';
import { simulateBlock } from '../../engine/sim/simulate';
import { bundledModule } from '../bundle';
import { baselineEngine } from './bench-baseline';
import { loadScenario } from '../main-helpers';
import { cpuSecondsBetween, threadCpuSeconds } from './thread-cpu';
import { threadWorker } from '../thread-pool';
import { councilBuildTimes } from './bench-council';
import { importTimes } from './bench-903';
import { pageImportSeconds } from './bench-903-page';

/** The engine and the kernel as one bundled module, as the browser's worker and the command line's threads run them. */
const bundled = (await import(bundledModule(new URL('./bench-engine.ts', import.meta.url)).href)) as typeof import('./bench-engine');

const SCENARIO = 'scenarios/leeds-2015-family-valued.json';
/** Runs per engine sample. */
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
/** Runs per pool measurement: the Leeds scenario's own number of runs, batched as the pool does by default. */
const POOL_RUNS = 200;
/** Runs each worker does before the pools are first timed (fresh pools: V8 is still compiling the engine). */
const POOL_WARM_RUNS = 40;
/**
 * Runs each worker has done before the pools are timed again (warmed pools). A worker's V8 compiles
 * the engine's per-run code (drawing the run, setting it up, folding it) only after several hundred
 * runs, each worker for itself; by a thousand it has (docs/performance.md).
 */
const POOL_STEADY_RUNS = 1000;
/** Alternations of the 1-worker and 2-worker pools (each keeps its best). */
const POOL_ALTERNATIONS = 8;
/** Alternations of the warmed pools: more, as best-of and median over a noisy shared machine steady with more samples. */
const STEADY_ALTERNATIONS = 16;
/** Alternations of engine and kernel (each keeps its best): many short samples, so that each side meets the machine at its quietest. */
const ALTERNATIONS = 15;
const MONTHS = 60;
const scenario = loadScenario(SCENARIO);

/** CPU seconds of this process so far (user + system): time the machine's other tenants took is not counted. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * The engine in this thread, family-months per CPU second. With `servicesFree`, a bound rather than a
 * measurement of the product: the counterfactual arm alone (drawing the run and the shared pass,
 * no offers kept and no FGC service), its family-months counted once for each of the three arms,
 * i.e. the rate the engine would have if the two FGC arms' services cost nothing.
 */
function engineRate(servicesFree = false): { familyMonths: number; seconds: number } {
  const whole = bundled.planRun(scenario, { runs: RUNS, months: MONTHS });
  const plan = servicesFree ? { ...whole, arms: whole.arms.filter((arm) => arm.coordinatorsFte === 0) } : whole;
  if (plan.arms.length === 0) throw new Error(`${SCENARIO} has no arm without coordinators to time the bound on`);
  bundled.simulateBlock(scenario, plan, 0, 2); // warm-up
  const t0 = cpuSeconds();
  const block = bundled.simulateBlock(scenario, plan, 0, RUNS);
  return { familyMonths: (block.familyMonths * whole.arms.length) / plan.arms.length, seconds: cpuSeconds() - t0 };
}

/** The reference kernel on the same family-months: Leeds' open families in five states with Leeds-like monthly hazards. */
function kernelRate(familyMonths: number): { familyMonths: number; seconds: number } {
  const families = bundled.LEEDS_LIKE_FAMILIES;
  const months = Math.max(1, Math.round(familyMonths / families));
  bundled.leedsLikeKernel(10, 7); // warm-up
  const t0 = cpuSeconds();
  const counts = bundled.leedsLikeKernel(months, 12345);
  if (counts.length === 0) throw new Error('kernel produced nothing');
  return { familyMonths: families * months, seconds: cpuSeconds() - t0 };
}

/**
 * The machine's own two-thread scaling: the kernel (which lives in the first-level cache and
 * allocates nothing) on one worker thread alone, then on two at once, alternating; each side's best
 * and each pair's ratio. What any code can expect of two threads here, against which the pool's
 * ratio is read.
 */
async function kernelScaling(): Promise<{ best: number; ratios: number[] }> {
  const threads = [kernelThread(), kernelThread()];
  const months = 20_000;
  await Promise.all(threads.map((t) => t(200))); // warm-up
  let one = 0;
  let two = 0;
  const ratios: number[] = [];
  for (let i = 0; i < POOL_ALTERNATIONS; i++) {
    let t0 = performance.now();
    await threads[0]!(months);
    const a = 1 / (performance.now() - t0);
    t0 = performance.now();
    await Promise.all(threads.map((t) => t(months)));
    const b = 2 / (performance.now() - t0);
    one = Math.max(one, a);
    two = Math.max(two, b);
    ratios.push(b / a);
  }
  await Promise.all(threads.map((t) => t(-1)));
  return { best: two / one, ratios: ratios.sort((x, y) => x - y) };
}

/** A worker thread that runs the kernel for the months it is sent and answers when done (a negative number ends it). */
function kernelThread(): (months: number) => Promise<void> {
  const worker = new Worker(bundledModule(new URL('./kernel-thread.ts', import.meta.url)));
  let pending: { resolve: () => void; reject: (e: unknown) => void } | undefined;
  worker.on('message', () => pending?.resolve());
  worker.on('error', (e) => pending?.reject(e));
  worker.on('exit', (code) => pending?.reject(new Error(`the kernel thread exited (code ${code})`)));
  return (months) => {
    if (months < 0) return worker.terminate().then(() => undefined);
    return new Promise<void>((resolve, reject) => {
      pending = { resolve, reject };
      worker.postMessage(months);
    });
  };
}

/** One pool measurement: runs per second, CPU a run (all threads), and the main thread's busy time a run. */
interface PoolSample {
  runsPerSecond: number;
  cpuPerRun: number;
  mainPerRun: number;
}

/**
 * A pool of `size` worker threads, started once and warmed (each worker compiles the engine bundle
 * and V8 tiers up its hot code over its first few dozen runs), as a page's pool is after its first runs.
 */
async function warmPool(size: number): Promise<RunPool> {
  const pool = new RunPool(threadWorker, size);
  await pool.simulate(scenario, { runs: POOL_WARM_RUNS * size, months: MONTHS });
  return pool;
}

/**
 * CPU seconds of a pool's samples by kind of thread (Linux only): its workers (the pool's `size`
 * busiest threads other than the main one), the main thread, and the rest (V8's compiler and
 * garbage-collector threads and Node's, which one worker leaves a core free for and two do not).
 */
class ThreadSplit {
  workers = 0;
  main = 0;
  others = 0;
  runs = 0;
  add(size: number, perThread: Map<number, number>, runs: number): void {
    const main = perThread.get(process.pid) ?? 0;
    const rest = [...perThread].filter(([tid]) => tid !== process.pid).map(([, s]) => s).sort((a, b) => b - a);
    this.main += main;
    this.workers += rest.slice(0, size).reduce((a, b) => a + b, 0);
    this.others += rest.slice(size).reduce((a, b) => a + b, 0);
    this.runs += runs;
  }
  row(): string {
    const ms = (s: number) => ((1000 * s) / this.runs).toFixed(2);
    return `workers ${ms(this.workers)}, other threads ${ms(this.others)}, main thread ${ms(this.main)}`;
  }
}

/** POOL_RUNS runs of the scenario on a warmed pool, batched as the pool batches by default. */
async function poolSample(pool: RunPool, split: ThreadSplit | null): Promise<PoolSample> {
  const loop0 = performance.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  const threads0 = threadCpuSeconds();
  const t0 = performance.now();
  await pool.simulate(scenario, { runs: POOL_RUNS, months: MONTHS });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const threads1 = threadCpuSeconds();
  if (split && threads0 && threads1) split.add(pool.size, cpuSecondsBetween(threads0, threads1), POOL_RUNS);
  const loop = performance.eventLoopUtilization(loop0);
  return { runsPerSecond: POOL_RUNS / seconds, cpuPerRun: (cpu.user + cpu.system) / 1e6 / POOL_RUNS, mainPerRun: loop.active / 1000 / POOL_RUNS };
}

/**
 * What the page holds for 10,000 runs × 3 arms × 120 months: folded results (bands), measured on the
 * heap. Besides what is held once settled (after GC), the peak: the heap and array buffers sampled
 * after each block folded in and between the summary's steps (as the page runs them, one task each),
 * garbage not yet collected included, as a tab's memory would show it.
 */
async function memoryFor10kRuns(): Promise<{ megabytes: number; peak: number; held: number; histograms: number; summarySeconds: number; realRuns: number }> {
  const plan = planRun(scenario, { runs: 10_000, months: 120 });
  const realRuns = 100;
  // 100 real runs of 120 months, folded 100 times over under different run indices.
  const block = simulateBlock(scenario, { ...plan, runs: realRuns }, 0, realRuns);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const used = (m: NodeJS.MemoryUsage) => m.heapUsed + m.arrayBuffers;
  const before = used(process.memoryUsage());
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, used(process.memoryUsage()) - before);
  };
  const set = new RunSet(plan);
  for (let copy = 0; copy < plan.runs / realRuns; copy++) {
    set.add({ ...block, first: copy * realRuns });
    sample();
  }
  const t0 = performance.now();
  const steps = summariseRunsInSteps(scenario, set);
  for (let next = steps.next(); !next.done; next = steps.next()) sample();
  const summarySeconds = (performance.now() - t0) / 1000;
  sample();
  gc?.();
  const settled = used(process.memoryUsage()) - before;
  return { megabytes: settled / 2 ** 20, peak: peak / 2 ** 20, held: set.byteLength() / 2 ** 20, histograms: set.histogramByteLength() / 2 ** 20, summarySeconds, realRuns };
}

// Engine and kernel alternate, ALTERNATIONS times each, and each keeps its best rate: load from elsewhere on a
// shared machine then slows both sides alike rather than one side of the ratio.
let engineRatePerSecond = 0;
let servicesFreePerSecond = 0;
let kernelRatePerSecond = 0;
/** Each alternation's own ratio (engine sample over the kernel sample right after it): how much the machine moves them. */
const sampleRatios: number[] = [];
for (let i = 0; i < ALTERNATIONS; i++) {
  const engine = engineRate();
  engineRatePerSecond = Math.max(engineRatePerSecond, engine.familyMonths / engine.seconds);
  const kernel = kernelRate(engine.familyMonths);
  kernelRatePerSecond = Math.max(kernelRatePerSecond, kernel.familyMonths / kernel.seconds);
  sampleRatios.push(engine.familyMonths / engine.seconds / (kernel.familyMonths / kernel.seconds));
}
sampleRatios.sort((a, b) => a - b);
// The bound only after the engine's own samples (a plan of one arm takes other paths through the
// engine, and V8 would optimise the engine's code for both), alternating with the kernel likewise.
let servicesFreeKernelPerSecond = 0;
for (let i = 0; i < ALTERNATIONS; i++) {
  const bound = engineRate(true);
  servicesFreePerSecond = Math.max(servicesFreePerSecond, bound.familyMonths / bound.seconds);
  const kernel = kernelRate(bound.familyMonths);
  servicesFreeKernelPerSecond = Math.max(servicesFreeKernelPerSecond, kernel.familyMonths / kernel.seconds);
}
// With BENCH_BASELINE=<rev>: this build's engine and that commit's, alternating, each on its own Leeds scenario
// (every arm, RUNS runs of MONTHS months), each keeping its best runs per CPU second.
const baselineRev = process.env.BENCH_BASELINE;
let baseline: { rev: string; mine: number; theirs: number; ratios: number[] } | undefined;
if (baselineRev) {
  const theirs = await baselineEngine(baselineRev);
  try {
    const whole = bundled.planRun(scenario, { runs: RUNS, months: MONTHS });
    theirs.run(2, MONTHS); // warm-up
    bundled.simulateBlock(scenario, whole, 0, 2);
    let mine = 0;
    let best = 0;
    const ratios: number[] = [];
    for (let i = 0; i < ALTERNATIONS; i++) {
      let t0 = cpuSeconds();
      bundled.simulateBlock(scenario, whole, 0, RUNS);
      const a = RUNS / (cpuSeconds() - t0);
      t0 = cpuSeconds();
      theirs.run(RUNS, MONTHS);
      const b = RUNS / (cpuSeconds() - t0);
      mine = Math.max(mine, a);
      best = Math.max(best, b);
      ratios.push(a / b);
    }
    baseline = { rev: baselineRev, mine, theirs: best, ratios: ratios.sort((x, y) => x - y) };
  } finally {
    theirs.cleanup();
  }
}

/** The 1-worker and 2-worker pools timed alternately: each one's best, each pair's ratio (ascending), CPU by thread. */
interface PoolComparison {
  one: PoolSample;
  two: PoolSample;
  pairRatios: number[];
  splits: ThreadSplit[] | null;
}

/**
 * Alternates the two pool sizes and keeps each one's best, so that a burst of load from elsewhere on
 * a shared machine does not land on one side of the ratio only; each pair's own ratio shows the noise.
 */
async function comparePools(pools: readonly [RunPool, RunPool], alternations: number): Promise<PoolComparison> {
  let one: PoolSample = { runsPerSecond: 0, cpuPerRun: 0, mainPerRun: 0 };
  let two: PoolSample = { runsPerSecond: 0, cpuPerRun: 0, mainPerRun: 0 };
  const pairRatios: number[] = [];
  const splits = threadCpuSeconds() ? [new ThreadSplit(), new ThreadSplit()] : null;
  for (let i = 0; i < alternations; i++) {
    const a = await poolSample(pools[0], splits?.[0] ?? null);
    if (a.runsPerSecond > one.runsPerSecond) one = a;
    const b = await poolSample(pools[1], splits?.[1] ?? null);
    if (b.runsPerSecond > two.runsPerSecond) two = b;
    pairRatios.push(b.runsPerSecond / a.runsPerSecond);
  }
  pairRatios.sort((a, b) => a - b);
  return { one, two, pairRatios, splits };
}

const pools = [await warmPool(1), await warmPool(2)] as const;
const fresh = await comparePools(pools, POOL_ALTERNATIONS);
// Then on until every worker has done POOL_STEADY_RUNS runs, and the same again.
for (const pool of pools) {
  for (let done = POOL_WARM_RUNS * pool.size + POOL_ALTERNATIONS * POOL_RUNS; done < POOL_STEADY_RUNS * pool.size; done += POOL_RUNS) {
    await pool.simulate(scenario, { runs: POOL_RUNS, months: MONTHS });
  }
}
const steady = await comparePools(pools, STEADY_ALTERNATIONS);
for (const pool of pools) pool.dispose();
const kernelTwo = await kernelScaling();
const memory = await memoryFor10kRuns();

console.log(`Leeds scenario (${SCENARIO}), ${MONTHS} months, 3 arms; one process`);
console.log('| measure | value |\n|---|---|');
console.log(`| engine, one thread (event-driven, arms share untouched families; WebAssembly walk and service; best of ${ALTERNATIONS}, alternating with the kernel) | ${(engineRatePerSecond / 1e6).toFixed(2)} M family-months per CPU second |`);
console.log(`| reference kernel (typed-array monthly Markov loop), same family-months (best of ${ALTERNATIONS}) | ${(kernelRatePerSecond / 1e6).toFixed(2)} M family-months per CPU second |`);
console.log(`| **engine / kernel** | **${(engineRatePerSecond / kernelRatePerSecond).toFixed(2)}×** |`);
console.log(`| bound, not the product: the engine if the two FGC arms' services cost nothing (counterfactual arm alone, its family-months × 3; best of ${ALTERNATIONS}, alternating with the kernel after the engine's samples) / kernel | ${(servicesFreePerSecond / servicesFreeKernelPerSecond).toFixed(2)}× |`);
console.log(`| engine / kernel, sample by sample: lowest, median, highest of ${ALTERNATIONS} | ${sampleRatios[0]!.toFixed(2)}×, ${sampleRatios[Math.floor(ALTERNATIONS / 2)]!.toFixed(2)}×, ${sampleRatios[ALTERNATIONS - 1]!.toFixed(2)}× |`);
if (baseline) {
  const r = baseline.ratios;
  console.log(`| this build's engine, one thread, its own Leeds scenario (${RUNS} runs × 3 arms × ${MONTHS} months; best of ${ALTERNATIONS}, alternating with the baseline) | ${baseline.mine.toFixed(1)} runs per CPU second |`);
  console.log(`| the engine of ${baseline.rev} (BENCH_BASELINE), one thread, that commit's own Leeds scenario (best of ${ALTERNATIONS}) | ${baseline.theirs.toFixed(1)} runs per CPU second |`);
  console.log(`| **this build / ${baseline.rev}** (pair by pair: lowest, median, highest) | **${(baseline.mine / baseline.theirs).toFixed(2)}×** (${r[0]!.toFixed(2)}×, ${r[Math.floor(r.length / 2)]!.toFixed(2)}×, ${r[r.length - 1]!.toFixed(2)}×) |`);
}
const poolRow = (s: PoolSample) => `${s.runsPerSecond.toFixed(1)} runs/s (${(s.cpuPerRun * 1000).toFixed(1)} CPU ms a run, all threads; main thread busy ${(s.mainPerRun * 1000).toFixed(2)} ms a run)`;
const poolRows = (c: PoolComparison, when: string) => {
  const r = c.pairRatios;
  const n = r.length;
  console.log(`| pool, 1 worker thread, ${when} (${POOL_RUNS} runs, default batches; best of ${n}, alternating with 2) | ${poolRow(c.one)} |`);
  console.log(`| pool, 2 worker threads, ${when} (best of ${n}) | ${poolRow(c.two)} |`);
  console.log(`| **2 workers / 1 worker, ${when}** | **${(c.two.runsPerSecond / c.one.runsPerSecond).toFixed(2)}×** |`);
  console.log(`| 2 workers / 1 worker, ${when}, pair by pair: lowest, median, highest of ${n} | ${r[0]!.toFixed(2)}×, ${((r[n / 2 - 1]! + r[n / 2]!) / 2).toFixed(2)}×, ${r[n - 1]!.toFixed(2)}× |`);
  if (c.splits) {
    console.log(`| CPU ms a run by thread, ${when}, all ${n} samples (Linux /proc; other threads: V8's compiler and garbage collector, Node's): 1 worker | ${c.splits[0]!.row()} |`);
    console.log(`| the same, 2 workers | ${c.splits[1]!.row()} |`);
  }
};
poolRows(fresh, `fresh (after ${POOL_WARM_RUNS} runs a worker)`);
poolRows(steady, `warmed (after ${POOL_STEADY_RUNS} runs a worker)`);
console.log(`| for scale: the reference kernel on 2 threads / 1 (this machine's own two-thread scaling on a loop that stays in the first-level cache; best of ${POOL_ALTERNATIONS}; pair by pair lowest, median, highest) | ${kernelTwo.best.toFixed(2)}× (${kernelTwo.ratios[0]!.toFixed(2)}×, ${((kernelTwo.ratios[POOL_ALTERNATIONS / 2 - 1]! + kernelTwo.ratios[POOL_ALTERNATIONS / 2]!) / 2).toFixed(2)}×, ${kernelTwo.ratios[POOL_ALTERNATIONS - 1]!.toFixed(2)}×) |`);
console.log(`| results of 10,000 runs × 3 arms × 120 months, folded (${memory.realRuns} real runs folded 100×): typed arrays held | ${memory.held.toFixed(1)} MB, of which count histograms ${memory.histograms.toFixed(1)} MB (each worker holds at most as much again, for its share of the runs) |`);
console.log(`| the same, heap growth measured after GC | ${memory.megabytes.toFixed(1)} MB${(globalThis as { gc?: unknown }).gc ? '' : ' (run with --expose-gc for a settled figure)'} |`);
console.log(`| the same, peak growth while folding and summarising (sampled after each block and between the summary's steps, garbage not yet collected included) | ${memory.peak.toFixed(1)} MB |`);
console.log(`| summarising those 10,000 runs into bands | ${memory.summarySeconds.toFixed(2)} s |`);
const builds = councilBuildTimes();
console.log(`| building a council's scenario from the council table and validating it (31 March 2025, each of the ${builds.councils} councils with figures, warm): median, slowest, against the 1 s target | ${builds.median.toFixed(0)} ms, ${builds.slowest.ms.toFixed(0)} ms (${builds.slowest.name}): slowest / target ${(builds.slowest.ms / 1000).toFixed(2)}×; the first in the process ${builds.first.toFixed(0)} ms |`);
const imports = importTimes();
console.log(`| reading, checking and summarising an SSDA903 return of ${imports.rows.toLocaleString('en-GB')} episode rows (synthetic, 12,500 children; the page's worker runs the same code): best of 3, against the 5 s target | ${imports.best.toFixed(2)} s (${imports.runs.map((x) => x.toFixed(2)).join(', ')}): best / target ${(imports.best / 5).toFixed(2)}× |`);
const page903 = await pageImportSeconds();
console.log(typeof page903 === 'string'
  ? `| the same in the page (Chromium) | ${page903} |`
  : `| the same in the page, Debian's Chromium: from choosing the files to the result drawn (the page reads them, its worker reads, checks and summarises them): best of 3, against the 5 s target | ${page903.best.toFixed(2)} s (${page903.runs.map((x) => x.toFixed(2)).join(', ')}): best / target ${(page903.best / 5).toFixed(2)}× |`);
