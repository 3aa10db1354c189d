// The page's one run controller (a Lit ReactiveController on <cs-app>): every job that uses the worker pool (the main
// run, the coordinator sweep, the tornado, break-even, calibration, comparisons, a council's check) goes through it.
// One job runs at a time; one started meanwhile waits its turn in a visible queue; a job stopped says who stopped it;
// every panel words its job's progress, end and failure the same way (jobWords).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Evaluate, RunSummary } from '../engine';
import type { Scenario } from '../scenario/schema';
import type { JobOptions } from '../client/pool';
import { TimeLeft } from '../client/time-left';

/** What a job runs on: the page's pool, one job at a time. */
export interface Engine {
  simulate(scenario: Scenario, options: JobOptions): Promise<RunSummary>;
  cancel(reason?: string): void;
}

/** What a job's work is given: an evaluator on the pool, and a way to say how far it has got. */
export interface JobContext {
  /** Runs a scenario on the pool (for a tool that runs many: tornado, break-even, calibration). */
  evaluate: Evaluate;
  /** Runs with the pool's own options (progress a run at a time, partial bands). */
  simulate(scenario: Scenario, options: JobOptions): Promise<RunSummary>;
  /** How far the job is: `done` of `total` `unit` (e.g. "runs", "evaluations"), and the pool's estimate of its end's ms. */
  progress(done: number, total: number, unit?: string, endMs?: number): void;
}

export type JobEnd = { kind: 'done'; words: string } | { kind: 'stopped'; words: string } | { kind: 'failed'; words: string };

/** What the page shows of its jobs: the one running, those waiting, and how each kind last ended. */
export interface JobsState {
  /** The job running: how far, since when, and the seconds left once a tenth is done (TimeLeft). */
  running?: { label: string; done: number; total: number; unit: string; startedAt: number; elapsedS: number; leftS?: number };
  waiting: string[];
  ended: Record<string, JobEnd>;
}

interface Queued {
  label: string;
  bound: boolean;
  work: (context: JobContext) => Promise<string | void>;
  settle: (ok: boolean) => void;
}

/** A job's label in running text ("the tornado", "the main run"). */
const inText = (label: string) => `the ${label.charAt(0).toLowerCase()}${label.slice(1)}`;

/** How a job ended, in the one wording every panel uses. */
export function endWords(label: string, error: unknown): JobEnd {
  const e = error as Error;
  if (e?.name === 'CancelledError') return { kind: 'stopped', words: `${label} stopped: ${e.message}.` };
  if (e?.name === 'JobTooLargeError') return { kind: 'failed', words: `${label} is too large for a browser tab: ${e.message}` };
  return { kind: 'failed', words: `${label} failed: ${e?.message ?? String(error)}` };
}

/** A kind of job's line: running (how far), waiting (behind what), or how it last ended. */
export function jobWords(state: JobsState, label: string): string {
  const r = state.running;
  if (r?.label === label) return `${label}: ${r.total > 0 ? `${r.done.toLocaleString('en-GB')} of ${r.total.toLocaleString('en-GB')} ${r.unit}` : 'starting…'}`;
  const place = state.waiting.indexOf(label);
  if (place >= 0) return `${label}: waiting for ${r ? inText(r.label) : 'the job before it'} to finish (${place + 1} of ${state.waiting.length} in the queue)`;
  return state.ended[label]?.words ?? '';
}

