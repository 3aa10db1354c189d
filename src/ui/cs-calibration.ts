// <cs-calibration>: fit inputs to the observed series (ABC rejection on the worker pool), the fit against
// what was observed, the fitted scenario to open or download, and a backtest on held-out months.
import { Chart, type ChartDataset } from 'chart.js';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { backtest, calibrate, CALIBRATION_METRICS, DEFAULT_CALIBRATION_INPUTS, DEFAULT_CALIBRATION_METRICS, type Backtest, type Calibration, type CalibrationMetric } from '../engine';
import type { Scenario } from '../scenario/schema';
import { emit } from './events';
import { jobWords, type JobsState, type RunController } from './run-controller';
import { formatCount, formatShare, formatSignificant } from './format';
import { toolStyles } from './tool-styles';
import { armColour, withAlpha } from './palette';
import { inputLabel } from './field-labels';
import { pngButton, pngButtonStyles } from './png-button';
import './cs-fan-chart'; // registers the Chart.js parts

/** The observed series in words, for the chart's picture. */
const SERIES_WORDS: Record<CalibrationMetric, string> = { cla: 'children looked after', cp: 'children on a protection plan', cin: 'children in need', claEntries: 'entries to care', claExits: 'exits from care', referrals: 'referrals', fgcHeld: 'FGCs held' };
/** A series' name as a table or a tick box shows it: its words, capitalised. */
const seriesName = (m: CalibrationMetric): string => SERIES_WORDS[m].charAt(0).toUpperCase() + SERIES_WORDS[m].slice(1);

@customElement('cs-calibration')
export class CsCalibration extends LitElement {
  static override styles = [
    toolStyles,
    pngButtonStyles,
    css`
      fieldset { border: 1px solid #ddd; border-radius: 6px; font-size: 0.85rem; }
      fieldset label { flex-direction: row; gap: 0.25rem; display: inline-flex; margin-right: 0.6rem; }
      input#calib-inputs { width: 32rem; max-width: 100%; }
    `,
  ];

  @property({ attribute: false }) scenario: Scenario | undefined;
  /** The page's run controller: calibration and backtest run through it, one job at a time. */
  @property({ attribute: false }) runner: RunController | undefined;
  @property({ attribute: false }) jobs: JobsState | undefined;
  /** Why calibration and backtest cannot run now (e.g. the scenario has problems); empty if they can. */
  @property() blocked = '';

