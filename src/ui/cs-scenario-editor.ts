// <cs-scenario-editor>: every input of a scenario, grouped, with its unit and source, as a fixed value or a distribution.
import PASSAGES from '../../scenarios/seed-passages.json';
import { citationKey, citationsIn } from '../scenario/citations';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { hasOwn, type ScenarioError } from '../scenario/check';
import { editorProblems, editScenario, START_MONTH } from './editor-edits';
import { emit } from './events';
import { fieldLabel, word } from './field-labels';
import { DIST_PARAMS, editorModel, FAMILY_PARAMS, startDistribution, switchFamily, type EditorRow } from './editor-model';
import { getAt } from './raw-path';
import { perConference } from '../scenario/effect-presets';

const PROVENANCE = ['unit', 'source', 'priceYear', 'note', 'grade', 'measure'];

/** A quantity's central value as the editor starts a distribution from it: its value, mode, mean or midpoint. */
function centralOf(node: Record<string, unknown>): number {
  return Number(node.value ?? node.mode ?? node.mean ?? (node.min !== undefined ? (Number(node.min) + Number(node.max)) / 2 : 0));
}

@customElement('cs-scenario-editor')
export class CsScenarioEditor extends LitElement {
  static override styles = css`
    :host { display: block; font-size: 0.9rem; }
    details.group { border: 1px solid #ddd; border-radius: 6px; margin-bottom: 0.5rem; background: #fff; }
    details.group > summary { padding: 0.4rem 0.6rem; font-weight: 600; cursor: pointer; }
    .body { padding: 0.2rem 0.6rem 0.6rem; }
    .row { display: grid; grid-template-columns: minmax(10rem, 16rem) auto 1fr; gap: 0.4rem; align-items: center; padding: 0.25rem 0; border-top: 1px solid #f0f0f0; }
    .row .label { font-weight: 500; }
    .path { color: #555; font-size: 0.75rem; font-weight: 400; display: block; overflow-wrap: anywhere; }
    .inputs { display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; }
    .inputs label { display: inline-flex; gap: 0.2rem; align-items: center; font-size: 0.8rem; color: #555; }
    input, select { font: inherit; font-size: 0.85rem; padding: 0.15rem 0.3rem; }
    input[type='number'] { width: 6.5rem; }
    input.year { width: 5.5rem; }
    .start { border-top: none; margin-bottom: 0.4rem; }
    input:focus-visible, select:focus-visible, summary:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    .unit { color: #555; font-size: 0.8rem; }
    .grade { color: #444; font-size: 0.75rem; background: #f3f3f3; border-radius: 4px; padding: 0 0.3rem; }
    details.source { grid-column: 2 / 4; font-size: 0.8rem; color: #444; overflow-wrap: anywhere; }
    details.source summary { cursor: pointer; color: #1f5fbf; }
    details.passage blockquote { margin: 0.3rem 0 0.3rem 1rem; padding-left: 0.6rem; border-left: 3px solid #bbb; font-style: italic; }
    .error { grid-column: 1 / 4; color: #a00; font-size: 0.85rem; }
    .sub { font-weight: 600; margin-top: 0.5rem; }
    input, select { max-width: 100%; }
    /* A narrow screen: each row's label above its inputs, its source and problems below, nothing wider than the screen. */
    @media (max-width: 40rem) {
      .row { grid-template-columns: minmax(0, 1fr); }
      details.source, .error { grid-column: 1; }
    }
  `;

  /** The scenario being edited, as raw JSON (it may be invalid). */
  @property({ attribute: false }) raw: unknown;

  private _errors: ScenarioError[] = [];
  private _model: ReturnType<typeof editorModel> = { ok: true, startMonth: '', groups: [] };

  override willUpdate(): void {
    this._model = editorModel(this.raw);
    this._errors = editorProblems(this.raw, this._model);
  }

  /** Every edit: the value as typed goes into the raw scenario (the app keeps it), with the scenario when it is valid. */
  private _set(path: string, value: unknown): void {
    const { raw, scenario } = editScenario(this.raw, path, value);
    emit(this, 'scenario-change', { raw, scenario });
  }

  /** An input's label, a caseload service's named after the service and its grades. */
  private _label(path: string): string {
    return fieldLabel(path, this.raw);
  }

