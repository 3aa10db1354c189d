// <cs-finance>: the appraisal for finance officers: NPV, ROI, payback and benefit–cost ratio with their spread, and money by year.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RunSummary, Stat } from '../engine';
import { formatFixed, formatGbp, formatShare, monthsText, paidBackBy } from './format';
import { servicesCostWords } from './services';

/** The one statistic: the mean over runs (means add up across columns; medians do not), with its P10 to P90. */
const band = (s: Stat | null, f: (x: number) => string) => (s ? html`<span data-mean=${s.mean}>${f(s.mean)}</span> <span class="band">(P10 ${f(s.p10)} to P90 ${f(s.p90)})</span>` : html`–`);
const ratio = (x: number) => formatFixed(x, 2);

/** What of a year was simulated: nothing to say for a whole simulated year. */
function yearNote(months: number, carried: number) {
  if (carried === 0) return months < 12 ? html` <span class="band">(${monthsText(months)})</span>` : nothing;
  return html` <span class="band">(${months > 0 ? `${monthsText(months)} simulated, ${carried} carried` : 'carried forward'})</span>`;
}

@customElement('cs-finance')
export class CsFinance extends LitElement {
  static override styles = css`
    :host { display: block; font-size: 0.9rem; }
    table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
    caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
    th, td { text-align: right; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ddd; }
    th:first-child, td:first-child { text-align: left; }
    .band { color: #555; font-size: 0.85em; }
    .note { color: #555; font-size: 0.85rem; }
    .bar { display: inline-block; height: 0.7rem; background: #0072B2; vertical-align: middle; }
    .warning { border-left: 4px solid #D55E00; padding: 0.3rem 0.6rem; background: #fdf3ec; }
    tr.carried td { color: #555; font-style: italic; }
    /* A narrow screen scrolls a wide table inside itself, not the page. */
    @media (max-width: 48rem) { table { display: block; overflow-x: auto; } }
  `;

  /** The run's summary (with its finance object). */
  @property({ attribute: false }) summary: RunSummary | undefined;
  /** The caseload service beside the FGC, if the scenario has one: the service cost is then both services'. */
  @property({ attribute: false }) serviceName: string | undefined;

