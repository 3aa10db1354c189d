// <cs-council-start>: "Start from a council". Pick any English council and a 31 March; the scenario is built from the
// council table (src/councils/build-scenario.ts) and loaded as any scenario is (a `scenario-load` event). The fit's
// check (the counterfactual through the fitting years against the published flows) and its refinement run on the
// page's worker pool through `evaluate`; the council is shown beside its statistical neighbours.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Evaluate } from '../engine';
import { buildCouncilScenario, latestYear, type BuiltCouncil } from '../councils/build-scenario';
import { COUNCIL_TABLE } from '../councils/council';
import { Published } from '../councils/published';
import { checkFit, refineFit, type FitCheck } from '../councils/refine';
import { emit } from './events';
import { formatCount } from './format';
import { toolStyles } from './tool-styles';
import './cs-neighbours';

const SERIES_LABEL: Record<string, string> = { referrals: 'Referrals', claEntries: 'Children starting care', claExits: 'Children ceasing care', cpEntries: 'CP plans starting', claReturnsHome: 'Returns home from care', claSpecialGuardianship: 'Special guardianship and child arrangements orders', claAdopted: 'Adoptions', cla: 'Children looked after, 31 March', cp: 'CP plans, 31 March' };

/** Every council in the table, by name (with its DfE code), for the picker. */
const COUNCILS = Object.entries(COUNCIL_TABLE.councils)
  .map(([code, c]) => ({ code, name: c.info.name, label: `${c.info.name} (${code})` }))
  .sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code));

@customElement('cs-council-start')
export class CsCouncilStart extends LitElement {
  static override styles = [
    toolStyles,
    css`
      .pick { display: flex; gap: 1rem; align-items: end; flex-wrap: wrap; }
      input[list] { min-width: 18rem; }
      ul.warnings { color: #5b4300; }
      td.out { color: #a00; font-weight: 600; }
    `,
  ];

  /** Runs a scenario on the page's worker pool. */
  @property({ attribute: false }) evaluate: Evaluate | undefined;
  /** The scenario on the page as edited (raw JSON): a refinement keeps its edits (the coordinators, say). */
  @property({ attribute: false }) raw: unknown;
  @state() private _text = '';
  @state() private _year: number | undefined;
  @state() private _built: BuiltCouncil | undefined;
  @state() private _error = '';
  @state() private _check: FitCheck | undefined;
  @state() private _busy = '';
  /** Said when a check was cancelled (another run on the page's pool took its place): a status, not an error. */
  @state() private _note = '';

  private get _council(): Published | undefined {
    const found = COUNCILS.find((c) => c.label === this._text || c.name === this._text || c.code === this._text.trim());
    const p = Published.of(found?.code ?? this._text);
    return p.ok ? p.value : undefined;
  }

  /** The 31 Marches the council has CLA and CP counts for, newest first. */
  private _years(p: Published | undefined): number[] {
    return p ? p.years.filter((y) => p.value('claAt31March', y) !== undefined && p.value('cppAt31March', y) !== undefined).reverse() : [];
  }

  private _build(): void {
    const p = this._council;
    this._check = undefined;
    this._busy = '';
    this._note = '';
    const built = buildCouncilScenario(p?.code ?? this._text, this._year === undefined ? {} : { year: this._year });
    if (!built.ok) {
      this._error = built.error;
      this._built = undefined;
      return;
    }
    this._error = '';
    this._built = built.value;
    emit(this, 'scenario-load', { raw: built.value.scenario, label: `Built from DfE's figures for ${built.value.name}, 31 March ${built.value.year}` });
  }

  private async _checkFit(refine: boolean): Promise<void> {
    const built = this._built;
    const evaluate = this.evaluate;
    if (!built || !evaluate) return;
    this._error = '';
    this._note = '';
    // The page's scenario, if it is still this council's (edited or not): its edits are kept; else the one built.
    const onPage = this.raw as { name?: unknown } | undefined;
    const base = onPage && onPage.name === built.scenario.name ? { ...built, scenario: structuredClone(onPage) } : built;
    try {
      let council = base;
      if (refine) {
        this._busy = 'Refining the fit: round 1 of 3…';
        const refined = await refineFit(base, evaluate, { onRound: (r) => (this._busy = `Refining the fit: round ${Math.min(r + 1, 3)} of 3…`) });
        if (!refined.ok) throw new Error(refined.error);
        council = refined.value;
      }
      this._busy = "Checking the fit: 100 runs through the fitting years…";
      const checked = await checkFit(council, evaluate, 100, `${council.scenario.simulation.seed}-check`);
      if (!checked.ok) throw new Error(checked.error);
      this._check = checked.value;
      if (refine) {
        this._built = council;
        emit(this, 'scenario-load', { raw: council.scenario, label: `Built from DfE's figures for ${council.name}, 31 March ${council.year}, its fit refined` });
      }
    } catch (e) {
      if ((e as Error).name === 'CancelledError') this._note = `The fit's check stopped (${(e as Error).message}) Check again when you are ready.`;
      else this._error = `The fit's check stopped: ${(e as Error).message}`;
    } finally {
      this._busy = '';
    }
  }

