// <cs-app>: owns the scenario and the runs; the only element that talks to the engine pool.
import { LitElement, html, nothing } from 'lit';
import { appStyles } from './app-styles';
import { customElement, state } from 'lit/decorators.js';
import { type RunSummary, type Metric, monthLabels, type Evaluate } from '../engine';
import { enginePool } from '../client/engine-client';
import { upgradeScenario } from '../scenario/upgrade';
import { formatErrors, parseScenario } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import type { CompareRequestEvent, RunRequestEvent, ScenarioChangeEvent, ScenarioLoadEvent, SweepRequestEvent } from './events';
import type { CompareEntry } from './cs-compare';
import { formatCount, formatGbpMillions, formatShare, moneyIn, monthName } from './format';
import type { ObservedSeries } from './cs-fan-chart';
import { DEFAULT_SCENARIO, SHIPPED } from './shipped-scenarios';
import './cs-fan-chart';
import './cs-care-ages';
import './cs-run-controls';
import './cs-savings-table';
import './cs-capacity-sweep';
import './cs-sensitivity';
import './cs-calibration';
import './cs-compare';
import './cs-finance';
import './cs-worksheets';
import './cs-keep-share';
import './cs-effects-preset';
import './cs-scenario-editor';
import { hasOwn } from '../scenario/check';
import { cannotDraw } from './editor-model';
import { clearDraft, readDraft, saveDraft } from './scenario-store';
import { scenarioFromHash } from './share-link';

/** The charts, in order: series, title, unit, first month shown (flows have none at month 0). */
const CHARTS: Array<[Metric, string, string, number]> = [
  ['cla', 'Children looked after', 'children at month end', 0],
  ['cp', 'Child protection plans', 'children at month end', 0],
  ['cin', 'Children in need', 'children at month end', 0],
  ['claEntries', 'Entries to care', 'children a month', 1],
  ['fgcHeld', 'FGCs held', 'conferences a month', 1],
  ['fgcWaiting', 'Families waiting for an FGC', 'families at month end', 1],
  ['cost', 'Cost', '£ a month', 1],
];

@customElement('cs-app')
export class CsApp extends LitElement {
  static override styles = appStyles;

  @state() private _scenarioKey = DEFAULT_SCENARIO;
  @state() private _scenario: Scenario | undefined;
  /** The scenario as edited (raw JSON, possibly invalid); _scenario is its validated form. */
  @state() private _raw: unknown;
  @state() private _edited = false;
  @state() private _summary: RunSummary | undefined;
  @state() private _error = '';
  @state() private _running = false;
  @state() private _done = 0;
  @state() private _total = 0;
  @state() private _elapsed = 0;
  @state() private _partial = false;
  /** The scenario the finished summary was run from (the global ranking re-draws its inputs). */
  @state() private _summaryScenario: Scenario | undefined;
  /** Runs a scenario on the worker pool, for the evaluator tools. */
  private readonly _evaluate: Evaluate = (scenario, options) => enginePool().simulate(scenario, options);
  @state() private _note = '';
  /** Said when a reload brought back the scenario being edited. */
  @state() private _restored = '';
  /** Why the page's share link could not be opened: kept on screen until another scenario is loaded. */
  @state() private _linkProblem = '';
  @state() private _sweep: RunSummary | undefined;
  @state() private _sweeping = false;
  @state() private _sweepProgress = '';
  @state() private _compared: CompareEntry[] | undefined;
  @state() private _compareResults: RunSummary[] | undefined;
  @state() private _comparing = false;
  @state() private _compareProgress = '';
  private _startedAt = 0;
  /** Scenarios loaded so far (shipped, saved, imported, shared): a new one clears what the keep-and-share panel last said. */
  @state() private _loads = 0;
  /** The newest run's number (see _run). */
  private _runToken = 0;

  /** Where the loaded scenario came from, when not a shipped one (saved, imported, shared). */
  @state() private _origin = '';