  override render() {
    const f = this.summary?.finance;
    if (!f) return nothing;
    // Years not (wholly) simulated: a payback in one of them rests on the carry.
    const carried = new Set((f.comparisons[0]?.byYear ?? []).filter((y) => y.carriedMonths > 0).map((y) => y.year));
    const extraCost = `Extra ${servicesCostWords(this.serviceName)}`;
    return html`
      <p class="note">
        Discounted at ${(f.discountRate * 100).toFixed(1)}% a year (Green Book), year 0 = ${f.financialYears[0]}, over ${f.appraisalYears} years; money ${f.priceBasis}. Means over runs, with P10 to P90: means add up, so each row's parts sum to its total.
        ${f.carriedFrom ? html`The simulation covers ${f.simulatedYears} financial years: the years after it (in italics) are carried at ${f.carriedFrom}’s level.` : nothing}
        Cashable: what stops being paid (placements’ marginal cost: allowances, fees). Non-cashable: staff time and placements’ fixed cost, which the budget does not get back in the short run.
      </p>
      ${f.warnings.map((w) => html`<p class="warning" data-warning=${w.kind.replace(/ /g, '-')}>${w.message}</p>`)}
      <p class="note">The net here is the savings less the ${this.serviceName ? 'services’' : 'service’s'} extra cost with set-up (once, in the first year) and optimism bias on costs (${band(f.inputs.optimismBiasCosts, formatShare)} added); the “Savings by financial year” table is the plain cost difference, without either. The NPV is the present value of the cashable savings plus the non-cashable, less the extra ${this.serviceName ? servicesCostWords(this.serviceName) : 'service cost'}.</p>
      <table tabindex="0" id="appraisal">
        <caption>Appraisal against ${f.comparisons[0]?.reference ?? ''}: means over runs, with P10 to P90; the parts add up to the NPV</caption>
        <thead><tr><th scope="col">Arm</th><th scope="col">Cashable saving (present value)</th><th scope="col">+ Non-cashable saving (present value: staff time, fixed costs)</th><th scope="col">− ${extraCost} (present value)</th><th scope="col">= Net present value (${f.appraisalYears} years; staff time included)</th><th scope="col">Chance NPV &gt; 0</th><th scope="col">Budget NPV (cashable only)</th><th scope="col">Return on investment</th><th scope="col">Benefit–cost ratio</th><th scope="col">Paid back by (share of runs)</th></tr></thead>
        <tbody>
          ${f.comparisons.map(
            (c) => html`<tr>
              <td>${c.arm}</td>
              <td data-stat="pv-cashable">${band(c.presentValue.cashableSaving, formatGbp)}</td>
              <td data-stat="pv-non-cashable">${band(c.presentValue.nonCashableSaving, formatGbp)}</td>
              <td data-stat="pv-service">${band(c.presentValue.serviceCost, formatGbp)}</td>
              <td data-stat="npv">${band(c.npv, formatGbp)}</td>
              <td>${formatShare(c.probabilityNpvPositive)}</td>
              <td data-stat="cash-npv">${band(c.cashNpv, formatGbp)} <span class="band">&gt; 0 in ${formatShare(c.probabilityCashNpvPositive)}; paid back ${paidBackBy(c.cashPayback.byYear, carried)}never: ${formatShare(c.cashPayback.never)}</span></td>
              <td>${band(c.roi, (x) => formatShare(x))}</td>
              <td>${band(c.benefitCostRatio, ratio)}</td>
              <td data-stat="payback">${paidBackBy(c.payback.byYear, carried)}never within the horizon: ${formatShare(c.payback.never)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <table tabindex="0" id="npv-by-horizon">
        <caption>Net present value by appraisal horizon: means over runs, with P10 to P90</caption>
        <thead><tr><th scope="col">Arm</th>${(f.comparisons[0]?.npvByHorizon ?? []).map((h) => html`<th scope="col">${h.years} years</th>`)}</tr></thead>
        <tbody>
          ${f.comparisons.map((c) => html`<tr><td>${c.arm}</td>${c.npvByHorizon.map((h) => html`<td data-years=${h.years}>${band(h.npv, formatGbp)} <span class="band">NPV &gt; 0 in ${formatShare(h.probabilityPositive)}</span></td>`)}</tr>`)}
        </tbody>
      </table>
      ${f.comparisons.map(
        (c) => html`<table tabindex="0" class="by-year">
          <caption>${c.arm}: money by financial year (means over runs, with P10 to P90; each row’s parts add up to its net)</caption>
          <thead><tr><th scope="col">Year</th><th scope="col">Cashable saving (placements’ marginal cost)</th><th scope="col">+ Non-cashable saving (staff time, fixed costs)</th><th scope="col">− ${extraCost}</th><th scope="col">= Net</th><th scope="col">Of the savings: support after care (allowances and staying put cashable, personal advisers not; before optimism bias and deadweight)</th></tr></thead>
          <tbody>${c.byYear.map(
            (y) => html`<tr class=${y.carriedMonths > 0 ? 'carried' : ''}><td>${y.year}${yearNote(y.months, y.carriedMonths)}${y.inHorizon ? nothing : html` <span class="band">(after the horizon)</span>`}</td><td data-stat="cashable">${band(y.cashableSaving, formatGbp)}</td><td data-stat="non-cashable">${band(y.nonCashableSaving, formatGbp)}</td><td data-stat="service">${band(y.serviceCost, formatGbp)}</td><td data-stat="net">${band(y.net, formatGbp)}</td><td>${band(y.afterCareSaving, formatGbp)}</td></tr>`,
          )}</tbody>
        </table>`,
      )}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-finance': CsFinance;
  }
}
