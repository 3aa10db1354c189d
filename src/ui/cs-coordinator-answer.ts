// <cs-coordinator-answer>: how many coordinators. One sweep (each step an arm of one plan: the same families at every
// step), read into one answer: per step FGCs held, waits, net saving with its band and the chance that the next
// coordinator pays for itself (paired runs); the recommended range with its reason. Every panel shows that range.
// With a caseload service in the scenario, its workers can be swept instead (children taken on a year, not FGCs).
import { Chart, type ChartDataset } from 'chart.js';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { capacitySteps, CONFIDENT, EVEN, rangeWords, type CoordinatorAnswer } from '../engine';
import type { Arm, Scenario } from '../scenario/schema';
import { emit } from './events';
import { formatCount, formatFixed, formatGbp, formatGbpMillions, formatShare, meanAndBand } from './format';
import { armColour, withAlpha } from './palette';
import { pngButton, pngButtonStyles } from './png-button';
import './cs-fan-chart'; // registers the Chart.js parts

/** A caseload service the sweep can take instead of the coordinators: its id, name and workers in the option in focus (peak FTE). */
export interface SweepService {
  id: string;
  name: string;
  optionFte: number;
}

/** The scenario's caseload services as sweep choices, each with the option in focus's workers (its peak, if it ramps). */
export function sweepServices(scenario: Scenario | undefined, option: Arm | undefined): SweepService[] {
  return (scenario?.services ?? []).map(({ id, name }) => {
    const own = option?.services?.[id];
    return { id, name, optionFte: own ? Math.max(own.workersFte, ...(own.rampUp ?? []).map((r) => r.workersFte)) : 0 };
  });
}

/** What a sweep's steps add, in the panel's words: coordinators, or a caseload service's workers. */
function sweepWords(serviceName: string | undefined) {
  return serviceName === undefined
    ? { fte: 'Coordinators (FTE)', axis: 'coordinator FTE', throughput: 'FGCs held a year', waiting: 'Families waiting (month end)', added: 'coordinators', file: 'coordinator' }
    : { fte: `${serviceName}: workers (FTE)`, axis: `${serviceName} workers (FTE)`, throughput: 'Children taken on a year', waiting: 'Families waiting for a place (month end)', added: 'workers', file: 'service-workers' };
}

@customElement('cs-coordinator-answer')
export class CsCoordinatorAnswer extends LitElement {
  static override styles = [pngButtonStyles, css`
    :host { display: block; }
    .form { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: end; }
    label { display: flex; flex-direction: column; font-size: 0.85rem; color: #444; }
    input { font: inherit; width: 6rem; padding: 0.2rem 0.4rem; }
    button { font: inherit; padding: 0.3rem 0.9rem; }
    select { font: inherit; padding: 0.2rem 0.4rem; max-width: 100%; }
    input:focus-visible, select:focus-visible, button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(26rem, 100%), 1fr)); gap: 1rem; margin-top: 0.75rem; }
    .canvas { position: relative; height: 260px; border: 1px solid #ddd; border-radius: 6px; padding: 0.4rem; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 0.85rem; margin-top: 0.75rem; }
    caption { text-align: left; }
    th, td { text-align: right; padding: 0.25rem 0.5rem; border-bottom: 1px solid #eee; vertical-align: top; }
    th:first-child, td:first-child { text-align: left; }
    tr.in-range td, tr.in-range th { background: #eef6ee; }
    .band { color: #555; font-size: 0.85em; display: block; }
    .error { color: #a00; font-size: 0.85rem; }
    .result { margin: 0.5rem 0; }
    .range { font-weight: 600; }
  `];

  /** Coordinators in the counterfactual and the option in focus (peak FTE), for the default range. */
  @property({ type: Number }) fromFte = 0;
  @property({ type: Number }) optionFte = 1;
  /** The option in focus (its offer points and throughput are what the steps copy). */
  @property() optionName = '';
  /** The scenario's caseload services, whose workers the sweep can take instead of the coordinators (none: coordinators only). */
  @property({ attribute: false }) services: SweepService[] = [];
  @property({ attribute: false }) answer: CoordinatorAnswer | undefined;
  /** The answer was run before the scenario, its seed or the option in focus changed: its table stays, its range is not said. */
  @property({ type: Boolean }) stale = false;
  /** The run controller's line for the sweep (running, waiting, or how it ended). */
  @property() status = '';
  @property({ type: Boolean }) running = false;
  /** Why the sweep cannot run (e.g. the scenario has errors). */
  @property() blocked = '';

