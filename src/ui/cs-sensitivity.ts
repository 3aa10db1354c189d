// <cs-sensitivity>: what drives the answer (tornado, global ranking) and what it takes to break even (effect, FTE).
import { BarController, BarElement, Chart } from 'chart.js';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { type RunSummary, effectBreakEven, type EffectBreakEven, uncertainInputs, globalSensitivityInSteps, SENSITIVITY_OUTPUTS, tornado, type GlobalSensitivity, type SensitivityOutput, type Tornado, rangeWords, type CoordinatorAnswer } from '../engine';
import type { Scenario } from '../scenario/schema';
import { sweepWords } from './verdict';
import { formatCount, formatFixed, formatGbp, formatGbpMillions, formatShare, formatSignificant } from './format';
import { jobWords, type JobsState, type RunController } from './run-controller';
import { toolStyles } from './tool-styles';
import { runInSlices, yieldToEventLoop } from '../client/slices';
import { armColour } from './palette';
import { inputLabel } from './field-labels';
import { pngButton, pngButtonStyles } from './png-button';
import './cs-fan-chart'; // registers the Chart.js parts

Chart.register(BarController, BarElement);

const OUTPUT_LABELS: Record<SensitivityOutput, string> = {
  netSaving: 'Net saving over the horizon (£)',
  npv: 'Net present value (£)',
  claAtHorizon: 'Children looked after at the horizon',
};

/** Break-even grid in the app: RR from 1 down to 0.2 in steps of 0.1. */
const APP_RR_GRID = [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2];

@customElement('cs-sensitivity')
export class CsSensitivity extends LitElement {
  static override styles = [
    toolStyles,
    pngButtonStyles,
    css`
      .canvas { height: 320px; }
    `,
  ];

  /** The validated scenario the main run used. */
  @property({ attribute: false }) scenario: Scenario | undefined;
  /** The main (probabilistic) run: the global ranking reads its draws. */
  @property({ attribute: false }) summary: RunSummary | undefined;
  /** The page's run controller (set by the app): the tornado and break-even run through it, one job at a time. */
  @property({ attribute: false }) runner: RunController | undefined;
  /** The controller's state, replaced on every change (so this re-renders). */
  @property({ attribute: false }) jobs: JobsState | undefined;
  /** The coordinator answer, whose recommended range this panel repeats. */
  @property({ attribute: false }) answer: CoordinatorAnswer | undefined;
  /** Why the tornado and break-even cannot run now (e.g. the scenario has problems); empty if they can. */
  @property() blocked = '';