export class RunController implements ReactiveController {
  /** Replaced (never changed in place) on every change, so elements given it re-render. */
  state: JobsState = { waiting: [], ended: {} };
  private readonly queue: Queued[] = [];
  private current: Queued | undefined;


  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly engine: () => Engine,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.cancelAll('the page was closed');
  }

  /**
   * Runs `work` as the job `label` when the jobs before it are done. A job of the same label already waiting is
   * replaced; one of the same label running is stopped (the newer asks for the same thing with newer inputs). A job
   * `bound` to the open scenario is stopped or dropped when the scenario changes. Resolves true when the work ended
   * well; false when it was stopped or failed (its words are in state.ended).
   */
  run(label: string, work: (context: JobContext) => Promise<string | void>, options: { bound?: boolean } = {}): Promise<boolean> {
    return new Promise<boolean>((settle) => {
      const twin = this.queue.findIndex((j) => j.label === label);
      if (twin >= 0) this.drop(twin, `${label} stopped: asked for again.`);
      this.queue.push({ label, bound: options.bound ?? true, work, settle });
      if (this.current?.label === label) this.engine().cancel(`a newer ${inText(label).slice(4)} was asked for`);
      this.publish();
      this.next();
    });
  }

  /**
   * An evaluator whose every call is a job `label` of its own, not bound to the open scenario (a council's check runs
   * the scenario it built): a call stopped or failed rejects with the controller's words.
   */
  evaluator(label: string): Evaluate {
    return (scenario, options) =>
      new Promise<RunSummary>((resolve, reject) => {
        let result: RunSummary | undefined;
        void this.run(label, async ({ evaluate }) => void (result = await evaluate(scenario, options)), { bound: false }).then((ok) => {
          if (ok && result) resolve(result);
          else {
            const end = this.state.ended[label];
            const error = new Error(end?.words ?? `${label} stopped`);
            reject(end?.kind === 'failed' ? error : Object.assign(error, { name: 'CancelledError' }));
          }
        });
      });
  }

  /** Stops the job `label`, running or waiting. */
  cancel(label: string, reason = 'cancelled'): void {
    const waiting = this.queue.findIndex((j) => j.label === label);
    if (waiting >= 0) this.drop(waiting, `${label} stopped: ${reason}.`);
    if (this.current?.label === label) this.engine().cancel(reason);
    this.publish();
  }

  /** The open scenario changed: jobs on it stop (running) or are dropped (waiting), saying why. */
  scenarioChanged(reason: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.bound) this.drop(i, `${this.queue[i]!.label} stopped: ${reason}.`);
    if (this.current?.bound) this.engine().cancel(reason);
    this.publish();
  }

  cancelAll(reason: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) this.drop(i, `${this.queue[i]!.label} stopped: ${reason}.`);
    if (this.current) this.engine().cancel(reason);
  }

  private drop(index: number, words: string): void {
    const [job] = this.queue.splice(index, 1);
    if (!job) return;
    this.state = { ...this.state, ended: { ...this.state.ended, [job.label]: { kind: 'stopped', words } } };
    job.settle(false);
  }

  private publish(patch: Partial<JobsState> = {}): void {
    this.state = { ...this.state, waiting: this.queue.map((j) => j.label), ...patch };
    this.host.requestUpdate();
  }

  private next(): void {
    if (this.current || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    this.current = job;
    const startedAt = performance.now();
    const { [job.label]: _, ...ended } = this.state.ended;
    this.publish({ running: { label: job.label, done: 0, total: 0, unit: 'runs', startedAt, elapsedS: 0 }, ended });
    // A job that counts its own steps (evaluations, effect sizes) is not shown its evaluations' runs.
    let ownSteps = false;
    let left: { total: number; unit: string; estimate: TimeLeft } | undefined;
    const progress = (done: number, total: number, unit = 'runs', endMs?: number) => {
      if (this.current !== job) return;
      if (unit !== 'runs') ownSteps = true;
      const now = performance.now();
      // A new count (another evaluation's runs) is timed from now; the job's first from its start.
      if (left?.total !== total || left.unit !== unit) left = { total, unit, estimate: new TimeLeft(total, left ? now : startedAt) };
      // The runs' own rate leaves out the end (the workers' counts folded, every run summarised): the pool's estimate of
      // it is added. At 90% of 10,000 runs on two workers the time left is still short by about 30% (npm run
      // bench:page-pool): the last batches are small and the two workers finish unevenly, which the rate does not see.
      const runsLeft = left.estimate.at(now, done);
      const leftS = runsLeft === undefined ? undefined : runsLeft + (endMs ?? 0) / 1000;
      this.publish({ running: { label: job.label, done, total, unit, startedAt, elapsedS: (now - startedAt) / 1000, ...(leftS === undefined ? {} : { leftS }) } });
    };
    const simulate = (scenario: Scenario, options: JobOptions) => this.engine().simulate(scenario, options);
    const evaluate: Evaluate = (scenario, options) => simulate(scenario, { ...options, onProgress: (d, t, endMs) => !ownSteps && progress(d, t, 'runs', endMs) });
    const finish = (end: JobEnd) => {
      this.current = undefined;
      this.publish({ running: undefined, ended: { ...this.state.ended, [job.label]: end } });
      job.settle(end.kind === 'done');
      this.next();
    };
    job.work({ evaluate, simulate, progress }).then(
      (words) => finish({ kind: 'done', words: words || `${job.label}: done.` }),
      (error: unknown) => finish(endWords(job.label, error)),
    );
  }
}