  @state() private _error = '';
  /** What the form sweeps: a caseload service's id, or '' for the coordinators. */
  @state() private _of = '';
  @query('#net-saving') private _savingCanvas!: HTMLCanvasElement;
  @query('#next-pays') private _nextCanvas!: HTMLCanvasElement;
  private _charts: Chart[] = [];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._charts.forEach((c) => c.destroy());
    this._charts = [];
  }

  private _value(id: string): number {
    return Number(this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)!.value);
  }

  private _start(): void {
    const runs = this._value('sweep-runs');
    if (!Number.isInteger(runs) || runs < 2 || runs > 10_000) return void (this._error = `Runs must be a whole number from 2 to 10,000, got ${this._value('sweep-runs')}.`);
    try {
      const capacity = capacitySteps(this._value('from'), this._value('to'), this._value('step'));
      this._error = '';
      const service = this._service()?.id;
      emit(this, 'sweep-request', { capacity, runs, ...(service !== undefined ? { service } : {}) });
    } catch (e) {
      this._error = `The sweep cannot run: ${(e as Error).message}.`;
    }
  }

  /** The caseload service chosen in the form, if it is still the scenario's. */
  private _service(): SweepService | undefined {
    return this.services.find((x) => x.id === this._of);
  }

  /** The form's default range: coordinators from the counterfactual's to half as far again past the option's; a service's workers from 0 to twice the option's. */
  private _defaults(service = this._service()): { from: number; to: number; step: number } {
    const from = service ? 0 : this.fromFte;
    const to = service ? Math.max(4, Math.ceil(2 * service.optionFte)) : Math.max(from + 4, Math.ceil(this.optionFte + (this.optionFte - from) / 2));
    return { from, to, step: Math.max(1, Math.ceil((to - from) / 20)) };
  }

  /** Another choice of what to sweep: its default range in the form. */
  private _choose(e: Event): void {
    this._of = (e.target as HTMLSelectElement).value;
    const d = this._defaults();
    for (const id of ['from', 'to', 'step'] as const) this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)!.value = String(d[id]);
  }

  protected override updated(changed: PropertyValues): void {
    if (!changed.has('answer') || !this.answer) return;
    const steps = this.answer.steps;
    const w = sweepWords(this._answerService());
    const ftes = steps.map((s) => s.fte);
    const x = { type: 'linear' as const, min: Math.min(...ftes), max: Math.max(...ftes), title: { display: true, text: w.fte } };
    const saving: ChartDataset<'line', { x: number; y: number }[]>[] = [
      { label: 'band P10', data: steps.map((s) => ({ x: s.fte, y: s.netSaving.p10 })), pointRadius: 0, borderWidth: 0 },
      { label: 'band P90', data: steps.map((s) => ({ x: s.fte, y: s.netSaving.p90 })), pointRadius: 0, borderWidth: 0, fill: '-1', backgroundColor: withAlpha(armColour(0), 0.18) },
      { label: 'Net saving, mean (band: P10 to P90)', data: steps.map((s) => ({ x: s.fte, y: s.netSaving.mean })), borderColor: armColour(0), backgroundColor: armColour(0), borderWidth: 2 },
    ];
    const next: ChartDataset<'line', { x: number; y: number }[]>[] = [
      { label: `Chance the next step’s ${w.added} pay for themselves`, data: steps.filter((s) => s.next).map((s) => ({ x: s.fte, y: s.next!.chancePays })), borderColor: armColour(2), backgroundColor: armColour(2), borderWidth: 2 },
    ];
    const draw = (canvas: HTMLCanvasElement, i: number, datasets: ChartDataset<'line', { x: number; y: number }[]>[], tick: (v: number) => string, y: object = {}) => {
      this._charts[i]?.destroy();
      this._charts[i] = new Chart(canvas, {
        type: 'line',
        data: { datasets },
        options: { animation: false, maintainAspectRatio: false, parsing: false, plugins: { legend: { labels: { filter: (item) => !item.text.startsWith('band') } } }, scales: { x, y: { ...y, ticks: { callback: (v) => tick(Number(v)) } } } },
      });
    };
    draw(this._savingCanvas, 0, saving, formatGbpMillions);
    draw(this._nextCanvas, 1, next, formatShare, { min: 0, max: 1 });
  }

  /** The name of the service whose workers the answer on screen swept (its id if the scenario no longer has it), or undefined: coordinators. */
  private _answerService(): string | undefined {
    const id = this.answer?.service;
    return id === undefined ? undefined : (this.services.find((x) => x.id === id)?.name ?? id);
  }

  override render() {
    const a = this.answer;
    const { from, to, step } = this._defaults();
    const chosen = this._service();
    const option = this.optionName ? `“${this.optionName}”` : 'the option in focus';
    const w = sweepWords(this._answerService());
    return html`
      <p class="note">${chosen
        ? `Each step is ${option} as it is with that many ${chosen.name} workers (in the team’s mix of grades); every step meets the same families (common random numbers), so the difference between two steps is the next workers’ own effect, run by run.`
        : `Each step is an arm with that many coordinators, offering FGCs as ${option} does; every step meets the same families (common random numbers), so the difference between two steps is the next coordinators’ own effect, run by run.`}</p>
      <div class="form">
        ${this.services.length
          ? html`<label>What to sweep <select id="sweep-of" @change=${this._choose}>
              <option value="" ?selected=${!chosen}>FGC coordinators</option>
              ${this.services.map((x) => html`<option value=${x.id} ?selected=${x === chosen}>${x.name} workers</option>`)}
            </select></label>`
          : nothing}
        <label>From FTE <input id="from" type="number" min="0" step="any" .value=${String(from)} /></label>
        <label>To FTE <input id="to" type="number" min="0" step="any" .value=${String(to)} /></label>
        <label>Step (FTE) <input id="step" type="number" min="0.1" step="any" .value=${String(step)} /></label>
        <label>Runs <input id="sweep-runs" type="number" min="2" step="1" .value=${'100'} /></label>
        ${this.running
          ? html`<button type="button" id="sweep-cancel" @click=${() => emit(this, 'cancel-request', {})}>Cancel</button>`
          : html`<button type="button" id="sweep-run" @click=${this._start} ?disabled=${!!this.blocked} aria-describedby=${this.blocked ? 'sweep-blocked' : nothing}>Run the sweep</button>`}
        <span role="status" id="sweep-status">${this.status}</span>
      </div>
      ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : nothing}
      ${this.blocked ? html`<div class="error" role="status" id="sweep-blocked">${this.blocked}</div>` : nothing}
      ${a
        ? html`${this.stale ? nothing : html`<p class="result" id="coordinator-answer"><span class="range" data-fte-range=${rangeWords(a)}>Recommended: ${rangeWords(a)}.</span> ${a.reason}</p>`}
            <div class="charts">
              <div>${pngButton(() => this._charts[0], `${w.file}-net-saving.png`, `Net saving against ${w.axis}`, `£, NPV over ${a.appraisalYears} years, staff time included: mean (line), P10–P90 (band); ${a.runs} runs, seed “${a.seed}”`)}
              <div class="canvas"><canvas id="net-saving" role="img" aria-label="Net saving (NPV over ${a.appraisalYears} years) against ${w.axis}, mean with P10 to P90"></canvas></div></div>
              <div>${pngButton(() => this._charts[1], `${w.file}-next-pays.png`, `Chance the next step’s ${w.added} pay for themselves`, `Share of the ${a.runs} paired runs in which the next step’s ${a.appraisalYears}-year NPV is higher`)}
              <div class="canvas"><canvas id="next-pays" role="img" aria-label="Chance that the next step's ${w.added} pay for themselves, against ${w.axis}"></canvas></div></div>
            </div>
            <div class="scroll"><table id="sweep-table">
              <caption>Against ${a.reference}, ${a.runs.toLocaleString('en-GB')} runs, seed “${a.seed}”: means over runs with P10 to P90; net saving = NPV over ${a.appraisalYears} years, staff time included. Steps in the recommended range are shaded; “the next pays” is the share of runs in which the next step’s NPV is higher (${formatShare(CONFIDENT)} and ${formatShare(EVEN)} bound the range).</caption>
              <thead><tr><th scope="col">${w.fte}</th><th scope="col">${w.throughput}</th><th scope="col">${w.waiting}</th><th scope="col">Longest wait (weeks)</th><th scope="col">Net saving</th><th scope="col">Chance it pays</th><th scope="col">Chance the next step pays</th><th scope="col">Mean gain per extra FTE</th></tr></thead>
              <tbody>${a.steps.map((s) => {
                const band = (st: typeof s.netSaving, f: (x: number) => string) => { const m = meanAndBand(st, f); return html`${m.mean} <span class="band">(${m.band})</span>`; };
                return html`<tr class=${s.fte >= a.range.from && s.fte <= a.range.to ? 'in-range' : ''} data-fte=${s.fte}>
                  <th scope="row">${s.fte}</th>
                  <td>${band(s.throughputPerYear, formatCount)}</td>
                  <td>${band(s.familiesWaiting, (x) => formatFixed(x, 1))}</td>
                  <td>${band(s.longestWaitWeeks, (x) => formatFixed(x, 1))}</td>
                  <td>${band(s.netSaving, formatGbp)}</td>
                  <td>${formatShare(s.chancePays)}</td>
                  <td data-next-pays=${s.next?.chancePays ?? ''}>${s.next ? `${formatShare(s.next.chancePays)} (to ${s.next.fte})` : ''}</td>
                  <td>${s.next ? formatGbp(s.next.meanPerFte) : ''}</td>
                </tr>`;
              })}</tbody>
            </table></div>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-coordinator-answer': CsCoordinatorAnswer;
  }
}
