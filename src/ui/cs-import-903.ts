// <cs-import-903>: a council's own SSDA903 return, dropped or chosen, read in this page's worker: nothing leaves the
// machine. Shows the files, the rows set aside and why, every problem with file, row and column, and what the
// episodes give; fits the scenario's care part to them on request (a `scenario-load`, as any scenario is loaded).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { importInWorker, type ImportView } from '../client/import-client';
import { AGE_BANDS, CARE_ROUTES, PLACEMENTS } from '../scenario/schema';
import { emit } from './events';
import { formatCount, formatFixed, formatShare } from './format';
import { toolStyles } from './tool-styles';

const BAND_LABEL: Record<string, string> = { under1: 'Under 1', age1to4: '1–4', age5to9: '5–9', age10to15: '10–15', age16plus: '16 and over' };
const ROUTE_LABEL: Record<string, string> = { returnHome: 'Home', specialGuardianship: 'Special guardianship / CAO', adoption: 'Adoption', other: 'Other', eighteen: 'At 18 or over' };
const PLACEMENT_LABEL: Record<string, string> = { kinship: 'Relatives or friends', inHouseFostering: "Council's foster carers", independentFostering: 'Agency foster carers', residential: 'Residential', other: 'Other' };
/** Problems listed on the page (all are counted; the command line lists every one). */
const LISTED = 200;

@customElement('cs-import-903')
export class CsImport903 extends LitElement {
  static override styles = [
    toolStyles,
    css`
      .drop { border: 2px dashed #888; border-radius: 8px; padding: 1rem; text-align: center; }
      .drop.over { border-color: #1f6feb; background: #eef4ff; }
      td.aside { color: #a00; }
    `,
  ];

  /** The scenario on the page (raw JSON): the one whose care part is fitted. */
  @property({ attribute: false }) raw: unknown;
  @state() private _view: ImportView | undefined;
  @state() private _busy = '';
  @state() private _error = '';
  @state() private _over = false;
  private _files: { name: string; text: string }[] = [];

  private async _read(list: FileList | null): Promise<void> {
    if (!list || list.length === 0 || this._busy) return;
    this._error = '';
    this._view = undefined;
    this._busy = `Reading ${list.length} file(s) in this page…`;
    try {
      this._files = await Promise.all([...list].map(async (f) => ({ name: f.name, text: await f.text() })));
      this._view = await importInWorker(this._files);
    } catch (e) {
      this._error = `The files could not be read: ${(e as Error).message}`;
    } finally {
      this._busy = '';
    }
  }

  private async _fit(): Promise<void> {
    if (!this._files.length || this.raw === undefined || this._busy) return;
    if (!this._view?.periods) {
      this._error = 'The return has no periods of care to fit to.';
      return;
    }
    this._busy = "Fitting the scenario's care part…";
    try {
      const view = await importInWorker(this._files, this.raw);
      const name = (this.raw as { name?: string }).name ?? 'the scenario';
      if (view.fitted) emit(this, 'scenario-load', { raw: view.fitted.scenario, label: `${name}, its care part fitted to your SSDA903 return` });
      this._view = view;
    } catch (e) {
      this._error = `The fit failed: ${(e as Error).message}`;
    } finally {
      this._busy = '';
    }
  }

  override render() {
    const v = this._view;
    return html`
      <p class="note" id="private">Your return stays on this computer: the files are read by this page, in its own worker, and are not sent anywhere.</p>
      <div class="drop ${this._over ? 'over' : ''}"
        @dragover=${(e: DragEvent) => { e.preventDefault(); this._over = true; }}
        @dragleave=${() => (this._over = false)}
        @drop=${(e: DragEvent) => { e.preventDefault(); this._over = false; void this._read(e.dataTransfer?.files ?? null); }}>
        <label>Drop the header and episodes files here (one or several years), or choose them
          <input id="files-903" type="file" accept=".csv,text/csv" multiple ?disabled=${!!this._busy} @change=${(e: Event) => void this._read((e.target as HTMLInputElement).files)} />
        </label>
      </div>
      ${this._busy ? html`<p role="status">${this._busy}</p>` : nothing}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${v ? this._renderView(v) : nothing}
    `;
  }