  @state() private _output: SensitivityOutput = 'netSaving';
  @state() private _arm = 1;
  @state() private _tornado: Tornado | undefined;
  @state() private _effect: EffectBreakEven | undefined;
  @state() private _error = '';
  @query('#tornado-chart') private _canvas!: HTMLCanvasElement | null;
  private _chart: Chart | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._chart?.destroy();
    this._chart = undefined;
  }

  private _number(id: string): number {
    return Number(this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)!.value);
  }

  private _runs(id: string): number | undefined {
    const runs = this._number(id);
    if (!Number.isInteger(runs) || runs < 1 || runs > 2000) {
      this._error = `Runs must be a whole number from 1 to 2,000, got ${this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)!.value}.`;
      return undefined;
    }
    this._error = '';
    return runs;
  }

  private _runTornado(): void {
    const runs = this._runs('tornado-runs');
    const { scenario, runner } = this;
    if (!runs || !scenario || !runner) return;
    const [output, arm] = [this._output, this._arm];
    void runner.run('Tornado', async ({ evaluate, progress }) => {
      this._tornado = await tornado(scenario, evaluate, { output, arm, runs, onStep: (d, t) => progress(d, t, 'evaluations') });
      return `Tornado: ${this._tornado.bars.length} inputs, ${runs} runs per bar, the same seed throughout — done.`;
    });
  }

  private _runBreakEven(): void {
    const runs = this._runs('breakeven-runs');
    const { scenario, runner } = this;
    if (!runs || !scenario || !runner) return;
    const arm = this._arm;
    void runner.run('Break-even', async ({ evaluate, progress }) => {
      this._effect = await effectBreakEven(scenario, evaluate, { runs, arm, grid: APP_RR_GRID, onStep: (d, t) => progress(d, t, 'effect sizes') });
      return `Break-even: ${runs} runs per effect size, the same seed throughout — done.`;
    });
  }

  /** The tornado last run, for the report. */
  get tornadoResult(): Tornado | undefined {
    return this._tornado;
  }

  /** The global ranking of the run on screen, for the report (none while it is being worked out or cannot be). */
  get rankingResult(): GlobalSensitivity | undefined {
    return typeof this._globalResult === 'string' ? undefined : this._globalResult;
  }

  /** The global ranking (or why there is none), recomputed only when its inputs change, not on every status update. */
  @state() private _globalResult: GlobalSensitivity | string = '';
  /** The latest ranking asked for: one asked for before it is dropped. */
  private _globalAsked = 0;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('scenario') || changed.has('summary') || changed.has('_output') || changed.has('_arm')) {
      // In slices of its own, after this update is painted: it re-draws every uncertain input of every run (hundreds
      // of milliseconds with the care, placement and after-care inputs), which must not make a long task of its own.
      const asked = ++this._globalAsked;
      this._globalResult = 'Ranking the inputs…';
      void this._global(() => asked !== this._globalAsked).then((result) => {
        if (result !== undefined && asked === this._globalAsked) this._globalResult = result;
      });
    }
  }

  private async _global(cancelled: () => boolean): Promise<GlobalSensitivity | string | undefined> {
    await yieldToEventLoop();
    const { scenario, summary } = this;
    if (!scenario || !summary || summary.arms.length < 2) return 'Run the scenario first: the global ranking reads the draws of that run.';
    const inputs = uncertainInputs(scenario).length;
    if (inputs === 0) return 'The scenario has no uncertain inputs to rank.';
    if (summary.runs < inputs + 2) return `The global ranking needs more runs than uncertain inputs + 1 (${inputs} inputs, ${summary.runs} runs).`;
    try {
      return (await runInSlices(globalSensitivityInSteps(scenario, summary, this._output, Math.min(this._arm, summary.arms.length - 1)), cancelled))?.value;
    } catch (e) {
      return (e as Error).message;
    }
  }

  /** A tornado's figure in its own output's unit (not the one chosen since it ran). */
  private _format(x: number, output: SensitivityOutput): string {
    return output === 'claAtHorizon' ? formatCount(x) : formatGbp(x);
  }

  protected override updated(changed: PropertyValues): void {
    if (!changed.has('_tornado')) return;
    this._chart?.destroy();
    this._chart = undefined;
    const t = this._tornado;
    if (!t || !this._canvas) return;
    const bars = t.bars;
    this._chart = new Chart(this._canvas, {
      type: 'bar',
      data: {
        labels: bars.map((b) => inputLabel(b.input, this.scenario)),
        datasets: [
          { label: 'Input at its P10', data: bars.map((b) => [t.central, b.outputAtLow]), backgroundColor: armColour(1), grouped: false },
          { label: 'Input at its P90', data: bars.map((b) => [t.central, b.outputAtHigh]), backgroundColor: armColour(2), grouped: false },
        ],
      },
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: {
            title: { display: true, text: `${OUTPUT_LABELS[t.output]}; bars start at the central case` },
            ticks: { callback: (v) => (t.output === 'claAtHorizon' ? formatCount(Number(v)) : formatGbpMillions(Number(v))) },
          },
        },
      },
    });
  }

  override render() {
    const scenario = this.scenario;
    // Shown with its controls disabled and the reason, not hidden, when it cannot run.
    const blocked = this.blocked || (scenario ? '' : 'Fix the scenario to use the evaluator tools.');
    const arms = scenario?.arms.options ?? [];
    const g = this._globalResult;
    const t = this._tornado;
    return html`
      <div class="form">
        <label>Output
          <select id="sens-output" @change=${(e: Event) => (this._output = (e.target as HTMLSelectElement).value as SensitivityOutput)}>
            ${SENSITIVITY_OUTPUTS.map((o) => html`<option value=${o} ?selected=${o === this._output}>${OUTPUT_LABELS[o]}</option>`)}
          </select>
        </label>
        <label>Arm against the counterfactual
          <select id="sens-arm" ?disabled=${!scenario} @change=${(e: Event) => (this._arm = Number((e.target as HTMLSelectElement).value))}>
            ${arms.map((a, i) => html`<option value=${i + 1} ?selected=${i + 1 === this._arm}>${a.name}</option>`)}
          </select>
        </label>
      </div>
      <h3>Global ranking (from the run above)</h3>
      ${typeof g === 'string'
        ? html`<p class="note" id="global-note">${g}</p>`
        : html`<p class="note">Standardised rank regression of ${OUTPUT_LABELS[g.output].toLowerCase()} on each input's draws over ${g.runs} runs of “${g.arm}”; the inputs together explain ${formatShare(g.rSquared)} of its rank variance.</p>
            <table id="global-groups"><thead><tr><th scope="col">Group of inputs</th><th scope="col">Share of the spread explained</th></tr></thead>
              <tbody>${g.groups.map((x) => html`<tr><td>${x.group}</td><td>${formatShare(x.share)}</td></tr>`)}</tbody></table>
            <table id="global-table"><thead><tr><th scope="col">Input</th><th scope="col">Group</th><th scope="col">Rank coefficient</th><th scope="col">Share</th></tr></thead>
              <tbody>${g.inputs.map((x) => html`<tr><td>${inputLabel(x.input, this.scenario)}<span class="path">${x.input}</span></td><td>${x.group}</td><td>${formatFixed(x.index, 2)}</td><td>${formatShare(x.share)}</td></tr>`)}</tbody></table>`}
      <h3>Tornado</h3>
      <div class="form">
        <label>Runs per bar <input id="tornado-runs" type="number" min="1" max="2000" value="10" /></label>
        <button type="button" id="tornado-run" ?disabled=${!this.runner || !!blocked} aria-describedby=${blocked ? 'sens-blocked' : nothing} @click=${this._runTornado}>Run tornado</button>
        <label>Runs per point <input id="breakeven-runs" type="number" min="1" max="2000" value="20" /></label>
        <button type="button" id="breakeven-run" ?disabled=${!this.runner || !!blocked} aria-describedby=${blocked ? 'sens-blocked' : nothing} @click=${this._runBreakEven}>Find the break-even effect</button>
      </div>
      ${blocked ? html`<p class="error" id="sens-blocked">${blocked}</p>` : nothing}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <p class="status" role="status" id="tornado-status">${this.jobs ? jobWords(this.jobs, 'Tornado') : ''}</p>
      <p class="status" role="status" id="breakeven-status">${this.jobs ? jobWords(this.jobs, 'Break-even') : ''}</p>
      ${t
        ? html`<p class="note">Each input at its P10 and P90, every other input at its mean; central case ${this._format(t.central, t.output)} (“${t.arm}”, ${t.runs} runs each, the same families throughout).</p>
            ${pngButton(() => this._chart, `tornado-${t.output}.png`, `Tornado: what moves the ${OUTPUT_LABELS[t.output].toLowerCase()}`, `“${t.arm}”: each input at its P10 and at its P90, every other at its mean; bars start at the central case, ${this._format(t.central, t.output)}; ${t.runs} runs each`)}
            <div class="canvas"><canvas id="tornado-chart" role="img" aria-label="Tornado: output with each input at its P10 and P90"></canvas></div>
            <table id="tornado-table"><thead><tr><th scope="col">Input</th><th scope="col">P10</th><th scope="col">P90</th><th scope="col">Output at P10</th><th scope="col">Output at P90</th><th scope="col">Swing</th></tr></thead>
              <tbody>${t.bars.map((b) => html`<tr><td>${inputLabel(b.input, this.scenario)}<span class="path">${b.input}</span></td><td>${formatSignificant(b.low, 4)}</td><td>${formatSignificant(b.high, 4)}</td><td>${this._format(b.outputAtLow, t.output)}</td><td>${this._format(b.outputAtHigh, t.output)}</td><td>${this._format(b.swing, t.output)}</td></tr>`)}</tbody></table>`
        : nothing}
      ${this._effect
        ? html`<h3>Break-even effect</h3>
            <p class="result" id="breakeven-results">
              Net saving positive with probability 50% down to a relative risk of entering care of ${this._effect.rrAt50 === null ? 'none on the grid' : this._effect.rrAt50.toFixed(2)};
              with 80% at ${this._effect.rrAt80 === null ? 'none on the grid' : this._effect.rrAt80.toFixed(2)} (“${this._effect.arm}”).
            </p>
            <table id="breakeven-curve"><thead><tr><th scope="col">Relative risk of care</th><th scope="col">Chance of a net saving</th><th scope="col">Mean net saving</th></tr></thead>
              <tbody>${this._effect.curve.map((p) => html`<tr><td>${p.rr.toFixed(2)}</td><td>${formatShare(p.probability)}</td><td>${formatGbp(p.meanSaving)}</td></tr>`)}</tbody></table>`
        : nothing}
      <h3>Coordinator FTE</h3>
      <p class="result" id="goalseek-results">${this.answer
        ? html`${sweepWords(this.scenario, this.answer)} recommends <span data-fte-range=${rangeWords(this.answer)}>${rangeWords(this.answer)}</span> (${this.answer.runs} runs; see “How many coordinators?” for each step).`
        : 'Run the coordinator sweep (“How many coordinators?”) for the FTE answer: this panel repeats its recommended range.'}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-sensitivity': CsSensitivity;
  }
}
