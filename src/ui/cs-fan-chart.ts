// <cs-fan-chart>: one series for every arm as P5–P95 and P25–P75 bands with a median line, observed points, a table view and a PNG.
import { CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, ScatterController, Tooltip, type ChartDataset } from 'chart.js';
import { chartPicture, downloadChartPng } from './chart-png';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { RunSummary, Metric } from '../engine';
import { yieldToEventLoop } from '../client/slices';
import { formatCount, formatGbp, formatGbpMillions } from './format';
import { armColour, withAlpha } from './palette';

Chart.register(LineController, ScatterController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Legend, Tooltip);

/**
 * Charts waiting to redraw, drawn one per task: seven charts redrawn on one partial result would
 * otherwise hold the main thread for one long task.
 */
const drawQueue = new Set<CsFanChart>();
let draining = false;

function queueDraw(chart: CsFanChart): void {
  drawQueue.add(chart);
  if (draining) return;
  draining = true;
  void (async () => {
    while (drawQueue.size > 0) {
      await yieldToEventLoop();
      const next = drawQueue.values().next().value!;
      drawQueue.delete(next);
      next.drawNow();
    }
    draining = false;
  })();
}

/** A series' quantiles by month (its band without the mean). */
type Quantiles = Omit<RunSummary['arms'][number]['series'][Metric], 'mean'>;

/** Observed values by month label, for overlay. */
export type ObservedSeries = Map<string, number>;

@customElement('cs-fan-chart')
export class CsFanChart extends LitElement {
  static override styles = css`
    :host { display: block; border: 1px solid #ddd; border-radius: 6px; padding: 0.6rem 0.8rem; background: #fff; }
    header { display: flex; justify-content: space-between; align-items: baseline; gap: 0.5rem; flex-wrap: wrap; }
    h3 { font-size: 1rem; margin: 0; }
    .unit { color: #666; font-size: 0.8rem; }
    .tools button { font: inherit; font-size: 0.8rem; padding: 0.15rem 0.5rem; }
    button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    .canvas { position: relative; height: 240px; }
    .table { max-height: 240px; overflow: auto; font-size: 0.8rem; }
    table { border-collapse: collapse; width: 100%; }
    th, td { padding: 0.15rem 0.4rem; border-bottom: 1px solid #eee; text-align: right; }
    th:first-child, td:first-child { text-align: left; }
  `;

  /** The run's summary (bands per arm). */
  @property({ attribute: false }) summary: RunSummary | undefined;
  /** Which series to draw. */
  @property() metric: Metric = 'cla';
  /** Title shown above the chart. */
  @property() heading = '';
  /** Unit shown beside the title. */
  @property() unit = '';
  /** First month to show: 1 for flows and costs (month 0 is the starting snapshot, with no flows). */
  @property({ type: Number }) from = 0;
  /** Observed values to overlay as points, by month label. */
  @property({ attribute: false }) observed: ObservedSeries | undefined;

