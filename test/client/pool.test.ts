// The worker pool: identical results for any pool or batch size, progress, cancel, failure and recovery.
import { describe, expect, it } from 'vitest';
import { BatchFailedError, batchSchedule, CancelledError, MAX_BATCH_RUNS, PROGRESS_INTERVAL_MS, RunPool, JobTooLargeError, type PoolWorker } from '../../src/client/pool';
import { tabResultBytes } from '../../src/client/engine-client';
import { threadPool, threadWorker } from '../../src/cli/thread-pool';
import { engineApi } from '../../src/engine/sim/api';
import { BatchFolder } from '../../src/engine/sim/batch-folder';
import { runSetBytes, type RunSummary } from '../../src/engine/results/run-set';
import { planRun } from '../../src/engine/results/plan';
import { loadScenario, SMALL } from '../helpers/scenarios';

const small = loadScenario(SMALL);
const OPTIONS = { runs: 12, months: 10, seed: 'pool' };

/** A worker in this thread (its own counts), answering asynchronously like a real one; `broken` makes a batch throw. */
function localWorker(broken?: (first: number) => boolean): PoolWorker {
  const folder = new BatchFolder();
  return {
    simulateBatch: async (job, inputs, first, count) => {
      await new Promise((r) => setTimeout(r, 1));
      if (broken?.(first)) throw new Error('deliberate failure in the engine');
      return folder.simulate(job, inputs, first, count);
    },
    takeCounts: async (job) => {
      await new Promise((r) => setTimeout(r, 1));
      return folder.take(job);
    },
    terminate: () => undefined,
  };
}