  private _errorsAt(path: string): TemplateResult | typeof nothing {
    const mine = this._errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`) || e.path.startsWith(`${path}[`));
    return mine.length ? html`<div class="error" role="alert">${mine.map((e) => html`<div>${e.path}: ${e.message}</div>`)}</div>` : nothing;
  }

  /** A number input; `row` is the path of the input it is part of, whose label names it to a screen reader. */
  private _number(path: string, label: string, value: unknown, row = path): TemplateResult {
    return html`<label>${label}<input type="number" step="any" aria-label=${label ? `${this._label(row)}: ${label}` : this._label(row)} data-path=${path}
      .value=${typeof value === 'number' || typeof value === 'string' ? String(value) : ''}
      @change=${(e: Event) => {
        const text = (e.target as HTMLInputElement).value;
        this._set(path, text === '' ? undefined : Number(text));
      }} /></label>`;
  }

  /** A parameter: a number input, or a word where it is itself a distribution (edited in the file). */
  private _param(path: string, key: string, value: unknown): TemplateResult {
    return value !== null && typeof value === 'object' ? html`<span class="unit">${key}: distribution</span>` : this._number(`${path}.${key}`, key, value, path);
  }

  private _source(node: Record<string, unknown>): TemplateResult | typeof nothing {
    const source = node.source;
    if (typeof source !== 'string' || !source) return nothing;
    // Each seed citation opens to the passage it quotes (scenarios/seed-passages.json, checked against the seeds).
    const quoted = citationsIn(source).map(citationKey).filter((key, i, all) => all.indexOf(key) === i && (PASSAGES as Record<string, string>)[key]);
    return html`<details class="source"><summary>Source</summary>${source}${typeof node.note === 'string' ? html`<br />${node.note}` : nothing}
      ${quoted.map((key) => html`<details class="passage"><summary>${key}: the passage</summary><blockquote>${(PASSAGES as Record<string, string>)[key]}</blockquote></details>`)}</details>`;
  }

  /** A row: label and path, its inputs, then its source and problems. */
  private _line(path: string, inputs: TemplateResult | TemplateResult[], after: TemplateResult | typeof nothing = nothing, pathNote = ''): TemplateResult {
    return html`<div class="row">
      <span class="label">${this._label(path)}<span class="path">${path}${pathNote}</span></span>
      <span class="inputs">${inputs}</span>
      <span></span>
      ${after} ${this._errorsAt(path)}
    </div>`;
  }

  /** A fixed value or a distribution, with unit and source. */
  private _quantity(row: Extract<EditorRow, { kind: 'quantity' }>): TemplateResult {
    const { path, node, dist } = row;
    const central = centralOf(node);
    const change = (e: Event) => {
      const next = (e.target as HTMLSelectElement).value;
      const meta = Object.fromEntries(PROVENANCE.filter((k) => hasOwn(node, k)).map((k) => [k, node[k]]));
      const params = startDistribution(next, Number.isFinite(central) ? central : 0);
      this._set(path, next === 'fixed' ? { ...params, ...meta } : { dist: next, ...params, ...meta });
    };
    return this._line(
      path,
      html`<select aria-label=${`${this._label(path)}: distribution`} data-path=${`${path}.dist`} @change=${change}>
          ${Object.keys(DIST_PARAMS).map((d) => html`<option value=${d} ?selected=${d === dist}>${d}</option>`)}
          ${hasOwn(DIST_PARAMS, dist) ? nothing : html`<option selected disabled>${dist}</option>`}
        </select>
        ${row.params.map((k) => this._param(path, k, node[k]))}
        <span class="unit">${node.unit}</span>
        ${row.money ? this._priceYear(path, node.priceYear) : nothing}
        ${typeof node.grade === 'string' ? html`<span class="grade">evidence: ${node.grade}</span>` : nothing}
        ${node.measure === 'intention to treat' ? this._perConference(path, central) : nothing}`,
      this._source(node),
    );
  }

  /** A money input's price year, beside its value: as typed (an empty field takes it out; the validator asks for one). */
  private _priceYear(path: string, value: unknown): TemplateResult {
    return html`<label>Price year<input type="text" class="year" placeholder="YYYY/YY" aria-label=${`${this._label(path)}: price year`} data-path=${`${path}.priceYear`}
      .value=${typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)}
      @change=${(e: Event) => {
        const text = (e.target as HTMLInputElement).value;
        this._set(`${path}.priceYear`, text === '' ? undefined : text);
      }} /></label>`;
  }

  /** Month 0, at the top. A text field, not a month input: a wrong value stays as typed beside its problem. */
  private _startMonth(value: string): TemplateResult {
    return html`<div class="row start">
      <span class="label"><label for="start-month">${fieldLabel(START_MONTH)}</label><span class="path">${START_MONTH}</span></span>
      <span class="inputs"><input id="start-month" type="text" class="year" placeholder="YYYY-MM" data-path=${START_MONTH} aria-describedby="start-month-note"
          .value=${value} @change=${(e: Event) => this._set(START_MONTH, (e.target as HTMLInputElement).value)} />
        <span class="unit" id="start-month-note">YYYY-MM: month 0, whose month-end stocks the scenario starts from (observed series keep their own)</span></span>
      <span></span>
      ${this._errorsAt(START_MONTH)}
    </div>`;
  }

  /** An effect by intention to treat, as the run uses it: per conference held, at the central values (Bloom). */
  private _perConference(path: string, rr: number): TemplateResult {
    const uptake = getAt(this.raw, `${path.slice(0, path.lastIndexOf('.'))}.uptake`) as Record<string, unknown> | undefined;
    const u = uptake ? centralOf(uptake) : NaN;
    return html`<span class="grade" data-path=${`${path}.perConference`}>${Number.isFinite(u) && u > 0 && Number.isFinite(rr)
      ? `of a referral; per conference held ${+perConference(rr, u).toFixed(3)} (1 − (1 − ${rr}) ÷ uptake ${+u.toFixed(3)}, at the central values)`
      : 'of a referral: needs the uptake beside it to be made per conference held'}</span>`;
  }

  /** A time in a state; the family list offers "empirical" only to a histogram (one is made in a file, not here). */
  private _duration(row: Extract<EditorRow, { kind: 'duration' }>): TemplateResult {
    const { path, node, family } = row;
    const families = Object.keys(FAMILY_PARAMS).filter((f) => f !== 'empirical' || family === 'empirical');
    return this._line(
      path,
      html`<select aria-label=${`${this._label(path)}: distribution family`} data-path=${`${path}.family`} @change=${(e: Event) => this._set(path, switchFamily(node, (e.target as HTMLSelectElement).value))}>
          ${families.map((f) => html`<option ?selected=${f === family}>${f}</option>`)}
        </select>
        ${row.params.map((k) => this._param(path, k, node[k]))}
        ${row.bins !== undefined ? html`<span class="unit">histogram with ${row.bins} bins</span>` : nothing}
        <span class="unit">${node.unit}</span>`,
      this._source(node),
    );
  }

  private _row(row: EditorRow): TemplateResult {
    switch (row.kind) {
      case 'number':
        return this._line(row.path, this._number(row.path, '', row.value));
      case 'text':
        return this._line(row.path, html`<input type="text" aria-label=${this._label(row.path)} data-path=${row.path} .value=${row.value} @change=${(e: Event) => this._set(row.path, (e.target as HTMLInputElement).value)} />`);
      case 'numbers':
        return this._line(row.path, row.values.map((v, i) => this._number(`${row.path}[${i}]`, String(i + 1), v, row.path)));
      case 'summary':
        return this._line(row.path, html`<span class="summary" data-path=${row.path}>${row.text}</span>`);
      case 'quantity':
        return this._quantity(row);
      case 'duration':
        return this._duration(row);
      case 'shares':
        return this._line(
          row.path,
          html`${row.shares.map(([k, v]) => this._number(`${row.path}.shares.${k}`, word(k), v, row.path))}
            ${this._number(`${row.path}.concentration`, 'Dirichlet concentration', row.node.concentration, row.path)}`,
          this._source(row.node),
          ' (shares summing to 1)',
        );
      case 'item':
        return html`<div class="sub">${row.text}</div>`;
      case 'source':
        return html`<div class="row">${this._source(row.node)}</div>`;
    }
  }

  /** The groups open now (by key), so a re-render after an edit does not close them. */
  private readonly _opened = new Set<string>();

  private _toggled(key: string, open: boolean): void {
    if (open) this._opened.add(key);
    else this._opened.delete(key);
  }

  override render() {
    // Loads check editorModel first (cs-app), so this shows only for a value no load would accept.
    if (!this._model.ok) return html`<p class="error" role="alert">This scenario cannot be shown here: ${this._model.problem.path}: ${this._model.problem.message}.</p>`;
    if (!this.raw || typeof this.raw !== 'object') return html`<p class="error">No scenario loaded.</p>`;
    return html`${this._startMonth(this._model.startMonth)}${this._model.groups.map(({ key, title, rows }) => {
      const flagged = this._errors.some((e) => e.path.startsWith(key));
      // Opened for a problem, and kept open once fixed: a group the user opened (or one a problem opened) stays open.
      return html`<details class="group" ?open=${flagged || this._opened.has(key)} @toggle=${(e: Event) => this._toggled(key, (e.target as HTMLDetailsElement).open)}>
        <summary>${title}${flagged ? ' ⚠' : ''}</summary>
        <div class="body">${rows.map((row) => this._row(row))}</div>
      </details>`;
    })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-scenario-editor': CsScenarioEditor;
  }
}