  @state() private _showTable = false;
  /** Options drawn as differences from the counterfactual (the first arm), which is then not drawn itself. */
  @state() private _difference = false;
  @query('canvas') private _canvas!: HTMLCanvasElement;
  private _chart: Chart | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._chart?.destroy();
    this._chart = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    if (this._showTable) {
      this._chart?.destroy();
      this._chart = undefined;
      return;
    }
    if (!this._chart && this._canvas) {
      this._chart = new Chart(this._canvas, {
        type: 'line',
        data: { labels: [], datasets: [] },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          interaction: { mode: 'index', intersect: false },
          plugins: {
            legend: { labels: { filter: (item) => !item.text.includes('band') } },
            tooltip: { filter: (item) => !String(item.dataset.label).includes('band') },
          },
          // Money in £m (a month's cost is millions; a difference in it, thousands: whole pounds), anything else as a whole count.
          scales: { y: { ticks: { callback: (v) => (this.metric === 'cost' ? (this._difference ? formatGbp : formatGbpMillions)(Number(v)) : formatCount(Number(v))) } } },
        },
      });
    }
    if (this._chart && (changed.has('summary') || changed.has('metric') || changed.has('observed') || changed.has('from') || changed.has('_showTable') || changed.has('_difference'))) queueDraw(this);
  }

  /** Whether the difference view applies: it is on and there is a counterfactual and at least one option. */
  private _differs(s: RunSummary): boolean {
    return this._difference && s.arms.length >= 2;
  }

  /**
   * The arms as drawn (and tabled), each with its index (for its colour) and its band over all months: as run, or, in
   * the difference view, each option's quantiles less the counterfactual's median month by month (a difference of
   * medians, not a paired difference: the main run keeps no run-by-run series), the counterfactual left out.
   */
  private _shown(s: RunSummary): Array<{ name: string; index: number; band: Quantiles }> {
    const arms = s.arms.map((arm, index) => ({ name: arm.name, index, band: arm.series[this.metric] }));
    if (!this._differs(s)) return arms;
    const ref = arms[0]!.band.p50;
    const less = (xs: number[]) => xs.map((x, m) => x - ref[m]!);
    return arms.slice(1).map(({ name, index, band }) => ({ name, index, band: { p5: less(band.p5), p25: less(band.p25), p50: less(band.p50), p75: less(band.p75), p95: less(band.p95) } }));
  }

  /** Redraws the chart from the current summary (called from the draw queue). */
  drawNow(): void {
    const chart = this._chart;
    const s = this.summary;
    if (!chart || !s) return;
    const datasets: ChartDataset<'line', (number | null)[]>[] = [];
    const from = this.from;
    this._shown(s).forEach(({ name, index: i, band: full }) => {
      const band = { p5: full.p5.slice(from), p25: full.p25.slice(from), p50: full.p50.slice(from), p75: full.p75.slice(from), p95: full.p95.slice(from) };
      const colour = armColour(i);
      const line = (label: string, data: number[], extra: Partial<ChartDataset<'line', number[]>>) =>
        datasets.push({ label, data, borderWidth: 0, pointRadius: 0, backgroundColor: withAlpha(colour, 0.12), ...extra } as ChartDataset<'line', (number | null)[]>);
      line(`${name} band p5`, band.p5, {});
      line(`${name} band p95`, band.p95, { fill: '-1' });
      line(`${name} band p25`, band.p25, {});
      line(`${name} band p75`, band.p75, { fill: '-1', backgroundColor: withAlpha(colour, 0.22) });
      line(name, band.p50, { borderWidth: 2, borderColor: colour, backgroundColor: colour });
    });
    // Observed counts are levels, not differences: not drawn against differences.
    if (this.observed && this.observed.size > 0 && !this._differs(s)) {
      datasets.push({
        label: 'Observed',
        data: s.months.slice(from).map((m) => this.observed!.get(m) ?? null),
        showLine: false,
        pointRadius: 3,
        pointBackgroundColor: '#000',
        borderColor: '#000',
      } as ChartDataset<'line', (number | null)[]>);
    }
    chart.data.labels = s.months.slice(from);
    chart.data.datasets = datasets;
    chart.update('none');
  }

  /** The chart's picture (chart-png.ts): twice its size, on white, titled; none while it shows its table. */
  picture(): HTMLCanvasElement | undefined {
    return this._chart ? chartPicture(this._chart, this.heading, this._pictureLine()) : undefined;
  }

  private _downloadPng(): void {
    if (!this._chart) return;
    downloadChartPng(this._chart, `${this.metric}.png`, this.heading, this._pictureLine());
  }

  /** What a picture of the chart shows, as drawn: levels, or (the difference view) each option less the counterfactual's median. */
  private _pictureLine(): string {
    const s = this.summary;
    return s && this._differs(s)
      ? `${this.unit}: each option less ${s.arms[0]!.name}’s median (a difference of medians); bands P5–P95 and P25–P75`
      : `${this.unit}; bands P5–P95 and P25–P75, lines the median over runs`;
  }

  override render() {
    const s = this.summary;
    const differs = !!s && this._differs(s);
    const reference = s?.arms[0]?.name ?? 'the counterfactual';
    const shown = s ? this._shown(s) : [];
    const observed = differs ? undefined : this.observed;
    return html`
      <header>
        <h3>${this.heading} <span class="unit">${this.unit}${differs ? html`; <span class="difference">each option less the counterfactual’s median, month by month (a difference of medians, not of paired runs)</span>` : nothing}</span></h3>
        <span class="tools">
          ${s && s.arms.length >= 2 ? html`<button type="button" class="difference-toggle" aria-pressed=${this._difference} @click=${() => (this._difference = !this._difference)}>Difference from ${reference}</button>` : nothing}
          <button type="button" aria-pressed=${this._showTable} @click=${() => (this._showTable = !this._showTable)}>${this._showTable ? 'Chart' : 'Table'}</button>
          <button type="button" @click=${this._downloadPng} ?disabled=${this._showTable || !s}>PNG</button>
        </span>
      </header>
      ${this._showTable && s
        ? html`<div class="table" tabindex="0">
            <table>
              <caption class="unit">The chart’s data, as drawn: median (P5–P95) by month${differs ? ', each less the counterfactual’s median' : ''}; the tables above give means</caption>
              <thead><tr><th scope="col">Month</th>${shown.map((a) => html`<th scope="col">${a.name}</th>`)}${observed ? html`<th scope="col">Observed</th>` : nothing}</tr></thead>
              <tbody>
                ${s.months.slice(this.from).map(
                  (month, i) => html`<tr><td>${month}</td>${shown.map(({ band: b }) => {
                    const m = i + this.from;
                    return html`<td>${formatCount(b.p50[m]!)} (${formatCount(b.p5[m]!)}–${formatCount(b.p95[m]!)})</td>`;
                  })}${observed ? html`<td>${observed.has(month) ? formatCount(observed.get(month)!) : ''}</td>` : nothing}</tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<div class="canvas"><canvas role="img" aria-label=${`${this.heading}: bands by arm`}></canvas></div>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-fan-chart': CsFanChart;
  }
}
