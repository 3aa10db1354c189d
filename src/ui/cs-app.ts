// <cs-app>: loads the default scenario, runs it in the engine worker and shows the headline results per arm.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import leeds from '../../scenarios/leeds-2015-family-valued.json';
import type { RunSummary } from '../engine/api';
import { enginePool } from '../client/engine-client';
import { formatErrors, parseScenario } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { formatCount, formatGbpMillions, formatShare } from './format';

/** Runs the app starts with: enough for stable bands, quick on a laptop. */
const FIRST_RUNS = 100;

@customElement('cs-app')
export class CsApp extends LitElement {
  static override styles = css`
    :host { display: block; font: 15px/1.5 system-ui, sans-serif; color: #1b1b1b; max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
    h1 { font-size: 1.4rem; margin: 0 0 0.25rem; }
    p.lede { margin: 0 0 1rem; color: #4a4a4a; }
    table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
    th, td { text-align: right; padding: 0.4rem 0.6rem; border-bottom: 1px solid #ddd; }
    th:first-child, td:first-child { text-align: left; }
    caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
    .band { color: #666; font-size: 0.85em; }
    .error { color: #a00; white-space: pre-wrap; }
    button { font: inherit; padding: 0.35rem 0.9rem; }
    button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
  `;

  @state() private _scenario: Scenario | undefined;
  @state() private _summary: RunSummary | undefined;
  @state() private _error = '';
  @state() private _running = false;

  override connectedCallback(): void {
    super.connectedCallback();
    const parsed = parseScenario(leeds);
    if (!parsed.ok) {
      this._error = formatErrors(parsed.errors);
      return;
    }
    this._scenario = parsed.value;
    void this._run();
  }

  private async _run(): Promise<void> {
    if (!this._scenario) return;
    this._running = true;
    this._error = '';
    try {
      this._summary = await enginePool().run(this._scenario, { runs: FIRST_RUNS });
    } catch (e) {
      if ((e as Error).name === 'CancelledError') return;
      this._error = `The run failed: ${(e as Error).message}`;
    } finally {
      this._running = false;
    }
  }

  override render() {
    const s = this._summary;
    const last = s ? s.months.length - 1 : 0;
    return html`
      <h1>FGC capacity: ${this._scenario?.name ?? 'loading…'}</h1>
      <p class="lede">${this._scenario?.description ?? ''}</p>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <p>
        <button @click=${() => this._run()} ?disabled=${this._running || !this._scenario}>Run again</button>
        <span aria-live="polite">${this._running ? ' Running…' : s ? ` ${s.runs} runs, seed “${s.seed}”, ${s.months[0]} to ${s.months[last]}.` : ''}</span>
      </p>
      ${s
        ? html`
            <table id="arms">
              <caption>Each arm over ${last} months (mean, with P5–P95)</caption>
              <thead>
                <tr><th scope="col">Arm</th><th scope="col">Coordinators (FTE)</th><th scope="col">Children looked after at ${s.months[last]}</th><th scope="col">FGCs held</th><th scope="col">Total cost</th></tr>
              </thead>
              <tbody>
                ${s.arms.map(
                  (a) => html`<tr>
                    <td>${a.name}</td>
                    <td>${a.coordinatorsFte}</td>
                    <td data-metric="cla">${formatCount(a.series.cla.mean[last]!)} <span class="band">(${formatCount(a.series.cla.p5[last]!)}–${formatCount(a.series.cla.p95[last]!)})</span></td>
                    <td>${formatCount(a.totals.fgcHeld.mean)}</td>
                    <td>${formatGbpMillions(a.totals.cost.mean)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
            <table id="savings">
              <caption>Against “${s.arms[0]!.name}” (computed run by run)</caption>
              <thead>
                <tr><th scope="col">Arm</th><th scope="col">Saving (P50)</th><th scope="col">P5 to P95</th><th scope="col">Children looked after avoided</th><th scope="col">Chance of a saving</th></tr>
              </thead>
              <tbody>
                ${s.comparisons.map(
                  (c) => html`<tr>
                    <td>${c.arm}</td>
                    <td data-metric="saving">${formatGbpMillions(c.saving.p50)}</td>
                    <td class="band">${formatGbpMillions(c.saving.p5)} to ${formatGbpMillions(c.saving.p95)}</td>
                    <td>${c.claAvoided.mean.toFixed(1)}</td>
                    <td>${formatShare(c.probabilityOfSaving)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          `
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-app': CsApp;
  }
}