  /** Whether the scenario being edited is kept in this tab (a reload brings it back); if not, leaving asks first. */
  private _draftKept = true;
  private readonly _beforeUnload = (e: BeforeUnloadEvent) => {
    if (this._edited && !this._draftKept) e.preventDefault();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('beforeunload', this._beforeUnload);
    void this._start();
  }

  override disconnectedCallback(): void {
    removeEventListener('beforeunload', this._beforeUnload);
    super.disconnectedCallback();
  }

  /** Opens the scenario being edited before a reload, or the one a share link carries, or the default; then runs it. */
  private async _start(): Promise<void> {
    const draft = readDraft(location.hash);
    if (draft) this._scenarioKey = hasOwn(SHIPPED, draft.scenarioKey) ? draft.scenarioKey : DEFAULT_SCENARIO;
    if (draft && this._loadRaw(draft.raw, draft.origin) === undefined) {
      this._edited = true;
      this._draftKept = saveDraft(draft);
      const upgraded = this._restored;
      this._restored = `Your edits from before the page was reloaded are back. They are not saved: save them to keep them beyond this tab.${upgraded ? ` ${upgraded}` : ''}`;
    } else {
      const shared = await scenarioFromHash(location.hash);
      const refused = shared && 'raw' in shared ? this._loadRaw(shared.raw, 'Shared link') : undefined;
      if (!shared || 'problem' in shared || refused !== undefined) {
        this._load(this._scenarioKey);
        if (shared) this._linkProblem = 'problem' in shared ? shared.problem : `The share link could not be opened (${refused}); the default scenario is loaded instead.`;
      }
    }
    if (this._scenario) void this._run(this._scenario.simulation.runs, this._scenario.simulation.seed);
  }

  private _load(key: string): void {
    this._scenarioKey = key;
    this._loadRaw(SHIPPED[key], '');
  }

  /**
   * Loads a scenario as raw JSON; an invalid one still opens in the editor with its problems. One the editor cannot
   * draw is refused whole, the current scenario left as it was: the reason is returned (and said, for a load that
   * came from elsewhere on the page).
   */
  private _loadRaw(given: unknown, origin: string): string | undefined {
    // A scenario written for an earlier schema opens upgraded, saying what changed (src/scenario/upgrade.ts).
    const { raw, notes } = upgradeScenario(given);
    const refused = cannotDraw(raw);
    if (refused !== undefined) {
      this._error = `${origin || 'The scenario'} was not opened, and the scenario you had is as it was: ${refused}.`;
      return refused;
    }
    const parsed = parseScenario(raw);
    this._raw = structuredClone(raw);
    this._origin = origin;
    this._loads++;
    this._edited = false;
    clearDraft();
    this._draftKept = true;
    this._restored = notes.length ? `${origin || 'This scenario'} was written for an earlier version and was upgraded to open: ${notes.join('; ')}.` : '';
    this._linkProblem = '';
    this._summary = undefined;
    this._sweep = undefined;
    this._sweepProgress = '';
    this._done = 0;
    this._error = parsed.ok ? '' : `This scenario has problems to fix before it can run:\n${formatErrors(parsed.errors)}`;
    this._scenario = parsed.ok ? parsed.value : undefined;
    return undefined;
  }

