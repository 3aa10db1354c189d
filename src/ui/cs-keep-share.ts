// <cs-keep-share>: save scenarios in this browser, export and import JSON, share by link, and download CSVs.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type RunSummary, runTotalsCsv, toCsv } from '../engine';
import { cannotDraw } from './editor-model';
import { emit } from './events';
import { OUT_OF_DATE_LINE } from './format';
import { deleteScenario, download, forgetUnreadable, MAX_IMPORT_BYTES, readSavedStore, readScenarioFile, savedScenarios, saveScenario, unreadableKeys, unreadableText } from './scenario-store';
import { shareLink } from './share-link';

@customElement('cs-keep-share')
export class CsKeepShare extends LitElement {
  static override styles = css`
    :host { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; font-size: 0.9rem; }
    fieldset { border: 1px solid #ddd; border-radius: 6px; display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: end; padding: 0.4rem 0.6rem; }
    legend { font-size: 0.8rem; color: #555; }
    input, select, button { font: inherit; font-size: 0.85rem; padding: 0.2rem 0.5rem; }
    input:focus-visible, select:focus-visible, button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    .message { flex-basis: 100%; font-size: 0.85rem; white-space: pre-wrap; }
    .error { color: #a00; }
    #link { width: 22rem; }
  `;

  /** The scenario as edited (raw JSON). */
  @property({ attribute: false }) raw: unknown;
  /** Its name, for files and saving. */
  @property() name = 'scenario';
  /** The latest results, for the CSV downloads. */
  @property({ attribute: false }) summary: RunSummary | undefined;
  /** The results were run before the scenario's last edit: the files say so, first line and name. */
  @property({ type: Boolean }) stale = false;
  /** How many scenarios the page has loaded: when another is loaded, what this panel said of the last one goes. */
  @property({ type: Number }) loads = 0;

