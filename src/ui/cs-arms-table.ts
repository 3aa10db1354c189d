// <cs-arms-table>: each arm over the horizon, the saving against the counterfactual beside it. One statistic: the mean
// over runs with its P10–P90, so the saving shown is the difference of the total costs shown. With a caseload service
// beside the FGC (a team like Leeds's RES), its workers, the children it took on, the families it turned away and its cost.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { stat, type RunSummary, type Stat } from '../engine';
import { formatCount, formatGbp, formatShare, meanAndBand, moneyIn, monthName } from './format';

const cell = (s: Stat, f: (x: number) => string, metric: string) => {
  const { mean, band } = meanAndBand(s, f);
  return html`<td data-metric=${metric} data-mean=${s.mean}>${mean} <span class="band">(${band})</span></td>`;
};

@customElement('cs-arms-table')
export class CsArmsTable extends LitElement {
  static override styles = css`
    :host { display: block; overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
    caption { text-align: left; padding-bottom: 0.3rem; }
    th, td { text-align: right; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
    th:first-child, td:first-child { text-align: left; }
    .band { color: #555; font-size: 0.85em; display: block; }
  `;

  @property({ attribute: false }) summary: RunSummary | undefined;
  /** The scenario's caseload service beside the FGC (its id and name), if it has one: its columns follow "FGCs held". */
  @property({ attribute: false }) service: { id: string; name: string } | undefined;

  override render() {
    const s = this.summary;
    if (!s) return html``;
    const last = s.months.length - 1;
    const ref = s.arms[0]!;
    const service = this.service;
    return html`<table tabindex="0" id="arms">
      <caption>Each arm over ${last} months, ${s.runs.toLocaleString('en-GB')} runs, seed “${s.seed}”: means over runs, with P10 to P90 (${moneyIn(s)}; not discounted; costs include staff time, which is not all cashable: see the appraisal${service ? `; the total cost includes the cost of both services, the FGC and ${service.name}` : ''}). FGC effects: <span id="effects-in-force">${s.effects.preset}</span></caption>
      <thead><tr><th scope="col">Arm</th><th scope="col">${service ? 'FGC coordinators (FTE)' : 'Coordinators (FTE)'}</th><th scope="col">Children looked after at the end of ${monthName(s.months[last]!)}</th><th scope="col">FGCs held</th>${service ? html`<th scope="col">${service.name}: workers (FTE)</th><th scope="col">${service.name}: children taken on</th><th scope="col">${service.name}: families turned away or lapsed</th><th scope="col">${service.name}: its cost</th>` : nothing}<th scope="col">Total cost</th><th scope="col">Saving against ${ref.name} (its total cost less the arm’s)</th><th scope="col">Chance of a saving</th></tr></thead>
      <tbody>
        ${s.arms.map((a, i) => {
          const c = i > 0 ? s.comparisons[i - 1] : undefined;
          return html`<tr>
            <th scope="row">${a.name}</th>
            <td>${a.coordinatorsFte}</td>
            ${a.runs ? cell(stat(Float64Array.from(a.runs.claAtHorizon)), formatCount, 'cla') : html`<td data-metric="cla">${formatCount(a.series.cla.mean[last]!)}</td>`}
            ${cell(a.totals.fgcHeld, formatCount, 'fgc-held')}
            ${service
              ? html`<td data-metric="support-fte">${a.serviceFte?.[service.id] ?? 0}</td>
                  ${cell(a.totals.supportChildren, formatCount, 'support-children')}
                  ${cell(a.totals.supportAway, formatCount, 'support-away')}
                  ${cell(a.totals.supportCost, formatGbp, 'support-cost')}`
              : nothing}
            ${cell(a.totals.cost, formatGbp, 'cost')}
            ${c ? cell(c.saving, formatGbp, 'saving') : html`<td data-metric="saving">reference</td>`}
            <td data-metric="chance">${c ? formatShare(c.probabilityOfSaving) : ''}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-arms-table': CsArmsTable;
  }
}