  private _renderView(v: ImportView) {
    const s = v.summary;
    const kinds = Object.entries(v.setAside.byKind);
    const last = s.cla.length - 1;
    return html`
      <p role="status" id="import-result">${formatCount(v.episodes)} episodes of ${formatCount(v.children)} children used: ${formatCount(v.periods)} periods of care, ${s.months[0] ?? ''} to ${s.months[last] ?? ''}; ${formatCount(v.setAside.rows)} row(s) set aside${kinds.length ? `: ${kinds.map(([k, n]) => `${n} ${k}`).join(', ')}` : ''}.</p>
      <table id="files-read"><caption>Files read</caption>
        <thead><tr><th scope="col">File</th><th scope="col">Kind</th><th scope="col">Rows</th><th scope="col">Collection year</th></tr></thead>
        <tbody>${v.files.map((f) => html`<tr><td>${f.name}</td><td>${f.kind}</td><td>${formatCount(f.rows)}</td><td>${f.year === undefined ? '—' : `${f.year}-${String((f.year + 1) % 100).padStart(2, '0')}`}</td></tr>`)}</tbody>
      </table>
      ${v.problemCount ? html`
        <details id="problems-903" open><summary>${formatCount(v.problemCount)} problem(s)${v.problemCount > LISTED ? `, the first ${LISTED} listed` : ''}</summary>
          <table><thead><tr><th scope="col">File</th><th scope="col">Row</th><th scope="col">Column</th><th scope="col">Problem</th><th scope="col">Row used?</th></tr></thead>
            <tbody>${v.problems.slice(0, LISTED).map((p) => html`<tr><td>${p.file}</td><td>${p.row}</td><td>${p.column ?? ''}</td><td>${p.message}</td><td class=${p.setAside ? 'aside' : ''}>${p.setAside ? 'set aside' : 'used'}</td></tr>`)}</tbody>
          </table>
        </details>` : html`<p>No problems found.</p>`}
      <table id="care-903"><caption>What the episodes give</caption><tbody>
        <tr><th scope="row">Children looked after at the end of ${s.months[last] ?? ''}</th><td>${formatCount(s.cla[last] ?? 0)}</td></tr>
        <tr><th scope="row">Periods starting / ending in the data</th><td>${formatCount(s.entries.reduce((a, b) => a + b, 0))} / ${formatCount(s.exits.reduce((a, b) => a + b, 0))}</td></tr>
        <tr><th scope="row">Re-entries (a child's second or later period)</th><td>${formatCount(s.reEntries)}</td></tr>
        <tr><th scope="row">Changes of placement a child-year</th><td>${formatFixed(s.moves.perChildYear, 2)} (${formatCount(s.moves.count)} in ${formatCount(Math.round(s.moves.childYears))} child-years)</td></tr>
      </tbody></table>
      <table id="entry-903"><caption>Entries by age at entry, and placement at entry</caption>
        <thead><tr><th scope="col">Age at entry</th><th scope="col">Entries</th>${PLACEMENTS.map((p) => html`<th scope="col">${PLACEMENT_LABEL[p]}</th>`)}</tr></thead>
        <tbody>${AGE_BANDS.map((b) => html`<tr><th scope="row">${BAND_LABEL[b]}</th><td>${formatCount(s.entriesByAge[b])}</td>${PLACEMENTS.map((p) => html`<td>${formatCount(s.placementAtEntry[b][p])}</td>`)}</tr>`)}</tbody>
      </table>
      <table id="exit-903"><caption>Leaving care by route: exits in the data, and the share of periods started in the data that left by each route within ${s.timeToExit.years.join(', ')} years (periods still open counted as censored; ${formatCount(s.timeToExit.periods)} periods, ${formatCount(s.timeToExit.censored)} open)</caption>
        <thead><tr><th scope="col">Route</th><th scope="col">Exits</th>${s.timeToExit.years.map((y) => html`<th scope="col">By ${y} year${y > 1 ? 's' : ''}</th>`)}</tr></thead>
        <tbody>${[...CARE_ROUTES, 'eighteen' as const].map((r) => html`<tr><th scope="row">${ROUTE_LABEL[r]}</th><td>${formatCount(s.exitsByRoute[r])}</td>${s.timeToExit.byRoute[r].map((x) => html`<td>${Number.isFinite(x) ? formatShare(x) : '—'}</td>`)}</tr>`)}
          <tr><th scope="row">Still in care</th><td></td>${s.timeToExit.stillInCare.map((x) => html`<td>${Number.isFinite(x) ? formatShare(x) : '—'}</td>`)}</tr></tbody>
      </table>
      <p><button type="button" id="fit-903" ?disabled=${!!this._busy || this.raw === undefined} @click=${() => void this._fit()}>Fit this scenario's care part to the return</button>
        <span class="note">Month 0 becomes 31 March before your first return's year, with the children in care then, and your own children in care, entries and exits by month become the scenario's observed series, so the run is set beside them (move the start month to your latest 31 March to forecast); placement at entry, changes of placement and the routes out of care come from the episodes. The fitted scenario holds your monthly counts, unsuppressed: treat it as you treat the return before sharing or saving it.</span></p>
      ${v.fitted?.notes.length ? html`<ul>${v.fitted.notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-import-903': CsImport903;
  }
}