  private async _run(runs: number, seed: string): Promise<void> {
    const scenario = this._scenario;
    if (!scenario) return;
    // A newer run supersedes this one (the pool cancels it): only the newest may set what the page shows.
    const token = ++this._runToken;
    const current = () => token === this._runToken;
    this._running = true;
    this._note = '';
    this._error = '';
    this._done = 0;
    this._total = runs;
    this._startedAt = performance.now();
    try {
      const summary = await enginePool().simulate(scenario, {
        runs,
        seed,
        onProgress: (done, total) => {
          if (!current()) return;
          this._done = done;
          this._total = total;
          this._elapsed = (performance.now() - this._startedAt) / 1000;
        },
        onPartial: (partial) => {
          if (!current()) return;
          this._summary = partial;
          this._partial = true;
        },
      });
      if (!current()) return;
      this._summary = summary;
      this._summaryScenario = scenario;
      this._partial = false;
    } catch (e) {
      if (!current()) return;
      if ((e as Error).name === 'CancelledError') this._note = 'cancelled';
      else if ((e as Error).name === 'JobTooLargeError') this._error = `This run is too large for a browser tab: ${(e as Error).message}`;
      else this._error = `The run failed: ${(e as Error).message}`;
    } finally {
      if (current()) {
        this._running = false;
        this._elapsed = (performance.now() - this._startedAt) / 1000;
      }
    }
  }

  /** A capacity sweep: every step an arm of one run plan, so steps share their random numbers. */
  private async _runSweep(e: SweepRequestEvent): Promise<void> {
    const scenario = this._scenario;
    if (!scenario) return;
    this._sweeping = true;
    this._sweepProgress = 'starting…';
    try {
      this._sweep = await enginePool().simulate(scenario, {
        runs: e.detail.runs,
        capacity: e.detail.capacity,
        onProgress: (done, total) => (this._sweepProgress = `${formatCount(done)} of ${formatCount(total)} runs`),
      });
      this._sweepProgress = `${formatCount(this._sweep.runs)} runs — done`;
    } catch (err) {
      const error = err as Error;
      this._sweepProgress = error.name === 'CancelledError' ? 'cancelled' : error.name === 'JobTooLargeError' ? `too large for a browser tab: ${error.message}` : `failed: ${error.message}`;
    } finally {
      this._sweeping = false;
    }
  }

  /** Runs each compared scenario with the same runs and seed, one after another. */
  private async _runCompare(e: CompareRequestEvent): Promise<void> {
    const entries = e.detail.entries;
    const runs = this._scenario?.simulation.runs ?? 100;
    const seed = this._scenario?.simulation.seed ?? 'compare';
    const results: RunSummary[] = [];
    this._comparing = true;
    this._compared = undefined;
    this._compareResults = undefined;
    try {
      for (const [i, entry] of entries.entries()) {
        const parsed = parseScenario(entry.raw);
        if (!parsed.ok) throw new Error(`“${entry.label}” is not a valid scenario: ${formatErrors(parsed.errors)}`);
        this._compareProgress = `scenario ${i + 1} of ${entries.length}…`;
        results.push(await enginePool().simulate(parsed.value, { runs, seed }));
      }
      this._compared = entries;
      this._compareResults = results;
      this._compareProgress = `${entries.length} scenarios, ${runs} runs each, seed “${seed}” — done`;
    } catch (err) {
      this._compareProgress = (err as Error).name === 'CancelledError' ? 'cancelled' : `failed: ${(err as Error).message}`;
    } finally {
      this._comparing = false;
    }
  }

  /** An edit: a job in flight is cancelled (its inputs changed); the next starts when the user asks. */
  private _onScenarioChange(e: ScenarioChangeEvent): void {
    if (this._running) enginePool().cancel('the scenario changed');
    this._raw = e.detail.raw;
    this._scenario = e.detail.scenario;
    this._edited = true;
    this._draftKept = saveDraft({ raw: this._raw, origin: this._origin, scenarioKey: this._scenarioKey, hash: location.hash });
  }

  private _errorCount(): number {
    const parsed = parseScenario(this._raw);
    return parsed.ok ? 0 : parsed.errors.length;
  }

  private _observed(metric: Metric): ObservedSeries | undefined {
    const observed = this._scenario?.observed;
    const values = observed?.series[metric as keyof typeof observed.series];
    if (!observed || !values) return undefined;
    const labels = monthLabels(observed.startMonth, values.length - 1);
    const map: ObservedSeries = new Map();
    values.forEach((v, i) => {
      // Flows observed in the start month happened before month 0.
      if (v !== null && !(i === 0 && metric !== 'cla' && metric !== 'cp' && metric !== 'cin')) map.set(labels[i]!, v);
    });
    return map;
  }

