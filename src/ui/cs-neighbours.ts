// <cs-neighbours>: a council beside its ten statistical neighbours and England, one figure at a time: a line chart over
// the years (the council emphasised, its neighbours thin, England dashed) and the same figures as a table, its text
// alternative, with the unit and the sources in the caption and the neighbours' mean and median.
import { CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartDataset } from 'chart.js';
import { LitElement, css, html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import {
  describeSources,
  NEIGHBOUR_MEASURES,
  neighbourComparison,
  yearRuns,
  yearsWithValues,
  type MeasureComparison,
  type NeighbourComparison,
  type NeighbourComparisonResult,
  type NeighbourMeasureKey,
} from '../councils/neighbours';
import { formatCount, formatFixed, formatGbp } from './format';
import { armColour } from './palette';
import { pngButton, pngButtonStyles } from './png-button';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip);

const COUNCIL_COLOUR = armColour(0);
const NEIGHBOUR_COLOUR = '#8c8c8c';
const ENGLAND_COLOUR = '#000000';
const ENGLAND_DASH = [6, 4];

/** A value as the table shows it: a rate to one decimal, a unit cost in whole pounds. */
export function formatNeighbourValue(m: Pick<MeasureComparison, 'kind'>, value: number): string {
  return m.kind === 'weeklyCostGbp' ? formatGbp(value) : formatFixed(value, 1);
}

@customElement('cs-neighbours')
export class CsNeighbours extends LitElement {
  static override styles = [pngButtonStyles, css`
    :host { display: block; border: 1px solid #ddd; border-radius: 6px; padding: 0.6rem 0.8rem; background: #fff; }
    header { display: flex; justify-content: space-between; align-items: baseline; gap: 0.5rem; flex-wrap: wrap; }
    h3 { font-size: 1rem; margin: 0; }
    label { font-size: 0.85rem; }
    select { font: inherit; font-size: 0.85rem; }
    select:focus-visible, .table:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    .note, .unit, .attribution { color: #555; font-size: 0.8rem; }
    .error { color: #a00; font-size: 0.85rem; }
    .canvas { position: relative; height: 280px; margin-top: 0.4rem; }
    .key { display: flex; gap: 1rem; list-style: none; padding: 0; margin: 0.3rem 0; font-size: 0.8rem; }
    .swatch { display: inline-block; width: 1.6rem; vertical-align: middle; margin-right: 0.3rem; border-top: 2px solid ${unsafeCSS(NEIGHBOUR_COLOUR)}; }
    .swatch.council { border-top: 3px solid ${unsafeCSS(COUNCIL_COLOUR)}; }
    .swatch.neighbour { border-top-width: 1px; }
    .swatch.england { border-top: 2px dashed ${unsafeCSS(ENGLAND_COLOUR)}; }
    .table { overflow: auto; font-size: 0.8rem; margin-top: 0.6rem; }
    table { border-collapse: collapse; width: 100%; }
    caption { text-align: left; font-size: 0.85rem; margin-bottom: 0.3rem; }
    caption .unit { display: block; }
    th, td { padding: 0.15rem 0.4rem; border-bottom: 1px solid #eee; text-align: right; white-space: nowrap; }
    th[scope='row'] { text-align: left; font-weight: normal; }
    tr.council th, tr.council td { font-weight: 600; }
    tr.england th, tr.england td { font-style: italic; }
    tbody.summary th, tbody.summary td { color: #333; border-top: 1px solid #bbb; }
    .of { color: #555; font-size: 0.75rem; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    details { font-size: 0.8rem; margin-top: 0.4rem; }
  `];

  /** The council, by DfE code or name (as `council()` finds it: exact, a unique prefix or part). */
  @property() council = '';
  /** The figure shown, a key of NEIGHBOUR_MEASURES; the element's selector sets it too. */
  @property({ reflect: true }) measure: NeighbourMeasureKey = 'claAt31March';

  @query('canvas') private _canvas: HTMLCanvasElement | null | undefined;
  private _chart: Chart<'line', (number | null)[], string> | undefined;
  /** The comparison for `council`, worked out once per council (tens of milliseconds for one with neighbours). */
  private _result: NeighbourComparisonResult | undefined;

