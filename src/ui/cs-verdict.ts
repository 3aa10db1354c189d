// <cs-verdict>: the answer said once, in words, at the top: for the comparison in focus, from the numbers below it.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CoordinatorAnswer, RunSummary } from '../engine';
import type { Scenario } from '../scenario/schema';
import { emit } from './events';
import { verdict } from './verdict';

@customElement('cs-verdict')
export class CsVerdict extends LitElement {
  static override styles = css`
    :host { display: block; border-left: 6px solid #0072b2; background: #f3f8fc; padding: 0.6rem 1rem; margin: 0.75rem 0; }
    :host([stale]) { border-left-color: #b35900; background: #fdf3ec; }
    h2 { font-size: 1.1rem; margin: 0 0 0.4rem; }
    p { margin: 0.3rem 0; line-height: 1.45; }
    .stale { font-weight: 600; color: #8a3d00; }
    .basis { font-size: 0.85rem; color: #444; }
    label { font-size: 0.9rem; }
    select { font: inherit; max-width: 100%; }
  `;

  @property({ attribute: false }) summary: RunSummary | undefined;
  /** The scenario the summary was run from. */
  @property({ attribute: false }) scenario: Scenario | undefined;
  /** The option in focus (1 = the first). */
  @property({ type: Number }) focusArm = 1;
  @property({ attribute: false }) answer: CoordinatorAnswer | undefined;
  /** The scenario was edited after this run: said first, and kept in print. */
  @property({ type: Boolean, reflect: true }) stale = false;
  /** Whether the run is still going (partial results). */
  @property({ type: Boolean }) partial = false;

  override render() {
    const { summary, scenario } = this;
    if (!summary || !scenario || summary.arms.length < 2 || this.partial) return html`<h2 id="verdict-heading">The answer</h2><p>${this.partial ? 'The answer is said when the run is done.' : 'Run the scenario to get the answer.'}</p>`;
    const focus = Math.min(Math.max(1, this.focusArm), summary.arms.length - 1);
    const v = verdict(summary, scenario, focus, this.answer);
    return html`
      <h2 id="verdict-heading">The answer${summary.arms.length > 2 ? nothing : html`: ${summary.arms[focus]!.name}`}</h2>
      ${this.stale ? html`<p class="stale" role="status" id="verdict-stale">Out of date: the scenario was edited after this run. Run it again for the answer to your edits.</p>` : nothing}
      ${summary.arms.length > 2
        ? html`<label>Comparison in focus
            <select id="focus" @change=${(e: Event) => emit(this, 'focus-change', { arm: Number((e.target as HTMLSelectElement).value) })}>
              ${summary.arms.slice(1).map((a, i) => html`<option value=${i + 1} ?selected=${i + 1 === focus}>${a.name} against ${summary.arms[0]!.name}</option>`)}
            </select></label>`
        : nothing}
      <div id="verdict">${v.sentences.map((s) => html`<p>${s}</p>`)}</div>
      <p class="basis">${summary.runs.toLocaleString('en-GB')} runs, seed “${summary.seed}”; every figure is the mean over runs with its P10 to P90.</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-verdict': CsVerdict;
  }
}