  override render() {
    const p = this._council;
    const years = this._years(p);
    const built = this._built;
    return html`
      <div class="pick">
        <label>Council (name or DfE code)
          <input id="council" list="councils" .value=${this._text} autocomplete="off"
            @input=${(e: Event) => { this._text = (e.target as HTMLInputElement).value; this._year = undefined; }} />
        </label>
        <datalist id="councils">${COUNCILS.map((c) => html`<option value=${c.label}></option>`)}</datalist>
        <label>Month 0 on 31 March of
          <select id="council-year" ?disabled=${!years.length} @change=${(e: Event) => (this._year = Number((e.target as HTMLSelectElement).value))}>
            ${years.map((y) => html`<option value=${y} ?selected=${y === (this._year ?? (p && latestYear(p)))}>${y}</option>`)}
          </select>
        </label>
        <button type="button" id="build-council" ?disabled=${!this._text.trim() || !!this._busy} @click=${() => this._build()}>Build the scenario</button>
      </div>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${built ? this._renderBuilt(built) : html`<p class="note">Any English council: month 0 is DfE's children looked after and CP plans on that 31 March, the flows are fitted to the four years to it, and every value says where it came from. Nothing leaves this page.</p>`}
    `;
  }

  private _renderBuilt(built: BuiltCouncil) {
    const s = built.fit.series;
    const n = (x: number) => formatCount(Math.round(x));
    return html`
      <p role="status" id="built">Built <strong>${built.name}</strong> from 31 March ${built.year}: ${n(built.scenario.initialStocks.cla.value)} children looked after and ${n(built.scenario.initialStocks.cp.value)} on CP plans at month 0; the flows fitted to ${built.fit.years.join(', ')}. Set the coordinators in each arm (the inputs, "Arms"): they are placeholders.</p>
      ${built.warnings.length ? html`<ul class="warnings">${built.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : nothing}
      <table>
        <caption>What the analytic fit rests on: ${built.name}'s published figures (DfE), a year to 31 March</caption>
        <thead><tr><th scope="col">Figure</th>${built.fit.years.map((y) => html`<th scope="col">${y}</th>`)}<th scope="col">Mean</th></tr></thead>
        <tbody>${Object.values(s).map((x) => html`<tr><th scope="row">${x.label}</th>${built.fit.years.map((y) => html`<td>${(v => (v === undefined ? '—' : n(v)))(x.years.find((v) => v.year === y)?.value)}</td>`)}<td>${n(x.mean)}</td></tr>`)}</tbody>
      </table>
      <div class="pick">
        <button type="button" id="check-fit" ?disabled=${!!this._busy || !this.evaluate} @click=${() => void this._checkFit(false)}>Check the fit (100 runs)</button>
        <button type="button" id="refine-fit" ?disabled=${!!this._busy || !this.evaluate} @click=${() => void this._checkFit(true)}>Refine the fit by simulation, then check</button>
        <span class="note">Refining scales referrals, the shares going to CP and care, the routes out of care and CP plans' length, keeps your other edits, and loads the result.</span>
        ${this._busy || this._note ? html`<span role="status">${this._busy || this._note}</span>` : nothing}
      </div>
      ${this._check ? this._renderCheck(this._check) : nothing}
      <cs-neighbours .council=${built.code}></cs-neighbours>
    `;
  }

  private _renderCheck(check: FitCheck) {
    const n = (x: number) => formatCount(Math.round(x));
    return html`
      <table id="fit-check">
        <caption>The fit's check: the counterfactual from the 31 March before the fitting years, published against simulated (mean, P5–P95 of 100 runs); ${check.coverage.inside} of ${check.coverage.of} published flows inside P5–P95</caption>
        <thead><tr><th scope="col">Figure</th><th scope="col">Year to 31 March</th><th scope="col">Published</th><th scope="col">Simulated mean</th><th scope="col">P5–P95</th></tr></thead>
        <tbody>
          ${check.totals.map((t) => html`<tr><th scope="row">${SERIES_LABEL[t.metric] ?? t.metric}</th><td>${t.to.slice(0, 4)}</td><td class=${t.inside ? '' : 'out'}>${n(t.observed)}${t.inside ? '' : ' (outside)'}</td><td>${n(t.mean)}</td><td>${n(t.p5)}–${n(t.p95)}</td></tr>`)}
          ${check.stocks.map((x) => html`<tr><th scope="row">${SERIES_LABEL[x.metric]}</th><td>${x.year}</td><td>${n(x.published)}</td><td>${n(x.p50)} (median)</td><td>${n(x.p5)}–${n(x.p95)}</td></tr>`)}
        </tbody>
      </table>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-council-start': CsCouncilStart;
  }
}