describe('RunPool', () => {
  const expected = engineApi.runSimulation(small, OPTIONS);

  for (const [size, batchSize] of [[1, 12], [2, 1], [3, 5], [4, 2], [2, undefined], [3, undefined]] as const) {
    it(`${size} worker(s), batches of ${batchSize ?? 'the default schedule'}: bit-identical to one thread`, async () => {
      const pool = new RunPool(() => localWorker(), size);
      expect(await pool.simulate(small, { ...OPTIONS, batchSize })).toEqual(expected);
      pool.dispose();
    });
  }

  it("sends a run's scenario and plan to each worker once, with its first batch of the run", async () => {
    const sent: string[][] = [];
    const pool = new RunPool(() => {
      const worker = localWorker();
      const log: string[] = [];
      sent.push(log);
      return { ...worker, simulateBatch: (job, inputs, first, count) => (log.push(`${job}:${inputs ? 'inputs' : '-'}`), worker.simulateBatch(job, inputs, first, count)) };
    }, 3);
    expect(await pool.simulate(small, { ...OPTIONS, batchSize: 1 })).toEqual(expected);
    expect(await pool.simulate(small, { ...OPTIONS, batchSize: 2 })).toEqual(expected);
    expect(sent).toHaveLength(3);
    for (const log of sent) {
      // Every worker got batches of both runs (12 and 6 batches over 3 workers); inputs only with the first of each.
      for (const run of ['1', '2']) {
        const mine = log.filter((entry) => entry.startsWith(`${run}:`));
        expect(mine.length).toBeGreaterThan(0);
        expect(mine).toEqual([`${run}:inputs`, ...new Array<string>(mine.length - 1).fill(`${run}:-`)]);
      }
    }
    pool.dispose();
  });

  it('reports progress at most every 100 ms (and at the end) and partial bands that fill in', async () => {
    const pool = new RunPool(() => localWorker(), 2);
    const calls: Array<[number, number, number]> = [];
    const partialRuns: number[] = [];
    await pool.simulate(small, {
      ...OPTIONS,
      runs: 40,
      batchSize: 1,
      onProgress: (done, total) => calls.push([performance.now(), done, total]),
      onPartial: (summary: RunSummary) => partialRuns.push(summary.runs),
    });
    expect(calls.at(-1)!.slice(1)).toEqual([40, 40]);
    for (let i = 1; i < calls.length - 1; i++) expect(calls[i]![0] - calls[i - 1]![0]).toBeGreaterThanOrEqual(PROGRESS_INTERVAL_MS - 1);
    expect(partialRuns.length).toBeGreaterThan(0);
    expect(partialRuns).toEqual([...partialRuns].sort((a, b) => a - b));
    pool.dispose();
  });

  it('a failing batch fails the run with which runs and what error, and the pool recovers', async () => {
    let failOnce = true;
    const pool = new RunPool(() => localWorker((first) => first === 4 && failOnce), 2);
    const error = await pool.simulate(small, { ...OPTIONS, batchSize: 2 }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(BatchFailedError);
    expect((error as Error).message).toBe('batch 3 of 6 (runs 4–5) failed: deliberate failure in the engine');
    expect(pool.busyCount).toBe(0);
    failOnce = false;
    expect(await pool.simulate(small, OPTIONS)).toEqual(expected);
    pool.dispose();
  });

  it('a worker whose counts fail or never come back fails the run with what is missing, and the pool recovers', async () => {
    let mode: 'throws' | 'forgets' | 'works' = 'throws';
    const pool = new RunPool(() => {
      const worker = localWorker();
      return {
        ...worker,
        takeCounts: async (job) => {
          if (mode === 'throws') throw new Error('deliberate failure handing over counts');
          if (mode === 'forgets') return new BatchFolder().take(job);
          return worker.takeCounts(job);
        },
      };
    }, 2);
    const thrown = await pool.simulate(small, OPTIONS).catch((e: Error) => e);
    expect(thrown).toBeInstanceOf(BatchFailedError);
    expect((thrown as Error).message).toMatch(/^collecting the counts from worker [12] failed: deliberate failure handing over counts$/);
    mode = 'forgets';
    const forgotten = await pool.simulate(small, OPTIONS).catch((e: Error) => e);
    expect((forgotten as Error).message).toBe('the counts of 12 of 12 runs never came back from the workers');
    mode = 'works';
    expect(await pool.simulate(small, OPTIONS)).toEqual(expected);
    pool.dispose();
  });

  it('refuses a batch size that is not a whole number of runs, at least 1, and the pool goes on', async () => {
    const pool = new RunPool(() => localWorker(), 2);
    for (const batchSize of [0, 2.5, -1, Number.NaN]) {
      await expect(pool.simulate(small, { ...OPTIONS, batchSize })).rejects.toThrow(`batchSize must be a whole number of runs, at least 1, got ${batchSize}`);
    }
    expect(await pool.simulate(small, OPTIONS)).toEqual(expected);
    pool.dispose();
  });

  it('refuses a run of no runs (the plan refuses it) rather than waiting for batches that never come', async () => {
    const pool = new RunPool(() => localWorker(), 2);
    await expect(pool.simulate(small, { ...OPTIONS, runs: 0 })).rejects.toThrow('a run needs a whole number of runs, at least 1, not 0');
    expect(await pool.simulate(small, OPTIONS)).toEqual(expected);
    pool.dispose();
  });

  it('refuses a run that would keep more results than its limit, before any worker starts, saying how many runs fit', async () => {
    const plan = planRun(small, OPTIONS);
    const perRun = runSetBytes(plan) / plan.runs;
    // Room for 7 of the 12 runs: the run is refused, and 7 runs (not 8) go through.
    let created = 0;
    const pool = new RunPool(() => (created++, localWorker()), 2, 7.5 * perRun);
    const refused = pool.simulate(small, OPTIONS);
    await expect(refused).rejects.toBeInstanceOf(JobTooLargeError);
    await expect(refused).rejects.toThrow(`12 runs × ${plan.arms.length} arms × 11 months would keep`);
    await expect(refused).rejects.toThrow('use at most 7 runs');
    expect(created).toBe(0);
    await expect(pool.simulate(small, { ...OPTIONS, runs: 8 })).rejects.toThrow('use at most 7 runs');
    expect((await pool.simulate(small, { ...OPTIONS, runs: 7 })).runs).toBe(7);
    pool.dispose();
    // A limit below one run's results names the horizon and arms, not "at most 0 runs".
    const tiny = new RunPool(() => localWorker(), 1, perRun / 2);
    await expect(tiny.simulate(small, { ...OPTIONS, runs: 1 })).rejects.toThrow('Even one run is too large at this horizon with these arms');
    tiny.dispose();
  });

  it("the page's limit is an eighth of the device's memory as the browser reports it, 500 MB if it does not say", () => {
    expect(tabResultBytes(8)).toBe(1e9);
    expect(tabResultBytes(0.5)).toBe(62.5e6);
    expect(tabResultBytes(undefined)).toBe(5e8);
  });

  it('starting a new run cancels the one in flight', async () => {
    const pool = new RunPool(() => localWorker(), 2);
    const first = pool.simulate(small, { ...OPTIONS, runs: 50, batchSize: 1 });
    const second = pool.simulate(small, OPTIONS);
    await expect(first).rejects.toBeInstanceOf(CancelledError);
    expect(await second).toEqual(expected);
    pool.dispose();
  });
});

describe('batchSchedule (the default batches)', () => {
  for (const [runs, workers] of [[200, 1], [200, 2], [10_000, 7], [3, 2], [1, 4], [26, 1]] as const) {
    it(`${runs} runs over ${workers} worker(s): every run once, in order, batches shrinking from at most ${MAX_BATCH_RUNS} to 1`, () => {
      const batches = batchSchedule(runs, workers);
      let next = 0;
      for (const [first, count] of batches) {
        expect(first).toBe(next);
        expect(count).toBeGreaterThanOrEqual(1);
        expect(count).toBeLessThanOrEqual(MAX_BATCH_RUNS);
        next += count;
      }
      expect(next).toBe(runs);
      const counts = batches.map(([, count]) => count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(counts.at(-1)).toBe(1);
    });
  }

  it('takes 1/(2 × workers) of the runs left each time, so the last batches are small wherever the run ends', () => {
    // 200 runs on 2 workers: 25s while a quarter of what is left is at least 25, then a quarter of what is left.
    expect(batchSchedule(200, 2).map(([, count]) => count)).toEqual([25, 25, 25, 25, 25, 19, 14, 11, 8, 6, 5, 3, 3, 2, 1, 1, 1, 1]);
    // Fewer runs than workers × 2: one run a batch, so every worker gets some.
    expect(batchSchedule(3, 2)).toEqual([[0, 1], [1, 1], [2, 1]]);
  });
});

describe('RunPool over Node worker threads', () => {
  it('a real worker thread runs a small scenario, bit-identical to this thread', async () => {
    const pool = threadPool(2);
    try {
      expect(await pool.simulate(small, OPTIONS)).toEqual(expected());
    } finally {
      pool.dispose();
    }
  }, 60_000);

  it('cancel mid-run settles promptly, leaves no worker busy, and the next run succeeds', async () => {
    const pool = threadPool(2);
    try {
      let cancelledAt = 0;
      const run = pool.simulate(small, {
        runs: 400,
        months: 60,
        batchSize: 2,
        onProgress: () => {
          if (!cancelledAt) {
            cancelledAt = performance.now();
            pool.cancel();
          }
        },
      });
      await expect(run).rejects.toBeInstanceOf(CancelledError);
      expect(performance.now() - cancelledAt).toBeLessThan(250);
      expect(pool.busyCount).toBe(0);
      expect(await pool.simulate(small, OPTIONS)).toEqual(expected());
    } finally {
      pool.dispose();
    }
  }, 60_000);

  it('a worker that dies fails its batch with a clear message and the pool recovers', async () => {
    let made = 0;
    const pool = new RunPool(() => {
      const worker = threadWorker();
      // The first worker made is killed as soon as it is given work, as if it had crashed.
      if (made++ === 0) return { ...worker, simulateBatch: (...args) => { const p = worker.simulateBatch(...args); worker.terminate(); return p; } };
      return worker;
    }, 1);
    try {
      const error = await pool.simulate(small, { ...OPTIONS, batchSize: 4 }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(BatchFailedError);
      expect((error as Error).message).toMatch(/^batch 1 of 3 \(runs 0–3\) failed: the worker thread exited/);
      expect(await pool.simulate(small, OPTIONS)).toEqual(expected());
    } finally {
      pool.dispose();
    }
  }, 60_000);
});

function expected(): RunSummary {
  return engineApi.runSimulation(small, OPTIONS);
}

describe('a worker that falls silent', () => {
  /** A beating worker: run r takes `runMs(r)`; from run `silentAfter` on it stops (never answers, never beats). */
  function beatingWorker(runMs: number | ((run: number) => number), silentAfter = Infinity): PoolWorker {
    const ms = typeof runMs === 'number' ? () => runMs : runMs;
    const folder = new BatchFolder();
    return {
      beats: true,
      simulateBatch: async (job, inputs, first, count, beat) => {
        for (let r = 0; r < count; r++) {
          if (first + r >= silentAfter) return new Promise<never>(() => undefined);
          await new Promise((done) => setTimeout(done, ms(first + r)));
          beat?.(first + r);
        }
        return folder.simulate(job, inputs, first, count);
      },
      takeCounts: async (job) => folder.take(job),
      terminate: () => undefined,
    };
  }
  const RULE = { startMs: 600, floorMs: 300, factor: 10, checkMs: 20 };

  it('fails the job with a message once it has been silent past the rule, and the next job runs on a new worker', async () => {
    let made = 0;
    const pool = new RunPool(() => (made++ === 0 ? beatingWorker(5, 3) : beatingWorker(5)), 1, Infinity, RULE);
    const started = performance.now();
    const error = await pool.simulate(small, { ...OPTIONS, batchSize: 12 }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(BatchFailedError);
    expect((error as Error).message).toMatch(/^a worker has finished no run for \d+ s \(this job's runs took at most [\d.]+ s apart\): it has stopped, so batch 1 of 1 \(runs 0–11\) failed; run again and a new worker starts$/);
    // Failed after the floor (300 ms: its runs were 5 ms apart), not at once, not after the start allowance, and not never.
    const took = performance.now() - started;
    expect(took).toBeGreaterThan(RULE.floorMs);
    expect(took).toBeLessThan(RULE.startMs);
    expect(await pool.simulate(small, OPTIONS)).toEqual(engineApi.runSimulation(small, OPTIONS));
    expect(made).toBe(2);
    pool.dispose();
  });

  it('a worker silent before its first run (its start) is given the start allowance, then fails', async () => {
    let made = 0;
    const pool = new RunPool(() => (made++ === 0 ? beatingWorker(5, 0) : beatingWorker(5)), 1, Infinity, RULE);
    const started = performance.now();
    const error = await pool.simulate(small, { ...OPTIONS, batchSize: 12 }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(BatchFailedError);
    expect(performance.now() - started).toBeGreaterThan(RULE.startMs);
    expect(await pool.simulate(small, OPTIONS)).toEqual(engineApi.runSimulation(small, OPTIONS));
    pool.dispose();
  });

  it('a job of slow runs widens its own window: after runs 60 ms apart, a run of 400 ms does not trip a 150 ms floor', async () => {
    const pool = new RunPool(() => beatingWorker((run) => (run === 3 ? 400 : 60)), 1, Infinity, { startMs: 1_000, floorMs: 150, factor: 10, checkMs: 10 });
    expect(await pool.simulate(small, { ...OPTIONS, runs: 6, batchSize: 6 })).toEqual(engineApi.runSimulation(small, { ...OPTIONS, runs: 6 }));
    pool.dispose();
  });
});

