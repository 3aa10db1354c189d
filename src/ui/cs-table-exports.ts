// <cs-table-exports>: every table on the page, in whichever element's shadow root it is drawn, listed by its caption and
// downloaded as CSV (table-csv.ts); one mechanism for all of them, so a new table needs nothing to be exported.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { download } from './scenario-store';
import { OUT_OF_DATE_LINE } from './format';
import { cellText, hasBodyRows, tableCsv } from './table-csv';

/** A label longer than this is cut at a word (the select stays readable; the file name is cut shorter). */
const LABEL_CHARACTERS = 90;
const SLUG_CHARACTERS = 60;

/** Every table with a row beyond its header, under `root` and every shadow root within it, in the order drawn. */
export function findTables(root: ParentNode): HTMLTableElement[] {
  const found: HTMLTableElement[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (el instanceof HTMLTableElement && hasBodyRows(el)) found.push(el);
    if (el.shadowRoot) found.push(...findTables(el.shadowRoot));
  }
  return found;
}

/** The last heading before `node` in its root, or in its host's, and so on out to the document. */
function precedingHeading(node: Node): string {
  for (let at: Node | undefined = node; at; ) {
    const root = at.getRootNode() as Document | ShadowRoot;
    const before = Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6')).filter((h) => h.compareDocumentPosition(at!) & Node.DOCUMENT_POSITION_FOLLOWING);
    const text = before.length ? cellText(before[before.length - 1]!) : '';
    if (text) return text;
    at = root instanceof ShadowRoot ? root.host : undefined;
  }
  return '';
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:(–-]+$/, '')}…`;
}

/** A table's name in the list: its caption, else the nearest heading before it, else "Table n" (n from 1). */
export function tableLabel(table: HTMLTableElement, n: number): string {
  const caption = table.caption ? cellText(table.caption) : '';
  return shorten(caption || precedingHeading(table) || `Table ${n}`, LABEL_CHARACTERS);
}

/** A label as a file name's stem: lower case, letters and digits joined by hyphens, cut at a hyphen. */
export function slug(text: string): string {
  const full = text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const cut = full.length <= SLUG_CHARACTERS ? full : full.slice(0, SLUG_CHARACTERS).replace(/-[^-]*$/, '');
  return cut || 'table';
}

/** Whether `node` is drawn inside the results section (through however many shadow roots). */
function inResults(node: Node): boolean {
  for (let at: Node | undefined = node; at; ) {
    if (at instanceof Element && at.closest('section#results')) return true;
    const root = at.getRootNode();
    at = root instanceof ShadowRoot ? root.host : undefined;
  }
  return false;
}

@customElement('cs-table-exports')
export class CsTableExports extends LitElement {
  static override styles = css`
    :host { display: flex; flex-wrap: wrap; gap: 0.4rem 0.6rem; align-items: end; font-size: 0.85rem; margin: 0.4rem 0; }
    select, button { font: inherit; font-size: 0.85rem; padding: 0.2rem 0.5rem; }
    label { display: flex; align-items: center; gap: 0.3rem; flex: 0 1 44rem; min-width: 0; }
    select { flex: 1; min-width: 0; }
    select:focus-visible, button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    .message { flex-basis: 100%; color: #555; }
  `;

  /** The results on screen were run before the scenario's last edit: a results table's file says so, name and first line. */
  @property({ type: Boolean }) stale = false;

  @state() private _tables: { label: string; table: HTMLTableElement }[] = [];
  @state() private _chosen = 0;
  @state() private _message = '';

  private _list(): void {
    const app = document.querySelector('cs-app');
    const tables = app?.shadowRoot ? findTables(app.shadowRoot) : [];
    const seen = new Map<string, number>();
    this._tables = tables.map((table, i) => {
      const label = tableLabel(table, i + 1);
      const times = (seen.get(label) ?? 0) + 1;
      seen.set(label, times);
      return { label: times > 1 ? `${label} (${times})` : label, table };
    });
    this._chosen = 0;
    this._message = `${tables.length} table${tables.length === 1 ? '' : 's'} on the page.`;
  }

  private _download(): void {
    const chosen = this._tables[this._chosen];
    if (!chosen) return;
    if (!chosen.table.isConnected) {
      this._message = 'That table has gone from the page since the list was made (a new run or a changed view redraws it): list the tables again.';
      return;
    }
    const stale = this.stale && inResults(chosen.table);
    const first = stale ? OUT_OF_DATE_LINE : '';
    download(`${slug(chosen.label)}${stale ? '-out-of-date' : ''}.csv`, `${first}${tableCsv(chosen.table)}`, 'text/csv');
    this._message = '';
  }

  override render() {
    const none = this._tables.length === 0;
    return html`
      <button type="button" id="list-tables" @click=${this._list}>List the tables</button>
      <label>Table
        <select id="tables" ?disabled=${none} @change=${(e: Event) => (this._chosen = Number((e.target as HTMLSelectElement).value))}>
          ${this._tables.map((t, i) => html`<option value=${i} ?selected=${i === this._chosen}>${t.label}</option>`)}
        </select>
      </label>
      <button type="button" id="download-table" ?disabled=${none} @click=${this._download}>Download CSV</button>
      ${this._message ? html`<span class="message" role="status">${this._message}</span>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-table-exports': CsTableExports;
  }
}
