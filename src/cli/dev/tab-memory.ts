// `npm run tab-memory`: the browser tab's peak memory (page, workers and their WebAssembly) for 10,000 runs × 3 arms × 120 months of the Leeds scenario, in Chromium.
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { launchChromium, serveApp } from './chromium';

const SCENARIO = 'scenarios/leeds-2015-family-valued.json';
const RUNS = Number(process.env.TAB_RUNS ?? 10_000);
const MONTHS = 120;
/** How often the renderers' resident memory is read while the run goes on, ms. */
const SAMPLE_MS = 250;

/**
 * The renderer processes of the Chromium this script launched (a tab, its dedicated workers and their
 * WebAssembly memories live in one): those below this process, so another Chromium on the machine is not counted.
 */
function renderers(): number[] {
  const parent = new Map<number, number>();
  const renderer: number[] = [];
  for (const line of execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/, 2).map(Number);
    if (!pid) continue;
    parent.set(pid, ppid!);
    if (line.includes('--type=renderer')) renderer.push(pid);
  }
  const mine = (pid: number): boolean => {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  return renderer.filter(mine);
}

/** A process's resident set and its peak since last reset, MB (Linux /proc). */
function residentMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Resets a process's peak resident set to its current one (Linux: writing 5 to clear_refs). */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** JavaScript heap in use in the page, MB (Chromium's performance.memory; workers have none). */
async function pageHeapMb(page: Page): Promise<number> {
  return page.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN) / 2 ** 20);
}

/**
 * Collects garbage in the page and its workers (Chromium started with --expose-gc) until the page's
 * heap stops shrinking: one collection finds a dead ArrayBuffer but its memory is counted (and held)
 * until the next, so a single gc() would report the last summary's garbage as still in use.
 */
async function collect(page: Page): Promise<void> {
  const gc = () => (globalThis as unknown as { gc: () => void }).gc();
  for (let round = 0, last = Infinity; round < 6; round++) {
    await page.evaluate(gc);
    for (const worker of page.workers()) await worker.evaluate(gc);
    const heap = await pageHeapMb(page);
    if (heap >= last - 0.1) return;
    last = heap;
  }
}

const scenario = JSON.parse(readFileSync(SCENARIO, 'utf8')) as { simulation: { runs: number; horizonMonths: number } };
scenario.simulation.runs = RUNS;
scenario.simulation.horizonMonths = MONTHS;

const server = await serveApp(4331);
// Exact heap sizes (not bucketed) and gc(), so the settled figure after the run can be read.
const browser = await launchChromium(['--enable-precise-memory-info', '--js-flags=--expose-gc']);
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  const app = page.locator('cs-app');
  const run = app.locator('cs-run-controls #run');
  await run.waitFor({ timeout: 120_000 }); // the shipped scenario's first run has ended
  await app.locator('cs-keep-share #import').setInputFiles({ name: 'leeds-10000.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await run.waitFor({ timeout: 120_000 });
  await app.locator('cs-run-controls #runs').fill(String(RUNS));

  await collect(page);
  const heapBefore = await pageHeapMb(page);
  const pids = renderers();
  if (pids.length === 0) throw new Error('no Chromium renderer process found');
  const before = new Map(pids.map((pid) => [pid, residentMb(pid).rss]));
  for (const pid of pids) resetPeak(pid);
  const workers = page.workers().length;

  const t0 = Date.now();
  await run.click();
  const status = app.locator('cs-run-controls .status');
  let sampledPeak = 0;
  let heapPeak = 0;
  for (;;) {
    let total = 0;
    for (const pid of pids) total += residentMb(pid).rss - before.get(pid)!;
    sampledPeak = Math.max(sampledPeak, total);
    heapPeak = Math.max(heapPeak, await pageHeapMb(page));
    const text = (await status.textContent()) ?? '';
    if (text.includes(`${RUNS} of ${RUNS} runs — done`)) break;
    if (/cancelled|failed/.test(text)) throw new Error(`the run ended early: ${text}`);
    if (Date.now() - t0 > 30 * 60_000) throw new Error('the run took over 30 minutes');
    await new Promise((r) => setTimeout(r, SAMPLE_MS));
  }
  const seconds = (Date.now() - t0) / 1000;
  let baseline = 0;
  let peak = 0;
  let after = 0;
  for (const pid of pids) {
    const now = residentMb(pid);
    baseline += before.get(pid)!;
    peak += now.peak;
    after += now.rss;
  }
  const heapAtEnd = await pageHeapMb(page);
  await collect(page);
  const heapSettled = await pageHeapMb(page);
  let settled = 0;
  for (const pid of pids) settled += residentMb(pid).rss;
  console.log(`| measure | value |`);
  console.log(`|---|---|`);
  console.log(`| run | ${RUNS} runs × 3 arms × ${MONTHS} months of ${SCENARIO}, ${Math.max(workers, page.workers().length)} worker(s), ${seconds.toFixed(0)} s |`);
  console.log(`| the tab's renderer processes (${pids.length}) before the run (resident, the shipped scenario's run done) | ${baseline.toFixed(0)} MB |`);
  console.log(`| their peak during the run (Linux VmHWM, reset before it) | ${peak.toFixed(0)} MB (${(peak - baseline).toFixed(0)} MB above before) |`);
  console.log(`| the highest resident sum sampled every ${SAMPLE_MS} ms, above before | ${sampledPeak.toFixed(0)} MB |`);
  console.log(`| after the run (bands shown), then after a full collection in the page and its workers | ${after.toFixed(0)} MB, then ${settled.toFixed(0)} MB |`);
  console.log(`| the page's JavaScript heap in use (Chromium's performance.memory): before the run, collected | ${heapBefore.toFixed(1)} MB |`);
  console.log(`| the same, highest sampled during the run; at its end; then collected | ${heapPeak.toFixed(1)} MB; ${heapAtEnd.toFixed(1)} MB; ${heapSettled.toFixed(1)} MB |`);
} finally {
  await browser.close();
  server.stop();
}
