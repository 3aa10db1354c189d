// <cs-compare>: two or more scenarios side by side: the inputs that differ, and their results overlaid.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { RunSummary } from '../engine';
import { differingInputs, overlay } from './compare';
import { emit } from './events';
import { inputLabel } from './field-labels';
import { formatCount, formatGbpMillions, formatShare } from './format';
import { savedScenarios } from './scenario-store';
import './cs-fan-chart';

/** A scenario in the comparison: its label and raw JSON. */
export interface CompareEntry {
  label: string;
  raw: unknown;
}

@customElement('cs-compare')
export class CsCompare extends LitElement {
  static override styles = css`
    :host { display: block; font-size: 0.9rem; }
    fieldset { border: 1px solid #ddd; border-radius: 6px; }
    label { display: inline-flex; gap: 0.3rem; margin-right: 1rem; }
    button { font: inherit; padding: 0.3rem 0.9rem; }
    button:focus-visible, input:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
    th, td { text-align: right; padding: 0.25rem 0.5rem; border-bottom: 1px solid #eee; vertical-align: top; }
    th:first-child, td:first-child { text-align: left; }
    td.diff { background: #fff4d6; }
    .path { display: block; color: #555; font-family: ui-monospace, monospace; font-size: 0.75rem; overflow-wrap: anywhere; }
    .error { color: #a00; }
    /* A narrow screen scrolls a wide table inside itself, not the page. */
    @media (max-width: 48rem) { table { display: block; overflow-x: auto; } }
  `;

  /** The scenario open in the editor, always offered. */
  @property({ attribute: false }) current: CompareEntry | undefined;
  /** Results per compared scenario, in the order chosen (set by the app). */
  @property({ attribute: false }) results: RunSummary[] | undefined;
  /** The scenarios those results belong to. */
  @property({ attribute: false }) compared: CompareEntry[] | undefined;
  @property() progress = '';
  @property({ type: Boolean }) running = false;
  /** Bumped by the app when a scenario is saved or deleted in this browser: the list reads the store again. */
  @property({ type: Number }) savedVersion = 0;
  /** Why the scenario open now cannot be compared (it has problems); empty if it can. */
  @property() blocked = '';

  @state() private _error = '';
  /** The saved scenarios ticked, by name: a tick stays with its scenario as the list changes. */
  @state() private _ticked = new Set<string>();
  /** The scenario open now is ticked. */
  @state() private _currentTicked = true;

  protected override willUpdate(changed: Map<string, unknown>): void {
    // A deleted scenario's tick goes with it (so one saved again under its name comes back unticked).
    if (changed.has('savedVersion')) {
      const saved = savedScenarios();
      const kept = [...this._ticked].filter((n) => n in saved);
      if (kept.length !== this._ticked.size) this._ticked = new Set(kept);
    }
  }

  private _tick(name: string, on: boolean): void {
    const next = new Set(this._ticked);
    if (on) next.add(name);
    else next.delete(name);
    this._ticked = next;
  }

  private _start(): void {
    const saved = savedScenarios();
    // The one open now first, then the saved ones in the list's order.
    const entries: CompareEntry[] = [
      ...(this._currentTicked && !this.blocked && this.current ? [this.current] : []),
      ...Object.keys(saved).sort().filter((n) => this._ticked.has(n)).map((n) => ({ label: n, raw: saved[n] })),
    ];
    if (entries.length < 2) {
      this._error = `Choose two or more scenarios to compare (${entries.length} chosen).`;
      return;
    }
    this._error = '';
    emit(this, 'compare-request', { entries });
  }

  override render() {
    const saved = Object.keys(savedScenarios()).sort();
    const compared = this.compared ?? [];
    const results = this.results ?? [];
    const diffs = compared.length >= 2 ? differingInputs(compared.map((c) => c.raw)) : [];
    const overlaid = results.length >= 2 ? overlay(compared.map((c) => c.label), results) : undefined;
    return html`
      <fieldset>
        <legend>Scenarios to compare (saved in this browser, and the one open now)</legend>
        <label><input type="checkbox" name="compare" value="__current__" .checked=${!this.blocked && this._currentTicked} ?disabled=${!!this.blocked}
          aria-describedby=${this.blocked ? 'compare-blocked' : nothing} @change=${(e: Event) => (this._currentTicked = (e.target as HTMLInputElement).checked)} /> ${this.current?.label ?? 'current'}</label>
        ${repeat(saved, (n) => n, (n) => html`<label><input type="checkbox" name="compare" value=${n} .checked=${this._ticked.has(n)} @change=${(e: Event) => this._tick(n, (e.target as HTMLInputElement).checked)} /> ${n}</label>`)}
        ${saved.length === 0 ? html`<span>Save a scenario to compare it with this one.</span>` : nothing}
        <button type="button" id="compare-run" @click=${this._start} ?disabled=${this.running}>Compare</button>
        <span aria-live="polite">${this.progress}</span>
        ${this.blocked ? html`<p class="error" id="compare-blocked">${this.blocked}</p>` : nothing}
      </fieldset>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${compared.length >= 2
        ? html`<table tabindex="0" id="compare-inputs">
            <caption>Inputs that differ</caption>
            <thead><tr><th scope="col">Input</th>${compared.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
            <tbody>${diffs.map((d) => html`<tr><td>${inputLabel(d.path, this.current?.raw)}<span class="path">${d.path}</span></td>${d.values.map((v) => html`<td class="diff">${v}</td>`)}</tr>`)}</tbody>
          </table>`
        : nothing}
      ${results.length >= 2
        ? html`<table tabindex="0" id="compare-results">
              <caption>Results (same runs and seed)</caption>
              <thead><tr><th scope="col">Scenario: arm</th><th scope="col">CLA at the horizon (mean)</th><th scope="col">Total cost (mean, P10 to P90)</th><th scope="col">Saving (mean, P10 to P90)</th><th scope="col">Chance of a saving</th></tr></thead>
              <tbody>${results.flatMap((s, i) =>
                s.arms.map((a, j) => {
                  const c = j > 0 ? s.comparisons[j - 1] : undefined;
                  return html`<tr><td>${compared[i]!.label}: ${a.name}</td><td>${formatCount(a.series.cla.mean.at(-1)!)}</td><td>${formatGbpMillions(a.totals.cost.mean)} (P10 ${formatGbpMillions(a.totals.cost.p10)} to P90 ${formatGbpMillions(a.totals.cost.p90)})</td><td>${c ? `${formatGbpMillions(c.saving.mean)} (P10 ${formatGbpMillions(c.saving.p10)} to P90 ${formatGbpMillions(c.saving.p90)})` : 'reference'}</td><td>${c ? formatShare(c.probabilityOfSaving) : ''}</td></tr>`;
                }),
              )}</tbody>
            </table>
            ${overlaid
              ? html`<cs-fan-chart .summary=${overlaid} metric="cla" heading="Children looked after, every scenario and arm" unit="children at month end"></cs-fan-chart>`
              : html`<p>The scenarios cover different months, so their series are not overlaid.</p>`}`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-compare': CsCompare;
  }
}
