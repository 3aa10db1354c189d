// <cs-finance>: the appraisal for finance officers: NPV, ROI, payback and benefit–cost ratio with their spread, and money by year.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RunSummary, Stat } from '../engine';
import { formatFixed, formatGbp, formatShare, monthsText, paidBackBy } from './format';

const band = (s: Stat | null, f: (x: number) => string) => (s ? html`${f(s.p50)} <span class="band">(${f(s.p10)} to ${f(s.p90)})</span>` : html`–`);
const ratio = (x: number) => formatFixed(x, 2);

@customElement('cs-finance')
export class CsFinance extends LitElement {
  static override styles = css`
    :host { display: block; font-size: 0.9rem; }
    table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
    caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
    th, td { text-align: right; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ddd; }
    th:first-child, td:first-child { text-align: left; }
    .band { color: #666; font-size: 0.85em; }
    .note { color: #555; font-size: 0.85rem; }
    .bar { display: inline-block; height: 0.7rem; background: #0072B2; vertical-align: middle; }
  `;

  /** The run's summary (with its finance object). */
  @property({ attribute: false }) summary: RunSummary | undefined;

  override render() {
    const f = this.summary?.finance;
    if (!f) return nothing;
    return html`
      <p class="note">Discounted at ${(f.discountRate * 100).toFixed(1)}% a year (Green Book), year 0 = ${f.financialYears[0]}; money ${f.priceBasis}. Medians with P10 to P90 over runs.</p>
      <table id="appraisal">
        <caption>Appraisal against ${f.comparisons[0]?.reference ?? ''}</caption>
        <thead><tr><th scope="col">Arm</th><th scope="col">Net present value</th><th scope="col">Chance NPV &gt; 0</th><th scope="col">Return on investment</th><th scope="col">Benefit–cost ratio</th><th scope="col">Paid back by (share of runs)</th></tr></thead>
        <tbody>
          ${f.comparisons.map(
            (c) => html`<tr>
              <td>${c.arm}</td>
              <td data-stat="npv">${band(c.npv, formatGbp)}</td>
              <td>${formatShare(c.probabilityNpvPositive)}</td>
              <td>${band(c.roi, (x) => formatShare(x))}</td>
              <td>${band(c.benefitCostRatio, ratio)}</td>
              <td data-stat="payback">${paidBackBy(c.payback.byYear)}never within the horizon: ${formatShare(c.payback.never)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${f.comparisons.map(
        (c) => html`<table class="by-year">
          <caption>${c.arm}: money by financial year</caption>
          <thead><tr><th scope="col">Year</th><th scope="col">Cashable saving (placements)</th><th scope="col">Non-cashable saving (staff time)</th><th scope="col">Extra FGC service cost</th><th scope="col">Net</th></tr></thead>
          <tbody>${c.byYear.map(
            (y) => html`<tr><td>${y.year}${y.months < 12 ? html` <span class="band">(${monthsText(y.months)})</span>` : nothing}</td><td>${band(y.cashableSaving, formatGbp)}</td><td>${band(y.nonCashableSaving, formatGbp)}</td><td>${band(y.serviceCost, formatGbp)}</td><td>${band(y.net, formatGbp)}</td></tr>`,
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
