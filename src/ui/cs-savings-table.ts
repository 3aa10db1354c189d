// <cs-savings-table>: each arm's saving against the counterfactual by financial year, with the chance of reaching a target.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RunSummary } from '../engine';
import { formatGbp, formatShare, moneyIn, monthsText } from './format';

@customElement('cs-savings-table')
export class CsSavingsTable extends LitElement {
  static override styles = css`
    :host { display: block; }
    table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
    caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
    th, td { text-align: right; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ddd; }
    th:first-child, td:first-child { text-align: left; }
    label { font-size: 0.9rem; }
    input { font: inherit; width: 10rem; padding: 0.2rem 0.4rem; }
    input:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    .note { color: #555; font-size: 0.85rem; }
    .error { color: #a00; font-size: 0.85rem; }
    input { max-width: 100%; }
    /* A narrow screen scrolls a wide table inside itself, not the page. */
    @media (max-width: 48rem) { table { display: block; overflow-x: auto; } }
  `;

  /** The run's summary. */
  @property({ attribute: false }) summary: RunSummary | undefined;

  /** Target saving in a year, £ (what the user typed). */
  @state() private _target = '0';

  private _targetValue(): number | undefined {
    const v = Number(this._target.replace(/[£,\s]/g, ''));
    return this._target.trim() !== '' && Number.isFinite(v) ? v : undefined;
  }

  override render() {
    const s = this.summary;
    if (!s) return nothing;
    const target = this._targetValue();
    return html`
      <label>Target saving in a year (${moneyIn(s)}):
        <input id="target" inputmode="decimal" .value=${this._target} @input=${(e: Event) => (this._target = (e.target as HTMLInputElement).value)} aria-describedby="target-note" />
      </label>
      ${target === undefined ? html`<div class="error" role="alert">The target must be a number of pounds, got “${this._target}”.</div>` : nothing}
      <div id="target-note" class="note">Saving = the counterfactual’s cost − the arm’s cost, run by run (${moneyIn(s)}; not discounted): means over runs with P10 and P90.</div>
      ${s.comparisons.map(
        (c) => html`
          <table tabindex="0" class="savings">
            <caption>${c.arm} against ${c.reference}: mean over runs, with P10 and P90</caption>
            <thead><tr><th scope="col">Financial year</th><th scope="col">Mean</th><th scope="col">P10</th><th scope="col">P90</th><th scope="col">Chance of reaching the target</th></tr></thead>
            <tbody>
              ${(c.savingByYear ?? []).map((y) => {
                const reached = target === undefined ? undefined : y.runs.filter((v) => v >= target).length / y.runs.length;
                return html`<tr>
                  <td>${y.year}${y.months < 12 ? html` <span class="note">(${monthsText(y.months)})</span>` : nothing}</td>
                  <td data-stat="mean" data-mean=${y.saving.mean}>${formatGbp(y.saving.mean)}</td>
                  <td>${formatGbp(y.saving.p10)}</td>
                  <td>${formatGbp(y.saving.p90)}</td>
                  <td data-stat="target">${reached === undefined ? '–' : formatShare(reached)}</td>
                </tr>`;
              })}
              <tr>
                <th scope="row">Whole horizon (the years’ means add up to it)</th>
                <td data-stat="horizon-mean" data-mean=${c.saving.mean}>${formatGbp(c.saving.mean)}</td><td>${formatGbp(c.saving.p10)}</td><td>${formatGbp(c.saving.p90)}</td>
                <td>${formatShare(c.probabilityOfSaving)} above £0</td>
              </tr>
            </tbody>
          </table>
        `,
      )}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-savings-table': CsSavingsTable;
  }
}
