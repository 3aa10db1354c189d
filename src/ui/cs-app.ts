// <cs-app>: owns the scenario and the runs; the only element that talks to the engine pool.
import { LitElement, html, nothing } from 'lit';
import { appStyles } from './app-styles';
import { customElement, state } from 'lit/decorators.js';
import { type RunSummary, type Metric, monthLabels, coordinatorAnswer, peakFte, SWEEP_RUN_SERIES, SERVICE_SWEEP_RUN_SERIES, type CoordinatorAnswer } from '../engine';
import { enginePool } from '../client/engine-client';
import { RunController, jobWords } from './run-controller';
import { formatErrors, parseScenario } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import type { CompareRequestEvent, FocusChangeEvent, RunRequestEvent, ScenarioChangeEvent, ScenarioLoadEvent, SweepRequestEvent } from './events';
import type { CompareEntry } from './cs-compare';
import { moneyIn } from './format';
import type { ObservedSeries } from './cs-fan-chart';
import { SHIPPED } from './shipped-scenarios';
import { ScenarioController } from './scenario-controller';
import { seriesCharts } from './charts';
import { caseloadService } from './services';
import './cs-fan-chart';
import './cs-care-ages';
import './cs-run-controls';
import './cs-savings-table';
import { sweepServices } from './cs-coordinator-answer';
import './cs-arms-table';
import './cs-service-claim';
import './cs-table-exports';
import './cs-verdict';
import './cs-sensitivity';
import './cs-calibration';
import './cs-compare';
import './cs-finance';
import './cs-worksheets';
import './cs-keep-share';
import './cs-effects-preset';
import './cs-scenario-editor';
import './cs-help';

@customElement('cs-app')
export class CsApp extends LitElement {
  static override styles = appStyles;

  @state() private _summary: RunSummary | undefined;
  /** The summary is of runs still going (bands of the runs done so far). */
  @state() private _partial = false;
  /** The scenario the summary was run from (the verdict and the global ranking read it). */
  @state() private _summaryScenario: Scenario | undefined;
  /** The scenario was edited after the results on screen were run: they say so until the next run. */
  @state() private _stale = false;
  /** The user opened the inputs panel (a click on its summary): it stays open when a problem that also opened it is fixed. */
  private _inputsOpen = false;
  /** The coordinator answer (one sweep), and whether the scenario changed after it. */
  @state() private _answer: CoordinatorAnswer | undefined;
  @state() private _answerStale = false;
  /** The option the coordinator answer's steps copied. */
  @state() private _answerFocus = 1;
  /** The option the verdict and the coordinator answer speak of (1 = the first). */
  @state() private _focus = 1;
  /** What the report download last said (making it, its file, or why it failed). */
  @state() private _reportStatus = '';
  @state() private _compared: CompareEntry[] | undefined;
  @state() private _compareResults: RunSummary[] | undefined;
  /** Bumped when a scenario is saved or deleted in this browser: the compare list reads the store again. */
  @state() private _savedChanges = 0;
  /** Every job on the worker pool, one at a time, with a visible queue. */
  private readonly _jobs = new RunController(this, enginePool);
  /** A council's fit check: each of its runs a job of the controller's, not bound to the open scenario. */
  private readonly _councilEvaluate = this._jobs.evaluator('Council check');