  /** The load this panel's message is about (set when it speaks; a message survives the load it caused). */
  private _messageLoad = -1;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('loads') && changed.get('loads') !== undefined && this.loads > this._messageLoad + 1) this._say('');
  }

  /** Read first: a store that cannot be read is set aside before anything can be saved over it. */
  @state() private _store = readSavedStore();
  @state() private _saved = this._store.scenarios;
  /** Stores set aside because they could not be read, kept until the user forgets them. */
  @state() private _unreadable = unreadableKeys();
  @state() private _message = '';
  @state() private _error = '';
  @state() private _link = '';

  private _say(message: string, error = ''): void {
    this._message = message;
    this._error = error;
    this._messageLoad = this.loads;
  }

  private _save(): void {
    const name = this.renderRoot.querySelector<HTMLInputElement>('#save-name')!.value.trim();
    if (!name) {
      this._say('', 'Give the scenario a name to save it under.');
      return;
    }
    try {
      saveScenario(name, this.raw);
      this._saved = savedScenarios();
      this._unreadable = unreadableKeys();
      this._say(`Saved “${name}” in this browser.`);
      emit(this, 'saved-change', {});
    } catch (e) {
      this._say('', `Could not save in this browser: ${(e as Error).message}`);
    }
  }

  private _open(e: Event): void {
    const name = (e.target as HTMLSelectElement).value;
    if (!name) return;
    const refused = cannotDraw(this._saved[name]);
    if (refused !== undefined) this._say('', `“${name}” could not be opened here (${refused}); it stays saved as it is, and the scenario you had is as it was.`);
    else emit(this, 'scenario-load', { raw: this._saved[name], label: `Saved: ${name}` });
    (e.target as HTMLSelectElement).value = '';
    this._picked = name;
  }

  /** The saved scenario last picked in the list (the list goes back to its prompt once one is opened): what Delete deletes. */
  @state() private _picked = '';

  private _delete(): void {
    const name = this._picked;
    if (!name || !(name in this._saved)) return;
    this._picked = '';
    deleteScenario(name);
    this._saved = savedScenarios();
    emit(this, 'saved-change', {});
  }

  private async _import(e: Event): Promise<void> {
    // Keep the element: after an await the event no longer has a target.
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      input.value = '';
      this._say('', `${file.name} is ${(file.size / 1e6).toFixed(1)} MB, more than a scenario file can be (${MAX_IMPORT_BYTES / 1e6} MB): nothing was imported, and the scenario you had is as it was.`);
      return;
    }
    const { raw, problem } = readScenarioFile(new Uint8Array(await file.arrayBuffer()));
    input.value = '';
    if (raw === undefined) {
      this._say('', `${file.name} was not imported, and the scenario you had is as it was. ${problem}`);
      return;
    }
    const refused = cannotDraw(raw);
    if (refused !== undefined) {
      this._say('', `${file.name} was not imported, and the scenario you had is as it was: the editor cannot show it (${refused}).${problem ? `\n${problem}` : ''}`);
      return;
    }
    // An invalid scenario still loads into the editor, with its problems, so nothing is lost.
    emit(this, 'scenario-load', { raw, label: `Imported: ${file.name}` });
    this._say(problem ? '' : `Imported ${file.name}.`, problem);
  }

  private async _share(): Promise<void> {
    try {
      this._link = await shareLink(this.raw, location.href);
      history.replaceState(null, '', this._link);
      await navigator.clipboard?.writeText(this._link).catch(() => undefined);
      this._say('The link carries this scenario; it is in the box (and on the clipboard where the browser allows).');
    } catch (e) {
      this._say('', `Could not make a link: ${(e as Error).message}`);
    }
  }

  private _slug(): string {
    return this.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scenario';
  }

  private _downloadUnreadable(key: string): void {
    download(`saved-scenarios-unreadable${key.slice(key.lastIndexOf(':unreadable') + ':unreadable'.length).replace(':', '-')}.txt`, unreadableText(key), 'text/plain');
  }

  private _forgetUnreadable(key: string): void {
    forgetUnreadable(key);
    this._unreadable = unreadableKeys();
  }

  /** The stores set aside, each to download or forget; and why the current one could not be read. */
  private _renderUnreadable() {
    if (this._unreadable.length === 0 && !this._store.unreadable) return nothing;
    const why = this._store.unreadable ? ` (${this._store.unreadable.problem})` : '';
    const lost = this._store.unreadable && this._store.unreadable.keptAs === undefined;
    return html`<div class="message error" role="alert" id="unreadable">
      The scenarios saved in this browser could not be read${why}.
      ${lost ? 'This browser would not let them be set aside, so nothing will be saved over them.' : 'Their text is kept aside, untouched; new saves start a new list.'}
      ${lost ? html`<button type="button" class="download-unreadable" @click=${() => download('saved-scenarios-unreadable.txt', this._store.unreadable!.text, 'text/plain')}>Download the unreadable text</button>` : nothing}
      ${this._unreadable.map(
        (key) => html`<span class="unreadable-copy">
          <button type="button" class="download-unreadable" @click=${() => this._downloadUnreadable(key)}>Download the unreadable text</button>
          <button type="button" class="forget-unreadable" @click=${() => this._forgetUnreadable(key)}>Forget it</button>
        </span>`,
      )}
    </div>`;
  }

  /** A results file; one run before the scenario's last edit says so in its name and its first line. */
  private _results(kind: string, csv: string): void {
    const stale = this.stale ? OUT_OF_DATE_LINE : '';
    download(`${this._slug()}-${kind}${this.stale ? '-out-of-date' : ''}.csv`, `${stale}${csv}`, 'text/csv');
  }

  override render() {
    const names = Object.keys(this._saved).sort();
    return html`
      <fieldset>
        <legend>Keep</legend>
        <label>Name <input id="save-name" .value=${this.name} /></label>
        <button type="button" id="save" @click=${this._save}>Save in this browser</button>
        <label>Saved <select id="saved" @change=${this._open}>
          <option value="">${names.length ? 'Open a saved scenario…' : 'none yet'}</option>
          ${names.map((n) => html`<option value=${n}>${n}</option>`)}
        </select></label>
        <button type="button" id="delete-saved" @click=${this._delete} ?disabled=${!(this._picked in this._saved)}>${this._picked in this._saved ? `Delete “${this._picked}”` : 'Delete (pick one above)'}</button>
      </fieldset>
      <fieldset>
        <legend>Files and links</legend>
        <button type="button" id="export" @click=${() => download(`${this._slug()}.json`, `${JSON.stringify(this.raw, null, 2)}\n`, 'application/json')}>Export JSON</button>
        <label>Import JSON <input id="import" type="file" accept="application/json,.json" @change=${this._import} /></label>
        <button type="button" id="share" @click=${this._share}>Share link</button>
        ${this._link ? html`<input id="link" readonly .value=${this._link} aria-label="Share link" @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />` : nothing}
      </fieldset>
      <fieldset>
        <legend>Results</legend>
        <button type="button" id="csv-series" ?disabled=${!this.summary} @click=${() => this._results('series', toCsv(this.summary!))}>Series CSV</button>
        <button type="button" id="csv-runs" ?disabled=${!this.summary} @click=${() => this._results('runs', runTotalsCsv(this.summary!))}>Run totals CSV</button>
        ${this.stale && this.summary ? html`<span class="message" id="csv-stale">Out of date: these results were run before your last edit, and the files say so.</span>` : nothing}
      </fieldset>
      ${this._renderUnreadable()}
      ${this._message ? html`<div class="message" role="status">${this._message}</div>` : nothing}
      ${this._error ? html`<div class="message error" role="alert">${this._error}</div>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-keep-share': CsKeepShare;
  }
}