  /** The comparison shown (undefined before a council is set or when it is not found). */
  get comparison(): NeighbourComparison | undefined {
    return this._result?.ok ? this._result.value : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('council')) this._result = this.council.trim() ? neighbourComparison(this.council) : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._chart?.destroy();
    this._chart = undefined;
  }

  private _measure(c: NeighbourComparison): MeasureComparison {
    return c.measures.find((m) => m.key === this.measure) ?? c.measures[0]!;
  }

  protected override updated(): void {
    const c = this.comparison;
    const canvas = this._canvas;
    if (this._chart && this._chart.canvas !== canvas) {
      this._chart.destroy();
      this._chart = undefined;
    }
    if (!c || !canvas) return;
    const m = this._measure(c);
    this._chart ??= new Chart(canvas, {
      type: 'line',
      data: { labels: [], datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'nearest', intersect: false },
        plugins: {
          tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${formatNeighbourValue(this._measure(this.comparison!), item.parsed.y ?? 0)}` } },
        },
        // Whole numbers on the axis; the tooltip and the table give a rate to one decimal.
        scales: { y: { beginAtZero: true, title: { display: true, text: '' }, ticks: { callback: (v) => (this._measure(this.comparison!).kind === 'per10k' ? formatCount : formatGbp)(Number(v)) } } },
      },
    });
    this._draw(this._chart, c, m);
  }

  private _draw(chart: Chart<'line', (number | null)[], string>, c: NeighbourComparison, m: MeasureComparison): void {
    const years = yearsWithValues(c, m);
    const at = years.map((y) => c.years.indexOf(y));
    chart.data.labels = years.map(String);
    // England and the neighbours first, so that the council's line is drawn over them.
    const rows = [...m.rows].sort((a, b) => Number(a.role === 'council') - Number(b.role === 'council'));
    chart.data.datasets = rows.map((row): ChartDataset<'line', (number | null)[]> => {
      const data = at.map((i) => row.cells[i]!.value);
      if (row.role === 'council') return { label: row.name, data, borderColor: COUNCIL_COLOUR, backgroundColor: COUNCIL_COLOUR, borderWidth: 3, pointRadius: 3 };
      if (row.role === 'england') return { label: row.name, data, borderColor: ENGLAND_COLOUR, backgroundColor: ENGLAND_COLOUR, borderWidth: 2, borderDash: ENGLAND_DASH, pointRadius: 0 };
      return { label: row.name, data, borderColor: NEIGHBOUR_COLOUR, backgroundColor: NEIGHBOUR_COLOUR, borderWidth: 1, pointRadius: 0, pointHoverRadius: 3 };
    });
    const y = chart.options.scales!.y!;
    if (y.title) y.title.text = m.kind === 'weeklyCostGbp' ? '£ per child per week (cash)' : 'per 10,000 children aged 0–17';
    chart.update('none');
  }

  private _onSelect(e: Event): void {
    this.measure = (e.target as HTMLSelectElement).value as NeighbourMeasureKey;
  }

  override render() {
    const r = this._result;
    if (!r) return html`<p class="note">Choose a council to see it beside its statistical neighbours.</p>`;
    if (!r.ok) return html`<p class="error" role="alert">${r.error}</p>`;
    const c = r.value;
    const m = this._measure(c);
    const years = yearsWithValues(c, m);
    const groups: [string, MeasureComparison['kind']][] = [['Per 10,000 children aged 0–17', 'per10k'], ['Unit costs, £ a week', 'weeklyCostGbp']];
    return html`
      <header>
        <h3>${c.name} beside ${c.neighbours.length ? 'its statistical neighbours and ' : ''}England</h3>
        <label for="measure">Figure
          <select id="measure" @change=${this._onSelect}>
            ${groups.map(([label, kind]) => html`<optgroup label=${label}>
              ${NEIGHBOUR_MEASURES.filter((x) => x.kind === kind).map((x) => html`<option value=${x.key} ?selected=${x.key === m.key}>${x.label}</option>`)}
            </optgroup>`)}
          </select>
        </label>
      </header>
      ${c.note ? html`<p class="note" id="note">${c.note}</p>` : nothing}
      ${years.length === 0
        ? html`<p class="note" id="empty">No council here has this figure in ${c.years[0]}–${c.years.at(-1)}.</p>`
        : html`
            ${pngButton(() => this._chart, `neighbours-${c.code}-${m.key}.png`, `${m.label}: ${c.name} beside ${c.neighbours.length ? 'its statistical neighbours and ' : ''}England`, `${m.unit}, years ending 31 March: ${c.name} thick${c.neighbours.length ? ', neighbours grey' : ''}, England dashed (DfE, Open Government Licence)`)}
            <div class="canvas"><canvas role="img" aria-label=${`${m.label}, ${m.unit}: ${c.name}${c.neighbours.length ? ', its ten statistical neighbours' : ''} and England, ${years[0]}–${years.at(-1)}. The table below gives every figure.`}></canvas></div>
            <ul class="key" aria-hidden="true">
              <li><span class="swatch council"></span>${c.name}</li>
              ${c.neighbours.length ? html`<li><span class="swatch neighbour"></span>Statistical neighbours</li>` : nothing}
              ${m.rows.at(-1)!.cells.some((x) => x.value !== null) ? html`<li><span class="swatch england"></span>England</li>` : nothing}
            </ul>
            ${this._table(c, m, years)}`}
      <p class="attribution">${c.attribution}.</p>
    `;
  }

  private _table(c: NeighbourComparison, m: MeasureComparison, years: number[]) {
    const at = years.map((y) => c.years.indexOf(y));
    const n = c.neighbours.length;
    const value = (v: number | null, missing?: string) =>
      v === null
        ? html`<td data-missing=${missing ?? ''} title=${missing ?? ''}><span aria-hidden="true">–</span><span class="sr">not available: ${missing}</span></td>`
        : html`<td data-value=${String(v)}>${formatNeighbourValue(m, v)}</td>`;
    const summary = (label: string, cls: string, values: (number | null)[]) => html`<tr class=${cls}>
      <th scope="row">${label}</th>
      ${at.map((i) => value(values[i]!, 'no neighbour has this figure'))}
    </tr>`;
    // Why each gap: the reason, then each row it leaves a gap in with its years.
    const gaps = new Map<string, Map<string, number[]>>();
    for (const row of m.rows)
      for (const i of at) {
        const why = row.cells[i]!.missing;
        if (!why) continue;
        const byRow = gaps.get(why) ?? gaps.set(why, new Map()).get(why)!;
        byRow.set(row.name, [...(byRow.get(row.name) ?? []), c.years[i]!]);
      }
    const partial = at.filter((i) => m.neighboursWithValue[i]! < n).map((i) => `${c.years[i]}: ${m.neighboursWithValue[i]} of ${n}`);
    return html`
      <div class="table" tabindex="0" role="region" aria-labelledby="caption">
        <table id="figures">
          <caption id="caption">${m.label}: ${c.name}, ${n ? 'its statistical neighbours (DfE, April 2021; closest first)' : 'no statistical neighbours'} and England, years ending 31 March${m.kind === 'weeklyCostGbp' ? ' (the financial year ending then)' : ''}.
            <span class="unit">Unit: ${m.unit}${m.kind === 'per10k' ? ' (the published count ÷ the published 0–17 population × 10,000)' : ''}.</span>
            <span class="unit">Source: ${describeSources(m)}.</span>
          </caption>
          <thead><tr><th scope="col">Area</th>${years.map((y) => html`<th scope="col">${y}</th>`)}</tr></thead>
          <tbody>
            ${m.rows.map((row) => html`<tr class=${row.role} data-code=${row.code ?? 'england'}>
              <th scope="row">${row.name}${row.code ? html` <span class="of">(${row.code})</span>` : nothing}</th>
              ${at.map((i) => value(row.cells[i]!.value, row.cells[i]!.missing))}
            </tr>`)}
          </tbody>
          ${n
            ? html`<tbody class="summary">
                ${summary(`Neighbours' mean`, 'mean', m.neighboursMean)}
                ${summary(`Neighbours' median`, 'median', m.neighboursMedian)}
              </tbody>`
            : nothing}
        </table>
      </div>
      ${partial.length ? html`<p class="note" id="partial">The neighbours' mean and median are over those with the figure: ${partial.join('; ')}.</p>` : nothing}
      ${gaps.size
        ? html`<details id="gaps"><summary>Why some figures are missing</summary><ul>
            ${[...gaps].map(([why, where]) => html`<li>${why}: ${[...where].map(([name, ys]) => `${name} ${yearRuns(ys)}`).join('; ')}</li>`)}
          </ul></details>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-neighbours': CsNeighbours;
  }
}
