// <cs-worksheets>: each published cost-benefit analysis reproduced line by line, beside the same analysis stress-tested.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import fv2017 from '../../scenarios/published/leeds-family-valued-2017.json';
import pip2020 from '../../scenarios/published/leeds-partners-in-practice-2020.json';
import scrutiny2015 from '../../scenarios/published/leeds-scrutiny-2015.json';
import { reproduce, stress, type StressResult } from '../engine';
import type { ScenarioError } from '../scenario/check';
import { formatFixed, formatSignificant } from './format';
import { worksheetSchema, type Worksheet } from '../scenario/worksheet-schema';

const RAW: Record<string, unknown> = { 'leeds-family-valued-2017': fv2017, 'leeds-partners-in-practice-2020': pip2020, 'leeds-scrutiny-2015': scrutiny2015 };
const STRESS_RUNS = 2000;

/** A line's figure as its source prints it: exactly `decimals` places (70.54 days, Z 6.50, £406,466.60). */
function fmtLine(x: number | null, decimals: number): string {
  return x === null ? '–' : formatFixed(x, decimals);
}

@customElement('cs-worksheets')
export class CsWorksheets extends LitElement {
  static override styles = css`
    :host { display: block; font-size: 0.88rem; }
    select, button { font: inherit; padding: 0.2rem 0.5rem; }
    select:focus-visible, button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    .side { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(30rem, 100%), 1fr)); gap: 1rem; }
    table { border-collapse: collapse; width: 100%; }
    caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
    th, td { text-align: right; padding: 0.2rem 0.4rem; border-bottom: 1px solid #eee; vertical-align: top; }
    th:first-child, td:first-child { text-align: left; }
    td.off { background: #fde2e2; font-weight: 600; }
    .source { color: #555; font-size: 0.75rem; }
    .error { color: #a00; }
    select { max-width: 100%; }
    /* A narrow screen scrolls a wide table inside itself, not the page. */
    @media (max-width: 48rem) { table { display: block; overflow-x: auto; } }
  `;

  @state() private _key = 'leeds-family-valued-2017';
  @state() private _stress: StressResult | undefined;

  private _worksheet(): { w?: Worksheet; errors: ScenarioError[] } {
    const errors: ScenarioError[] = [];
    const w = worksheetSchema(RAW[this._key], '', errors);
    return { w, errors };
  }

  override render() {
    const { w, errors } = this._worksheet();
    if (!w) return html`<p class="error">${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}</p>`;
    const rows = reproduce(w);
    const s = this._stress;
    const headline = w.items.find((i) => i.id === (s?.headline ?? w.headline))!;
    return html`
      <label>Published analysis
        <select id="worksheet" @change=${(e: Event) => { this._key = (e.target as HTMLSelectElement).value; this._stress = undefined; }}>
          ${Object.entries(RAW).map(([k, v]) => html`<option value=${k} ?selected=${k === this._key}>${(v as { name: string }).name}</option>`)}
        </select>
      </label>
      <button type="button" id="stress" @click=${() => (this._stress = stress(w, STRESS_RUNS, 'worksheet'))}>Stress-test (${STRESS_RUNS} draws)</button>
      <p>${w.description}</p>
      <div class="side">
        <table tabindex="0" id="reproduction">
          <caption>As published, reproduced line by line</caption>
          <thead><tr><th scope="col">Item</th><th scope="col">Published</th><th scope="col">Reproduced</th><th scope="col">Difference</th></tr></thead>
          <tbody>${rows.map(
            (r) => html`<tr>
              <td>${r.item}<div class="source">${r.source}${r.note ? ` — ${r.note}` : ''}</div></td>
              <td>${fmtLine(r.published, r.decimals)}</td>
              <td>${fmtLine(r.reproduced, r.decimals)}</td>
              <td class=${r.difference ? 'off' : ''}>${fmtLine(r.difference, r.decimals)}</td>
            </tr>`,
          )}</tbody>
        </table>
        ${s
          ? html`<div>
              <table tabindex="0" id="stressed">
                <caption>The same with distributions in place of point assumptions: the mean over draws, with P10 and P90</caption>
                <thead><tr><th scope="col">Item</th><th scope="col">Point</th><th scope="col">Mean</th><th scope="col">P10</th><th scope="col">P90</th></tr></thead>
                <tbody>${s.items.map((it) => html`<tr><td>${it.item}</td><td>${fmtLine(it.point, it.decimals)}</td><td>${fmtLine(it.spread.mean, it.decimals)}</td><td>${fmtLine(it.spread.p10, it.decimals)}</td><td>${fmtLine(it.spread.p90, it.decimals)}</td></tr>`)}</tbody>
              </table>
              <table tabindex="0" id="swings">
                <caption>What moves “${headline.item}”: each input at its P10 and P90</caption>
                <thead><tr><th scope="col">Input</th><th scope="col">P10 → result</th><th scope="col">P90 → result</th><th scope="col">Swing</th></tr></thead>
                <tbody>${s.sensitivity.map((x) => html`<tr><td>${x.input}</td><td>${formatSignificant(x.low, 4)} → ${fmtLine(x.outputAtLow, headline.decimals)}</td><td>${formatSignificant(x.high, 4)} → ${fmtLine(x.outputAtHigh, headline.decimals)}</td><td>${fmtLine(x.swing, headline.decimals)}</td></tr>`)}</tbody>
              </table>
            </div>`
          : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-worksheets': CsWorksheets;
  }
}