  override render() {
    const s = this._summary;
    const last = s ? s.months.length - 1 : 0;
    return html`
      <h1>How many FGC coordinators, where, and what will it save?</h1>
      <p class="lede">${this._scenario?.description ?? ''}</p>
      <div class="bar">
        <label>Scenario
          <select id="scenario" @change=${(e: Event) => { enginePool().cancel(); this._load((e.target as HTMLSelectElement).value); }}>
            ${this._origin ? html`<option value="" selected>${this._origin}: ${(this._raw as { name?: string })?.name ?? ''}</option>` : nothing}
            ${Object.keys(SHIPPED).map((key) => html`<option value=${key} ?selected=${!this._origin && key === this._scenarioKey}>${(SHIPPED[key] as { name: string }).name}</option>`)}
          </select>
        </label>
        <cs-effects-preset .raw=${this._raw} .scenario=${this._scenario} @scenario-change=${this._onScenarioChange}></cs-effects-preset>
        <cs-run-controls
          .running=${this._running} .note=${this._note} .done=${this._done} .total=${this._total} .elapsed=${this._elapsed}
          .runs=${this._scenario?.simulation.runs ?? 200} .seed=${this._scenario?.simulation.seed ?? ''}
          .blocked=${this._scenario ? '' : `The scenario has ${this._errorCount()} problem(s) to fix before it can run (see the inputs).`}
          @run-request=${(e: RunRequestEvent) => void this._run(e.detail.runs, e.detail.seed)}
          @cancel-request=${() => enginePool().cancel()}
        ></cs-run-controls>
      </div>
      <cs-keep-share .raw=${this._raw} .loads=${this._loads} .summary=${s} name=${(this._raw as { name?: string })?.name ?? 'scenario'}
          @scenario-load=${(e: ScenarioLoadEvent) => { enginePool().cancel(); this._loadRaw(e.detail.raw, e.detail.label); }}></cs-keep-share>
      <details class="import-903" @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && void import('./cs-import-903')}>
        <summary>Import your SSDA903 return</summary>
        <cs-import-903 .raw=${this._raw}
          @scenario-load=${(e: ScenarioLoadEvent) => { enginePool().cancel(); this._loadRaw(e.detail.raw, e.detail.label); }}></cs-import-903>
      </details>
      <details class="council" @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && void import('./cs-council-start')}>
        <summary>Start from a council</summary>
        <cs-council-start .evaluate=${this._evaluate} .raw=${this._raw}
          @scenario-load=${(e: ScenarioLoadEvent) => { enginePool().cancel(); this._loadRaw(e.detail.raw, e.detail.label); }}></cs-council-start>
      </details>
      ${this._restored ? html`<p class="restored" role="status">${this._restored}</p>` : nothing}
      ${this._linkProblem ? html`<p class="error link-problem" role="alert">${this._linkProblem}</p>` : nothing}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <details class="inputs" ?open=${!this._scenario}>
        <summary>Scenario inputs${this._edited ? ' (edited)' : ''}</summary>
        <p>
          <button type="button" id="reset" @click=${() => { enginePool().cancel(); this._load(this._scenarioKey); }} ?disabled=${!this._edited && !this._origin}>Reset to the shipped scenario</button>
        </p>
        <cs-scenario-editor .raw=${this._raw} @scenario-change=${this._onScenarioChange}></cs-scenario-editor>
      </details>
      ${s
        ? html`
            ${this._partial ? html`<p class="partial" role="status">Showing the ${s.runs} runs done so far.</p>` : nothing}
            <table id="arms">
              <caption>Each arm over ${last} months, ${s.runs} runs, seed “${s.seed}” (mean, with P5–P95; ${moneyIn(s)}); FGC effects: <span id="effects-in-force">${s.effects.preset}</span></caption>
              <thead><tr><th scope="col">Arm</th><th scope="col">Coordinators (FTE)</th><th scope="col">Children looked after at the end of ${monthName(s.months[last]!)}</th><th scope="col">FGCs held</th><th scope="col">Total cost</th><th scope="col">Saving against ${s.arms[0]!.name} (P50, P5 to P95)</th><th scope="col">Chance of a saving</th></tr></thead>
              <tbody>
                ${s.arms.map((a, i) => {
                  const c = i > 0 ? s.comparisons[i - 1] : undefined;
                  return html`<tr>
                    <td>${a.name}</td>
                    <td>${a.coordinatorsFte}</td>
                    <td data-metric="cla">${formatCount(a.series.cla.mean[last]!)} <span class="band">(${formatCount(a.series.cla.p5[last]!)}–${formatCount(a.series.cla.p95[last]!)})</span></td>
                    <td>${formatCount(a.totals.fgcHeld.mean)}</td>
                    <td>${formatGbpMillions(a.totals.cost.mean)}</td>
                    <td data-metric="saving">${c ? html`${formatGbpMillions(c.saving.p50)} <span class="band">(${formatGbpMillions(c.saving.p5)} to ${formatGbpMillions(c.saving.p95)})</span>` : 'reference'}</td>
                    <td>${c ? formatShare(c.probabilityOfSaving) : ''}</td>
                  </tr>`;
                })}
              </tbody>
            </table>
            <h2>Savings by financial year</h2>
            <cs-savings-table .summary=${s}></cs-savings-table>
            <h2>Appraisal (Green Book)</h2>
            <cs-finance .summary=${s}></cs-finance>
            <h2>Capacity sweep</h2>
            <cs-capacity-sweep
              .todayFte=${Math.max(...(this._scenario ? [this._scenario.arms.counterfactual, ...this._scenario.arms.options].map((a) => a.coordinatorsFte) : [0]))}
              .summary=${this._sweep} .running=${this._sweeping} .progress=${this._sweepProgress}
              .blocked=${this._scenario ? '' : 'Fix the scenario to run a sweep.'}
              @sweep-request=${(e: SweepRequestEvent) => void this._runSweep(e)}
              @cancel-request=${() => enginePool().cancel()}
            ></cs-capacity-sweep>
            <h2>Compare scenarios</h2>
            <cs-compare
              .current=${{ label: `Open now: ${(this._raw as { name?: string })?.name ?? 'scenario'}`, raw: this._raw }}
              .compared=${this._compared} .results=${this._compareResults} .running=${this._comparing} .progress=${this._compareProgress}
              @compare-request=${(e: CompareRequestEvent) => void this._runCompare(e)}
            ></cs-compare>
            <h2>For evaluators: what drives the answer, and what it takes to break even</h2>
            <cs-sensitivity .scenario=${this._scenario} .summary=${this._partial || this._summaryScenario !== this._scenario ? undefined : s} .evaluate=${this._evaluate}></cs-sensitivity>
            <h2>For evaluators: calibration and backtest</h2>
            <cs-calibration .scenario=${this._scenario} .evaluate=${this._evaluate}
              @scenario-load=${(e: ScenarioLoadEvent) => { enginePool().cancel(); this._loadRaw(e.detail.raw, e.detail.label); }}></cs-calibration>
            <h2>Series</h2>
            <div class="charts" id="series-charts">
              ${CHARTS.map(([metric, heading, unit, from]) => html`<cs-fan-chart .summary=${s} metric=${metric} heading=${heading} unit=${metric === 'cost' ? `${unit} (${moneyIn(s)})` : unit} .from=${from} .observed=${this._observed(metric)}></cs-fan-chart>`)}
            </div>
            <cs-care-ages .summary=${s}></cs-care-ages>
          `
        : nothing}
      <h2>Published cost–benefit analyses</h2>
      <cs-worksheets></cs-worksheets>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-app': CsApp;
  }
}
