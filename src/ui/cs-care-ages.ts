// <cs-care-ages>: children in care by DfE age band, stacked, for one arm (means over runs, which add up to the mean
// in care), each arm's care entries by age band and exits by route over the run, and its placements, changes of
// placement and support paid for after care, as tables.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Metric, RunSummary } from '../engine';
import { formatCount, formatGbp } from './format';
import { pngButton, pngButtonStyles } from './png-button';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const BANDS: [Metric, Metric, string, string][] = [
  ['claUnder1', 'claEntriesUnder1', 'Under 1', '#1b4f72'],
  ['cla1to4', 'claEntries1to4', '1 to 4', '#2e86c1'],
  ['cla5to9', 'claEntries5to9', '5 to 9', '#48c9b0'],
  ['cla10to15', 'claEntries10to15', '10 to 15', '#f5b041'],
  ['cla16plus', 'claEntries16plus', '16 and over', '#cb4335'],
];
const PLACEMENT_TYPES: [Metric, string][] = [
  ['claKinship', 'Kinship'],
  ['claInHouseFostering', 'In-house fostering'],
  ['claIndependentFostering', 'Independent fostering'],
  ['claResidential', 'Residential'],
  ['claOther', 'Other'],
];
const AFTER_CARE: [Metric, string][] = [
  ['afterCareSpecialGuardianship', 'Special guardianship allowance'],
  ['afterCareAdoption', 'Adoption allowance'],
  ['afterCareStayingPut', 'Staying put'],
  ['afterCarePersonalAdviser', 'Personal adviser'],
];
const ROUTES: [Metric, string][] = [
  ['claReturnsHome', 'Returned home'],
  ['claSpecialGuardianship', 'Special guardianship'],
  ['claAdopted', 'Adopted'],
  ['claOtherExits', 'Other routes'],
  ['careLeavers', 'At 18 (care leavers)'],
];

@customElement('cs-care-ages')
export class CsCareAges extends LitElement {
  static override styles = [pngButtonStyles, css`
    :host { display: block; border: 1px solid #ddd; border-radius: 6px; padding: 0.6rem 0.8rem; background: #fff; }
    header { display: flex; justify-content: space-between; align-items: baseline; gap: 0.5rem; flex-wrap: wrap; }
    h3 { font-size: 1rem; margin: 0; }
    .unit { color: #555; font-size: 0.8rem; }
    header > label { min-width: 0; max-width: 100%; }
    select { max-width: 100%; }
    select, button { font: inherit; font-size: 0.85rem; }
    button:focus-visible, select:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    .canvas { position: relative; height: 260px; }
    .table { overflow: auto; font-size: 0.8rem; margin-top: 0.6rem; }
    table { border-collapse: collapse; width: 100%; }
    th, td { padding: 0.15rem 0.4rem; border-bottom: 1px solid #eee; text-align: right; }
    th:first-child, td:first-child { text-align: left; }
  `];

  @property({ attribute: false }) summary: RunSummary | undefined;
  @state() private _arm = 0;
  @query('canvas') private _canvas!: HTMLCanvasElement;
  private _chart: Chart<'bar'> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._chart?.destroy();
    this._chart = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    const s = this.summary;
    if (!s || !this._canvas) return;
    if (this._arm >= s.arms.length) this._arm = 0;
    if (!this._chart) {
      this._chart = new Chart(this._canvas, {
        type: 'bar',
        data: { labels: [], datasets: [] },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          interaction: { mode: 'index', intersect: false },
          scales: { x: { stacked: true }, y: { stacked: true, ticks: { callback: (v) => formatCount(Number(v)) } } },
        },
      });
    }
    if (changed.has('summary') || changed.has('_arm')) {
      const arm = s.arms[this._arm]!;
      // Every twelfth month-end: a bar a year keeps the chart readable over a long horizon.
      const months = s.months.map((m, i) => [m, i] as const).filter(([, i]) => i % 12 === 0);
      this._chart.data.labels = months.map(([m]) => m);
      this._chart.data.datasets = BANDS.map(([metric, , label, colour]) => ({ label, data: months.map(([, i]) => arm.series[metric].mean[i]!), backgroundColor: colour }));
      this._chart.update('none');
    }
  }

  override render() {
    const s = this.summary;
    if (!s) return nothing;
    const total = (arm: RunSummary['arms'][number], metric: Metric) => arm.series[metric].mean.slice(1).reduce((a, b) => a + b, 0);
    const last = (arm: RunSummary['arms'][number], metric: Metric) => arm.series[metric].mean[s.months.length - 1]!;
    return html`
      <header>
        <h3>Children in care by age <span class="unit">children at month end, mean over runs, each year</span></h3>
        <label>Arm <select @change=${(e: Event) => (this._arm = Number((e.target as HTMLSelectElement).value))}>
          ${s.arms.map((a, i) => html`<option value=${i} ?selected=${i === this._arm}>${a.name}</option>`)}
        </select></label>
        ${pngButton(() => this._chart, 'care-by-age.png', 'Children in care by age', `“${s.arms[this._arm]?.name ?? ''}”: children at month end by DfE age band, stacked, mean over ${s.runs.toLocaleString('en-GB')} runs, one bar a year`)}
      </header>
      <div class="canvas"><canvas role="img" aria-label="Children in care by age band, stacked, for the chosen arm"></canvas></div>
      <div class="table" tabindex="0">
        <table>
          <caption class="unit">Over the whole run (${s.months[1]} to ${s.months[s.months.length - 1]}), mean children over runs</caption>
          <thead><tr><th scope="col">Arm</th>${BANDS.map(([, , label]) => html`<th scope="col">Entries ${label}</th>`)}${ROUTES.map(([, label]) => html`<th scope="col">${label}</th>`)}</tr></thead>
          <tbody>
            ${s.arms.map((a) => html`<tr><td>${a.name}</td>${BANDS.map(([, entries]) => html`<td>${formatCount(total(a, entries))}</td>`)}${ROUTES.map(([metric]) => html`<td>${formatCount(total(a, metric))}</td>`)}</tr>`)}
          </tbody>
        </table>
      </div>
      <div class="table" tabindex="0">
        <table id="placements-after-care">
          <caption class="unit">Placements at the last month-end (${s.months[s.months.length - 1]}) and changes of placement over the run; support paid for after care: children at the last month-end and its cost over the run (means over runs)</caption>
          <thead><tr><th scope="col">Arm</th>${PLACEMENT_TYPES.map(([, label]) => html`<th scope="col">${label}</th>`)}<th scope="col">Changes of placement</th>${AFTER_CARE.map(([, label]) => html`<th scope="col">${label}</th>`)}<th scope="col">Cost after care</th></tr></thead>
          <tbody>
            ${s.arms.map(
              (a) =>
                html`<tr><td>${a.name}</td>${PLACEMENT_TYPES.map(([metric]) => html`<td>${formatCount(last(a, metric))}</td>`)}<td>${formatCount(total(a, 'placementMoves'))}</td>${AFTER_CARE.map(([metric]) => html`<td>${formatCount(last(a, metric))}</td>`)}<td>${formatGbp(total(a, 'costAfterCare'))}</td></tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-care-ages': CsCareAges;
  }
}