  @state() private _metrics = new Set<CalibrationMetric>(DEFAULT_CALIBRATION_METRICS);
  @state() private _result: Calibration | undefined;
  @state() private _backtest: Backtest | undefined;
  @state() private _error = '';
  @query('#calib-chart') private _canvas!: HTMLCanvasElement | null;
  private _chart: Chart | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._chart?.destroy();
    this._chart = undefined;
  }

  private _read(): { runs: number; acceptShare: number; inputs: string[] } | undefined {
    const root = this.renderRoot;
    const runsText = root.querySelector<HTMLInputElement>('#calib-runs')!.value;
    const acceptText = root.querySelector<HTMLInputElement>('#calib-accept')!.value;
    const runs = Number(runsText);
    const acceptShare = Number(acceptText);
    const inputs = root.querySelector<HTMLInputElement>('#calib-inputs')!.value.split(',').map((p) => p.trim()).filter(Boolean);
    if (!Number.isInteger(runs) || runs < 20 || runs > 20_000) return void (this._error = `Runs must be a whole number from 20 to 20,000, got “${runsText}”.`);
    if (!(acceptShare > 0 && acceptShare <= 0.5)) return void (this._error = `The share of runs kept must be above 0 and at most 0.5, got “${acceptText}”.`);
    if (inputs.length === 0) return void (this._error = 'Name at least one input to fit (a field path such as demand.referralsPerMonth).');
    if (this._metrics.size === 0) return void (this._error = 'Tick at least one observed series to fit.');
    this._error = '';
    return { runs, acceptShare, inputs };
  }

  private _run(kind: 'calibrate' | 'backtest'): void {
    const options = this._read();
    const { scenario, runner } = this;
    if (!options || !scenario || !runner) return;
    const common = { ...options, metrics: [...this._metrics] };
    if (kind === 'calibrate') {
      void runner.run('Calibration', async ({ evaluate }) => {
        this._result = await calibrate(scenario, evaluate, common);
        this._backtest = undefined;
        return `Calibration: ${this._result.accepted} of ${this._result.runs} runs kept — done.`;
      });
    } else {
      void runner.run('Backtest', async ({ evaluate }) => {
        this._backtest = await backtest(scenario, evaluate, common);
        this._result = this._backtest.calibration;
        return `Backtest: fitted on ${this._backtest.fitMonths} months, ${this._backtest.heldOutMonths} held out — done.`;
      });
    }
  }


  private _download(): void {
    const fitted = this._result?.fittedScenario;
    if (!fitted) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([JSON.stringify(fitted, null, 2)], { type: 'application/json' }));
    a.download = 'calibrated-scenario.json';
    a.click();
    URL.revokeObjectURL(a.href);
  }

  /** The series the chart draws: children looked after when it was fitted, else the first fitted. */
  private _chartSeries() {
    return this._result?.series.find((s) => s.metric === 'cla') ?? this._result?.series[0];
  }

  protected override updated(changed: PropertyValues): void {
    if (!changed.has('_result')) return;
    this._chart?.destroy();
    this._chart = undefined;
    const series = this._chartSeries();
    if (!series || !this._canvas) return;
    const colour = armColour(1);
    const band = series.band;
    const datasets: ChartDataset<'line', (number | null)[]>[] = [
      { label: 'kept runs band p5', data: band.map((p) => p.p5), pointRadius: 0, borderWidth: 0 },
      { label: 'kept runs band p95', data: band.map((p) => p.p95), pointRadius: 0, borderWidth: 0, fill: '-1', backgroundColor: withAlpha(colour, 0.2) },
      { label: 'Kept runs (median)', data: band.map((p) => p.p50), borderColor: colour, backgroundColor: colour, pointRadius: 0, borderWidth: 2 },
      { label: 'Observed (fitted months)', data: band.map((p) => (p.fitted ? p.observed : null)), showLine: false, pointRadius: 3, backgroundColor: '#000', borderColor: '#000' },
      { label: 'Observed (held out)', data: band.map((p) => (!p.fitted ? p.observed : null)), showLine: false, pointRadius: 4, pointStyle: 'triangle', backgroundColor: '#D55E00', borderColor: '#D55E00' },
    ];
    this._chart = new Chart(this._canvas, {
      type: 'line',
      data: { labels: band.map((p) => p.month), datasets },
      options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { labels: { filter: (item) => !item.text.includes('band') } } } },
    });
  }

  override render() {
    const scenario = this.scenario;
    // Shown with its controls disabled and the reason, not hidden, when it cannot run.
    const blocked = this.blocked || (!scenario ? 'Fix the scenario to calibrate it.' : !scenario.observed ? 'This scenario carries no observed series to calibrate to.' : '');
    const observed = Object.entries(scenario?.observed?.series ?? {}).filter(([, v]) => v && v.length > 0).map(([k]) => k);
    const r = this._result;
    const b = this._backtest;
    return html`
      <p class="note">Approximate Bayesian computation (rejection): every run draws the chosen inputs from their priors (a fixed input gets uniform ±30%, a fixed trend ±0.2 a year; a group of shares (where families go next from a state, pathway.&lt;state&gt;.exits) its Dirichlet at most 150 concentrated), the runs closest to what was observed (${scenario?.observed?.source ?? 'the scenario’s observed series'}) are kept, and their draws are the fitted distributions; two rounds, the second starting from the first's fit.</p>
      <div class="form">
        <label>Inputs to fit (field paths, comma-separated)
          <input id="calib-inputs" .value=${DEFAULT_CALIBRATION_INPUTS.join(', ')} />
        </label>
        ${observed.length ? html`<fieldset><legend>Observed series to fit</legend>
          ${CALIBRATION_METRICS.filter((m) => observed.includes(m)).map(
            (m) => html`<label><input type="checkbox" data-metric=${m} .checked=${this._metrics.has(m)}
              @change=${(e: Event) => {
                const next = new Set(this._metrics);
                if ((e.target as HTMLInputElement).checked) next.add(m);
                else next.delete(m);
                this._metrics = next;
              }} />${seriesName(m)}</label>`,
          )}
        </fieldset>` : nothing}
        <label>Runs <input id="calib-runs" type="number" min="20" max="20000" value="300" /></label>
        <label>Share kept <input id="calib-accept" type="number" min="0.01" max="0.5" step="0.01" value="0.1" /></label>
        <button type="button" id="calib-run" ?disabled=${!this.runner || !!blocked} aria-describedby=${blocked ? 'calib-blocked' : nothing} @click=${() => this._run('calibrate')}>Calibrate</button>
        <button type="button" id="backtest-run" ?disabled=${!this.runner || !!blocked} aria-describedby=${blocked ? 'calib-blocked' : nothing} @click=${() => this._run('backtest')}>Backtest</button>
      </div>
      ${blocked ? html`<p class="error" id="calib-blocked">${blocked}</p>` : nothing}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <p class="status" role="status" id="calib-status">${this.jobs ? `${jobWords(this.jobs, 'Calibration')} ${jobWords(this.jobs, 'Backtest')}`.trim() : ''}</p>
      ${r
        ? html`
            <h3>Fitted inputs</h3>
            <table id="fitted"><thead><tr><th scope="col">Input</th><th scope="col">Unit</th><th scope="col">Prior P5–P95</th><th scope="col">Posterior P5–P95</th><th scope="col">Posterior median</th></tr></thead>
              <tbody>${r.inputs.map((i) => html`<tr><td>${inputLabel(i.input, this.scenario)}<span class="path">${i.input}</span></td><td>${i.unit}</td><td>${formatSignificant(i.prior.p5, 4)} to ${formatSignificant(i.prior.p95, 4)}</td><td>${formatSignificant(i.posterior.p5, 4)} to ${formatSignificant(i.posterior.p95, 4)}</td><td>${formatSignificant(i.posterior.p50, 4)}</td></tr>`)}</tbody></table>
            <h3>Fit to what was observed (“${r.arm}”)</h3>
            <table id="fit-series"><thead><tr><th scope="col">Series</th><th scope="col">RMSE before</th><th scope="col">RMSE after</th><th scope="col">Observed inside the kept P5–P95</th></tr></thead>
              <tbody>${r.series.map((s) => html`<tr><td>${seriesName(s.metric)}</td><td>${formatCount(s.rmsePrior)}</td><td>${formatCount(s.rmsePosterior)}</td><td>${formatShare(s.coverage)}</td></tr>`)}</tbody></table>
            ${pngButton(() => this._chart, `calibration-${this._chartSeries()?.metric ?? 'fit'}.png`, `Calibration: ${SERIES_WORDS[this._chartSeries()?.metric ?? 'cla']} observed against the runs the fit kept`, `“${r.arm}”: median (line) and P5–P95 (band) of the kept runs by month; points observed, triangles the months held out`)}
            <div class="canvas"><canvas id="calib-chart" role="img" aria-label="Observed children looked after against the band of the kept runs"></canvas></div>
            <div class="form">
              <button type="button" id="open-fitted" @click=${() => emit(this, 'scenario-load', { raw: r.fittedScenario, label: 'Calibrated' })}>Open the fitted scenario</button>
              <button type="button" id="download-fitted" @click=${this._download}>Download it (JSON)</button>
            </div>`
        : nothing}
      ${b
        ? html`<h3>Backtest</h3>
            <p class="result" id="backtest-coverage">${formatShare(b.coverage)} of the ${b.heldOutMonths} held-out months' observations fall inside the P5–P95 band fitted on the first ${b.fitMonths}.</p>
            <table id="backtest-table"><thead><tr><th scope="col">Series</th><th scope="col">Coverage</th><th scope="col">Mean abs. error, model median</th><th scope="col">Mean abs. error, straight-line trend</th></tr></thead>
              <tbody>${b.series.map((s) => html`<tr><td>${seriesName(s.metric)}</td><td>${formatShare(s.coverage)}</td><td>${formatCount(s.maeModel)}</td><td>${formatCount(s.maeNaive)}</td></tr>`)}</tbody></table>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-calibration': CsCalibration;
  }
}
