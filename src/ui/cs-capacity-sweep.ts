// <cs-capacity-sweep>: saving and CLA avoided against coordinator FTE, with bands, the marginal coordinator and the break-even.
import { Chart, type ChartDataset } from 'chart.js';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { type RunSummary, sweepPoints, sweepSteps } from '../engine';
import { emit } from './events';
import { formatCount, formatFixed, formatGbp, formatGbpMillions, moneyIn } from './format';
import { armColour, withAlpha } from './palette';
import { marginalSentence } from './sweep-text';
import './cs-fan-chart'; // registers the Chart.js parts

@customElement('cs-capacity-sweep')
export class CsCapacitySweep extends LitElement {
  static override styles = css`
    :host { display: block; }
    .form { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: end; }
    label { display: flex; flex-direction: column; font-size: 0.85rem; color: #444; }
    input { font: inherit; width: 6rem; padding: 0.2rem 0.4rem; }
    button { font: inherit; padding: 0.3rem 0.9rem; }
    input:focus-visible, button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(26rem, 1fr)); gap: 1rem; margin-top: 0.75rem; }
    .canvas { position: relative; height: 260px; border: 1px solid #ddd; border-radius: 6px; padding: 0.4rem; }
    table { border-collapse: collapse; width: 100%; font-size: 0.85rem; margin-top: 0.75rem; }
    th, td { text-align: right; padding: 0.25rem 0.5rem; border-bottom: 1px solid #eee; }
    th:first-child, td:first-child { text-align: left; }
    .error { color: #a00; font-size: 0.85rem; }
    .result { font-weight: 600; margin: 0.5rem 0; }
  `;

  /** Coordinators in the scenario today (the largest FTE among its arms), for the default range. */
  @property({ type: Number }) todayFte = 0;
  /** The sweep's results (counterfactual first, one arm per step). */
  @property({ attribute: false }) summary: RunSummary | undefined;
  /** Whether a sweep is running, and how far. */
  @property({ type: Boolean }) running = false;
  @property() progress = '';
  /** Why the sweep cannot run (e.g. the scenario has errors). */
  @property() blocked = '';

  @state() private _error = '';
  @query('#saving') private _savingCanvas!: HTMLCanvasElement;
  @query('#avoided') private _avoidedCanvas!: HTMLCanvasElement;
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
    const from = this._value('from');
    const to = this._value('to');
    const steps = this._value('steps');
    const runs = this._value('sweep-runs');
    if (!(from >= 0) || !(to > from)) return void (this._error = `The range must run from 0 or more up to a larger FTE, got ${from} to ${to}.`);
    if (!Number.isInteger(steps) || steps < 2 || steps > 25) return void (this._error = `Steps must be a whole number from 2 to 25, got ${steps}.`);
    if (!Number.isInteger(runs) || runs < 1 || runs > 10_000) return void (this._error = `Runs must be a whole number from 1 to 10,000, got ${runs}.`);
    this._error = '';
    emit(this, 'sweep-request', { capacity: sweepSteps(from, to, steps), runs });
  }

  protected override updated(changed: PropertyValues): void {
    if (!changed.has('summary') || !this.summary) return;
    const points = sweepPoints(this.summary);
    const ftes = points.map((p) => p.fte);
    const draw = (canvas: HTMLCanvasElement, index: number, pick: (p: (typeof points)[number]) => { p5: number; p50: number; p95: number }, label: string, colour: string, tick: (x: number) => string) => {
      const datasets: ChartDataset<'line', { x: number; y: number }[]>[] = [
        { label: `${label} band p5`, data: points.map((p) => ({ x: p.fte, y: pick(p).p5 })), pointRadius: 0, borderWidth: 0 },
        { label: `${label} band p95`, data: points.map((p) => ({ x: p.fte, y: pick(p).p95 })), pointRadius: 0, borderWidth: 0, fill: '-1', backgroundColor: withAlpha(colour, 0.18) },
        { label, data: points.map((p) => ({ x: p.fte, y: pick(p).p50 })), borderColor: colour, backgroundColor: colour, borderWidth: 2 },
      ];
      this._charts[index]?.destroy();
      this._charts[index] = new Chart(canvas, {
        type: 'line',
        data: { datasets },
        options: {
          animation: false,
          maintainAspectRatio: false,
          parsing: false,
          plugins: { legend: { labels: { filter: (item) => !item.text.includes('band') } } },
          scales: {
            x: { type: 'linear', min: Math.min(...ftes), max: Math.max(...ftes), title: { display: true, text: 'Coordinators (FTE)' } },
            y: { ticks: { callback: (v) => tick(Number(v)) } },
          },
        },
      });
    };
    draw(this._savingCanvas, 0, (p) => p.saving, `Saving over the horizon (${moneyIn(this.summary!)}; P50, P5–P95)`, armColour(0), formatGbpMillions);
    draw(this._avoidedCanvas, 1, (p) => p.claAvoided, 'Children looked after avoided at the horizon (P50, P5–P95)', armColour(2), formatCount);
  }

  override render() {
    const points = this.summary ? sweepPoints(this.summary) : [];
    const today = this.todayFte;
    return html`
      <div class="form">
        <label>From FTE <input id="from" type="number" min="0" step="any" .value=${'0'} /></label>
        <label>To FTE <input id="to" type="number" min="0" step="any" .value=${String(Math.max(1, Math.round(today * 2)))} /></label>
        <label>Steps <input id="steps" type="number" min="2" max="25" step="1" .value=${'10'} /></label>
        <label>Runs <input id="sweep-runs" type="number" min="1" step="1" .value=${'100'} /></label>
        ${this.running
          ? html`<button type="button" id="sweep-cancel" @click=${() => emit(this, 'cancel-request', {})}>Cancel</button>`
          : html`<button type="button" id="sweep-run" @click=${this._start} ?disabled=${!!this.blocked}>Run sweep</button>`}
        <span aria-live="polite">${this.progress}</span>
      </div>
      ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : nothing}
      ${this.blocked ? html`<div class="error" role="status">${this.blocked}</div>` : nothing}
      ${this.summary
        ? html`<p class="result" id="break-even">
            ${marginalSentence(points)}
          </p>`
        : nothing}
      <div class="charts" ?hidden=${!this.summary}>
        <div class="canvas"><canvas id="saving" role="img" aria-label="Saving against coordinator FTE"></canvas></div>
        <div class="canvas"><canvas id="avoided" role="img" aria-label="Children looked after avoided against coordinator FTE"></canvas></div>
      </div>
      ${points.length
        ? html`<table id="sweep-table">
            <caption>Against ${this.summary!.arms[0]!.name}, ${this.summary!.runs} runs, common random numbers across steps</caption>
            <thead><tr><th scope="col">Coordinators (FTE)</th><th scope="col">Saving P50</th><th scope="col">P5 to P95</th><th scope="col">CLA avoided (mean)</th><th scope="col">Marginal saving of the next FTE (mean)</th></tr></thead>
            <tbody>${points.map(
              (p) => html`<tr><td>${p.fte}</td><td>${formatGbpMillions(p.saving.p50)}</td><td>${formatGbpMillions(p.saving.p5)} to ${formatGbpMillions(p.saving.p95)}</td><td>${formatFixed(p.claAvoided.mean, 1)}</td><td>${p.marginalPerFte === undefined ? '' : `${formatGbp(p.marginalPerFte)} per FTE`}</td></tr>`,
            )}</tbody>
          </table>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-capacity-sweep': CsCapacitySweep;
  }
}
