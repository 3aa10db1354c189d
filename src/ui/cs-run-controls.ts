// <cs-run-controls>: runs and seed, Run and Cancel, and a progress bar with time left.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatCount, formatDuration } from './format';
import { emit } from './events';

@customElement('cs-run-controls')
export class CsRunControls extends LitElement {
  static override styles = css`
    :host { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
    label { display: flex; flex-direction: column; font-size: 0.85rem; color: #444; }
    input { font: inherit; padding: 0.3rem 0.4rem; width: 9rem; }
    button { font: inherit; padding: 0.4rem 1rem; cursor: pointer; }
    button:focus-visible, input:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    .progress { flex: 1 1 16rem; min-width: 12rem; }
    progress { width: 100%; height: 0.9rem; }
    .status { font-size: 0.85rem; color: #444; }
    .invalid { color: #a00; font-size: 0.85rem; }
  `;

  /** Whether a job (the runs the user asked for) is in flight. */
  @property({ type: Boolean }) running = false;
  /** Runs done and planned in the current job. */
  @property({ type: Number }) done = 0;
  @property({ type: Number }) total = 0;
  /** Seconds left in the current run (src/client/time-left.ts), once a tenth of its runs are done. */
  @property({ attribute: false }) left: number | undefined;
  /** Why Run is disabled, if it is (e.g. the scenario has errors). */
  @property() blocked = '';
  /** How the last run ended when it did not end well (stopped, failed), in the run controller's words. */
  @property() note = '';
  /** The main run waits its turn behind another job. */
  @property({ type: Boolean }) waiting = false;
  /** The page's queue of jobs on the workers, in words (empty when only the main run, or nothing, runs). */
  @property() queue = '';
  /** Runs and seed to show, from the scenario. */
  @property({ type: Number }) runs = 200;
  @property() seed = '';

  @state() private _runsError = '';

  private _run(): void {
    const runsInput = this.renderRoot.querySelector<HTMLInputElement>('#runs')!;
    const runs = Number(runsInput.value);
    if (!Number.isInteger(runs) || runs < 1 || runs > 100_000) {
      this._runsError = `Runs must be a whole number from 1 to 100,000, got ${runsInput.value || 'nothing'}`;
      return;
    }
    this._runsError = '';
    const seed = this.renderRoot.querySelector<HTMLInputElement>('#seed')!.value.trim() || this.seed;
    emit(this, 'run-request', { runs, seed });
  }

  /** Cancel takes Run's place, so the second click of a double-click on Run (the browser counts it: detail 2) must not cancel. */
  private _cancel(e: MouseEvent): void {
    if (e.detail > 1) return;
    emit(this, 'cancel-request', {});
  }

  private _randomiseSeed(): void {
    const seedInput = this.renderRoot.querySelector<HTMLInputElement>('#seed')!;
    // The UI may pick a seed at random; the engine itself never uses an unseeded generator.
    seedInput.value = `seed-${Math.floor(Math.random() * 1e9).toString(36)}`;
  }

  override render() {
    // Time left only while a run goes on (a cancelled or failed run has none), once a tenth of it is done.
    const left = this.running && this.total > this.done ? this.left : undefined;
    const estimating = this.running && this.total > this.done && left === undefined && this.done > 0;
    return html`
      <label>Runs <input id="runs" type="number" min="1" max="100000" step="1" .value=${String(this.runs)} ?disabled=${this.running} /></label>
      <label>Seed <input id="seed" type="text" .value=${this.seed} ?disabled=${this.running} /></label>
      <button type="button" @click=${this._randomiseSeed} ?disabled=${this.running}>Random seed</button>
      ${this.running || this.waiting
        ? html`<button type="button" id="cancel" @click=${this._cancel}>${this.waiting ? 'Cancel the waiting run' : 'Cancel'}</button>`
        : html`<button type="button" id="run" @click=${this._run} ?disabled=${!!this.blocked} aria-describedby="blocked">Run</button>`}
      <div class="progress">
        ${this.running || this.done > 0 || this.note
          ? html`<progress id="bar" max=${Math.max(1, this.total)} .value=${this.done} aria-label="Runs done"></progress>
              <div class="status" aria-live="polite" data-left-s=${left ?? ''}>${formatCount(this.done)} of ${formatCount(this.total)} runs${left !== undefined ? html`, about ${formatDuration(left)} left` : estimating ? ', time left shown after a tenth of the runs' : nothing}${!this.running && this.done === this.total ? ' — done' : ''}${this.note ? ` — ${this.note}` : ''}</div>`
          : nothing}
        ${this.queue ? html`<div class="queue" id="job-queue" role="status">${this.queue}</div>` : nothing}
      </div>
      ${this.blocked ? html`<div id="blocked" class="invalid" role="status">${this.blocked}</div>` : nothing}
      ${this._runsError ? html`<div class="invalid" role="alert">${this._runsError}</div>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-run-controls': CsRunControls;
  }
}