  /** The open scenario: where it came from, as edited, validated, and kept in this tab. */
  private readonly _doc = new ScenarioController(this, () => {
    this._summary = undefined;
    this._summaryScenario = undefined;
    this._stale = false;
    this._answer = undefined;
    this._focus = 1;
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this._doc.start().then(() => this._doc.scenario && this._run(this._doc.scenario.simulation.runs, this._doc.scenario.simulation.seed));
  }

  private _load(key: string): void {
    this._jobs.scenarioChanged('another scenario was opened');
    this._doc.load(key);
  }

  /**
   * The main run, with the runs and seed asked for (kept in the scenario when it is done); it waits its turn behind a
   * tool already running. `focusResults`: a run the user started (Run), whose end moves focus to the results.
   */
  private _run(runs: number, seed: string, focusResults = false): void {
    const scenario = this._doc.scenario;
    if (!scenario) return;
    let current = true;
    // What was on screen before: put back if this run stops or fails, so partial bands never stand as results.
    const before = { summary: this._summary, scenario: this._summaryScenario };
    void this._jobs.run('Main run', async ({ simulate, progress }) => {
      try {
        const summary = await simulate(scenario, {
          runs,
          seed,
          onProgress: (done, total, endMs) => progress(done, total, 'runs', endMs),
          onPartial: (partial) => {
            if (!current) return;
            this._summary = partial;
            this._summaryScenario = scenario;
            this._partial = true;
          },
        });
        this._summary = summary;
        this._summaryScenario = this._keepRunsAndSeed(runs, seed) ?? scenario;
        this._stale = false;
        if (focusResults) void this.updateComplete.then(() => this._focusResults());
        return `Main run: ${summary.runs.toLocaleString('en-GB')} runs — done.`;
      } catch (e) {
        if (current && this._partial) {
          this._summary = before.summary;
          this._summaryScenario = before.scenario;
        }
        throw e;
      } finally {
        current = false;
        this._partial = false;
      }
    });
  }

  /**
   * A run the user started ends on its results, so a keyboard or screen-reader user is taken there (the run on load does
   * not move the page); not if they have gone on to another field meanwhile (Run itself gave way to Cancel).
   */
  private _focusResults(): void {
    const at = (this.renderRoot as ShadowRoot).activeElement;
    if (!at || at.localName === 'cs-run-controls') this.renderRoot.querySelector<HTMLElement>('#results-heading')?.focus();
  }

  /**
   * A run's runs and seed become the scenario's own once it is done, so the share link, the JSON export and a reload
   * reproduce what is on screen. Returns the scenario as it is then, when they changed it.
   */
  private _keepRunsAndSeed(runs: number, seed: string): Scenario | undefined {
    const raw = this._doc.raw as { simulation?: { runs?: number; seed?: string } };
    if (!raw.simulation || (raw.simulation.runs === runs && raw.simulation.seed === seed)) return undefined;
    const next = structuredClone(raw) as { simulation: { runs: number; seed: string } };
    next.simulation.runs = runs;
    next.simulation.seed = seed;
    const parsed = parseScenario(next);
    if (!parsed.ok) return void (this._doc.error = `The run's runs and seed could not be kept in the scenario: ${formatErrors(parsed.errors)}`);
    this._doc.keepEdit(next, parsed.value);
    return parsed.value;
  }

  /** The coordinator sweep: every step an arm of one run plan, so steps share their random numbers. */
  private _runSweep(e: SweepRequestEvent): void {
    const scenario = this._doc.scenario;
    if (!scenario) return;
    const focus = this._focusArm();
    // A caseload service's sweep sets its workers in each step (the option's coordinators as they are).
    const service = e.detail.service;
    const swept = service === undefined ? { keepRunSeries: [...SWEEP_RUN_SERIES] } : { capacityOf: service, keepRunSeries: [...SERVICE_SWEEP_RUN_SERIES] };
    const of = service === undefined ? '' : ` of ${scenario.services?.find((x) => x.id === service)?.name ?? service} workers`;
    void this._jobs.run('Coordinator sweep', async ({ simulate, progress }) => {
      const summary = await simulate(scenario, { runs: e.detail.runs, capacity: e.detail.capacity, capacityLike: focus, ...swept, onProgress: (done, total, endMs) => progress(done, total, 'runs', endMs) });
      this._answer = coordinatorAnswer(summary, service);
      this._answerFocus = focus;
      this._answerStale = false;
      return `Coordinator sweep${of}: ${e.detail.capacity.length} steps, ${summary.runs.toLocaleString('en-GB')} runs each — done.`;
    });
  }

  /** Runs each compared scenario with the same runs and seed, one after another, as one job. */
  private _runCompare(e: CompareRequestEvent): void {
    const entries = e.detail.entries;
    const runs = this._doc.scenario?.simulation.runs ?? 100;
    const seed = this._doc.scenario?.simulation.seed ?? 'compare';
    this._compared = undefined;
    this._compareResults = undefined;
    void this._jobs.run(
      'Comparison',
      async ({ simulate, progress }) => {
        const results: RunSummary[] = [];
        for (const [i, entry] of entries.entries()) {
          const parsed = parseScenario(entry.raw);
          if (!parsed.ok) throw new Error(`“${entry.label}” is not a valid scenario: ${formatErrors(parsed.errors)}`);
          progress(i, entries.length, 'scenarios');
          results.push(await simulate(parsed.value, { runs, seed }));
        }
        this._compared = entries;
        this._compareResults = results;
        return `Comparison: ${entries.length} scenarios, ${runs} runs each, seed “${seed}” — done.`;
      },
      { bound: false },
    );
  }

  /**
   * Whether the results on screen are out of date: the scenario was edited after they were run, or its runs or seed
   * are not theirs (set for a run that then stopped or failed).
   */
  private _resultsStale(): boolean {
    const s = this._summary;
    const sim = this._doc.scenario?.simulation;
    return !!s && (this._stale || (!this._partial && !!sim && (s.runs !== sim.runs || s.seed !== sim.seed)));
  }

  /** The coordinator answer, if it is current: run on this scenario as it is, with its seed, for the option in focus. */
  private _currentAnswer(): CoordinatorAnswer | undefined {
    const a = this._answer;
    return a && !this._answerStale && this._answerFocus === this._focusArm() && a.seed === this._doc.scenario?.simulation.seed ? a : undefined;
  }

  /** "Download report (PDF)": the business case of the results on screen (src/ui/report-download.ts). */
  private async _report(): Promise<void> {
    const { _summary: summary, _summaryScenario: scenario } = this;
    if (!summary || !scenario) return;
    this._reportStatus = 'Making the report…';
    try {
      const { downloadReport } = await import('./report-download');
      const file = await downloadReport(this.renderRoot, { summary, scenario, raw: this._doc.raw, focus: this._focusArm(), stale: this._resultsStale(), ...(this._currentAnswer() ? { answer: this._currentAnswer()! } : {}) });
      this._reportStatus = `Downloaded ${file}.`;
    } catch (e) {
      this._reportStatus = `The report could not be made: ${(e as Error).message}`;
    }
  }

  /** The option in focus, within the scenario's options. */
  private _focusArm(): number {
    return Math.min(Math.max(1, this._focus), this._doc.scenario?.arms.options.length ?? 1);
  }

  /** An edit: jobs on the old inputs stop; the results on screen say they are out of date until the next run. */
  private _onScenarioChange(e: ScenarioChangeEvent): void {
    this._jobs.scenarioChanged('the scenario was edited');
    this._doc.keepEdit(e.detail.raw, e.detail.scenario);
    if (this._summary) this._stale = true;
    if (this._answer) this._answerStale = true;
  }

  /** Loads a whole scenario from elsewhere on the page (saved, imported, shared, built, calibrated). */
  private readonly _onScenarioLoad = (e: ScenarioLoadEvent) => {
    this._jobs.scenarioChanged('another scenario was opened');
    // A council's check would load its refined scenario over this one when it ends: it stops, unless this is its own.
    if ((e.target as Element | null)?.localName !== 'cs-council-start') this._jobs.cancel('Council check', 'another scenario was opened');
    this._doc.loadRaw(e.detail.raw, e.detail.label);
  };

  private _observed(metric: Metric): ObservedSeries | undefined {
    const observed = this._doc.scenario?.observed;
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
    const jobs = this._jobs.state;
    const main = jobs.running?.label === 'Main run' ? jobs.running : undefined;
    const mainEnd = jobs.ended['Main run'];
    const name = this._doc.name;
    const focus = this._focusArm();
    const option = this._doc.scenario?.arms.options[focus - 1];
    const answer = this._currentAnswer();
    const stale = this._resultsStale();
    const sweeping = jobs.running?.label === 'Coordinator sweep';
    // The caseload service beside the FGC in the scenario the results were run from (its columns, claim and charts).
    const service = caseloadService(this._summaryScenario);
    // Why nothing can run: the tools say it beside their disabled buttons rather than disappear.
    const blocked = this._doc.scenario ? '' : `The scenario has ${this._doc.errorCount()} problem(s) to fix before it can run (see the inputs).`;
    return html`
      <h1>How many FGC coordinators, where, and what will it save?</h1>
      <p class="lede">${this._doc.scenario?.description ?? ''}</p>
      <div class="bar">
        <label>Scenario
          <select id="scenario" @change=${(e: Event) => this._load((e.target as HTMLSelectElement).value)}>
            ${this._doc.origin ? html`<option value="" selected>${this._doc.origin}: ${name}</option>` : nothing}
            ${Object.keys(SHIPPED).map((key) => html`<option value=${key} ?selected=${!this._doc.origin && key === this._doc.key}>${(SHIPPED[key] as { name: string }).name}</option>`)}
          </select>
        </label>
        <cs-effects-preset .raw=${this._doc.raw} .scenario=${this._doc.scenario} @scenario-change=${this._onScenarioChange}></cs-effects-preset>
        <cs-run-controls
          .running=${!!main} .waiting=${jobs.waiting.includes('Main run')} .note=${mainEnd && mainEnd.kind !== 'done' ? mainEnd.words : ''}
          .done=${main?.done ?? (mainEnd?.kind === 'done' && s ? s.runs : 0)} .total=${main?.total ?? s?.runs ?? 0} .left=${main?.leftS}
          .queue=${jobs.running && jobs.running.label !== 'Main run' ? `Running now: ${jobWords(jobs, jobs.running.label)}${jobs.waiting.length ? `; waiting: ${jobs.waiting.join(', ')}` : ''}.` : jobs.waiting.length ? `Waiting: ${jobs.waiting.join(', ')}.` : ''}
          .runs=${this._doc.scenario?.simulation.runs ?? 200} .seed=${this._doc.scenario?.simulation.seed ?? ''}
          .blocked=${blocked}
          @run-request=${(e: RunRequestEvent) => this._run(e.detail.runs, e.detail.seed, true)}
          @cancel-request=${() => this._jobs.cancel('Main run')}
        ></cs-run-controls>
      </div>
      <details class="help"><summary>Help: words and how the model works</summary><cs-help></cs-help></details>
      <cs-keep-share .raw=${this._doc.raw} .loads=${this._doc.loads} .summary=${s} .stale=${stale} name=${name} @scenario-load=${this._onScenarioLoad} @saved-change=${() => this._savedChanges++}></cs-keep-share>
      <details class="import-903" @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && void import('./cs-import-903')}>
        <summary>Import your SSDA903 return</summary>
        <cs-import-903 .raw=${this._doc.raw} @scenario-load=${this._onScenarioLoad}></cs-import-903>
      </details>
      <details class="council" @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && void import('./cs-council-start')}>
        <summary>Start from a council</summary>
        <cs-council-start .evaluate=${this._councilEvaluate} .raw=${this._doc.raw} @scenario-load=${this._onScenarioLoad}></cs-council-start>
      </details>
      ${this._doc.restored ? html`<p class="restored" role="status">${this._doc.restored}</p>` : nothing}
      ${this._doc.linkProblem ? html`<p class="error link-problem" role="alert">${this._doc.linkProblem}</p>` : nothing}
      ${this._doc.error ? html`<p class="error" role="alert">${this._doc.error}</p>` : nothing}
      ${mainEnd?.kind === 'failed' ? html`<p class="error" role="alert" id="run-failed">${mainEnd.words}</p>` : nothing}
      <details class="inputs" ?open=${this._inputsOpen || !this._doc.scenario}>
        <summary @click=${(e: Event) => (this._inputsOpen = !((e.currentTarget as HTMLElement).parentElement as HTMLDetailsElement).open)}>Scenario inputs${this._doc.edited ? ' (edited)' : ''}</summary>
        <p>
          <button type="button" id="reset" @click=${() => this._load(this._doc.key)} ?disabled=${!this._doc.edited && !this._doc.origin}>Reset to the shipped scenario</button>
        </p>
        <cs-scenario-editor .raw=${this._doc.raw} @scenario-change=${this._onScenarioChange}></cs-scenario-editor>
      </details>
      <section id="results" class=${stale ? 'stale' : ''}>
        ${s
          ? html`${stale ? html`<p class="stale-mark" role="status" id="stale-mark">Out of date: the scenario (its inputs, runs or seed) changed after these results were run. Run it again (Run, above) for results that match it.</p>` : nothing}
            ${this._partial ? html`<p class="partial" role="status">Showing the ${s.runs} runs done so far.</p>` : nothing}
            <cs-verdict .summary=${s} .scenario=${this._summaryScenario} .focusArm=${focus} .answer=${answer} ?stale=${stale} ?partial=${this._partial}
              @focus-change=${(e: FocusChangeEvent) => (this._focus = e.detail.arm)}></cs-verdict>
            <p class="report">
              <button type="button" id="report-pdf" ?disabled=${this._partial} @click=${() => void this._report()}>Download report (PDF)</button>
              <button type="button" id="print" @click=${() => print()}>Print</button>
              <span role="status" id="report-status">${this._reportStatus}</span>
            </p>
            <h2 id="results-heading" tabindex="-1">Each arm</h2>
            <cs-arms-table .summary=${s} .service=${service}></cs-arms-table>
            ${this._summaryScenario?.services?.[0]?.publishedClaim && !this._partial ? html`<cs-service-claim .summary=${s} .scenario=${this._summaryScenario}></cs-service-claim>` : nothing}
            <cs-table-exports ?stale=${stale}></cs-table-exports>
            <h2>Savings by financial year</h2>
            <cs-savings-table .summary=${s}></cs-savings-table>
            <h2>Appraisal (Green Book)</h2>
            <cs-finance .summary=${s} .serviceName=${service?.name}></cs-finance>`
          : html`<p id="no-results">No results yet: the answer, each arm, the savings by year, the appraisal and the series appear here once the scenario has run (Run, above).</p>`}
            <h2>How many coordinators?</h2>
            ${this._answer && !answer ? html`<p class="stale-mark" role="status" id="answer-stale">Out of date: this sweep was run ${this._answerFocus !== focus ? `for “${this._doc.scenario?.arms.options[this._answerFocus - 1]?.name ?? 'another option'}”` : 'before the scenario changed'}. Run the sweep again for an answer that matches.</p>` : nothing}
            <cs-coordinator-answer .fromFte=${this._doc.scenario ? Math.floor(peakFte(this._doc.scenario.arms.counterfactual)) : 0} .optionFte=${option ? peakFte(option) : 1} .optionName=${option?.name ?? ''}
              .services=${sweepServices(this._doc.scenario, option)}
              .answer=${this._answer} ?stale=${!!this._answer && !answer} .running=${sweeping} .status=${jobWords(jobs, 'Coordinator sweep')}
              .blocked=${blocked}
              @sweep-request=${(e: SweepRequestEvent) => this._runSweep(e)}
              @cancel-request=${() => this._jobs.cancel('Coordinator sweep')}></cs-coordinator-answer>
            <h2>Compare scenarios</h2>
            <cs-compare .current=${{ label: `Open now: ${name}`, raw: this._doc.raw }} .compared=${this._compared} .results=${this._compareResults} .savedVersion=${this._savedChanges}
              .blocked=${blocked && 'The scenario open now has problems to fix before it can be compared (see the inputs).'} .running=${jobs.running?.label === 'Comparison'} .progress=${jobWords(jobs, 'Comparison')}
              @compare-request=${(e: CompareRequestEvent) => this._runCompare(e)}></cs-compare>
            <h2>For evaluators: what drives the answer, and what it takes to break even</h2>
            <cs-sensitivity .scenario=${this._doc.scenario} .summary=${this._partial || this._summaryScenario !== this._doc.scenario ? undefined : s} .runner=${this._jobs} .jobs=${jobs} .answer=${answer} .blocked=${blocked}></cs-sensitivity>
            <h2>For evaluators: calibration and backtest</h2>
            <cs-calibration .scenario=${this._doc.scenario} .runner=${this._jobs} .jobs=${jobs} .blocked=${blocked} @scenario-load=${this._onScenarioLoad}></cs-calibration>
        ${s
          ? html`<h2>Series</h2>
            <div class="charts" id="series-charts">
              ${seriesCharts(this._summaryScenario).map(({ metric, heading, unit, from }) => html`<cs-fan-chart .summary=${s} metric=${metric} heading=${heading} unit=${metric === 'cost' ? `${unit} (${moneyIn(s)})` : unit} .from=${from} .observed=${this._observed(metric)}></cs-fan-chart>`)}
            </div>
            <cs-care-ages .summary=${s}></cs-care-ages>`
          : nothing}
      </section>
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
