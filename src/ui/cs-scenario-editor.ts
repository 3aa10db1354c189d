// <cs-scenario-editor>: every input of a scenario, grouped, with its unit and source, as a fixed value or a distribution.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { hasOwn, type ScenarioError } from '../scenario/check';
import { parseScenario } from '../scenario/parse';
import { emit } from './events';
import { fieldLabel, word } from './field-labels';
import { getAt, setAt } from './raw-path';

type Json = Record<string, unknown>;

/** Parameters of each distribution, in order, and how to start them from a central value. */
const DISTS: Record<string, { keys: string[]; from: (v: number) => Record<string, number> }> = {
  fixed: { keys: ['value'], from: (v) => ({ value: v }) },
  uniform: { keys: ['min', 'max'], from: (v) => ({ min: round(v * 0.8), max: round(v * 1.2 || 1) }) },
  triangular: { keys: ['min', 'mode', 'max'], from: (v) => ({ min: round(v * 0.8), mode: v, max: round(v * 1.2 || 1) }) },
  pert: { keys: ['min', 'mode', 'max'], from: (v) => ({ min: round(v * 0.8), mode: v, max: round(v * 1.2 || 1) }) },
  normal: { keys: ['mean', 'sd'], from: (v) => ({ mean: v, sd: round(Math.abs(v) * 0.1 || 1) }) },
  lognormal: { keys: ['mean', 'sd'], from: (v) => ({ mean: v || 1, sd: round(Math.abs(v) * 0.1 || 0.1) }) },
  gamma: { keys: ['mean', 'sd'], from: (v) => ({ mean: v || 1, sd: round(Math.abs(v) * 0.1 || 0.1) }) },
  beta: { keys: ['alpha', 'beta'], from: (v) => ({ alpha: round(Math.min(Math.max(v, 0.01), 0.99) * 20), beta: round((1 - Math.min(Math.max(v, 0.01), 0.99)) * 20) }) },
};
const PROVENANCE = ['unit', 'source', 'priceYear', 'note'];

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** "reReferralProbability" → "Re referral probability". */
const GROUPS: Array<[string, string]> = [
  ['simulation', 'Simulation'],
  ['demand', 'Demand'],
  ['initialStocks', 'Stocks at month 0'],
  ['pathway', 'Pathway: durations and exits'],
  ['fgc', 'FGC service and effects'],
  ['costs', 'Costs'],
  ['prices', 'Prices: reporting year and deflator'],
  ['finance', 'Appraisal (Green Book)'],
  ['arms', 'Arms'],
];

@customElement('cs-scenario-editor')
export class CsScenarioEditor extends LitElement {
  static override styles = css`
    :host { display: block; font-size: 0.9rem; }
    details.group { border: 1px solid #ddd; border-radius: 6px; margin-bottom: 0.5rem; background: #fff; }
    details.group > summary { padding: 0.4rem 0.6rem; font-weight: 600; cursor: pointer; }
    .body { padding: 0.2rem 0.6rem 0.6rem; }
    .row { display: grid; grid-template-columns: minmax(10rem, 16rem) auto 1fr; gap: 0.4rem; align-items: center; padding: 0.25rem 0; border-top: 1px solid #f0f0f0; }
    .row .label { font-weight: 500; }
    .path { color: #888; font-size: 0.75rem; font-weight: 400; display: block; }
    .inputs { display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; }
    .inputs label { display: inline-flex; gap: 0.2rem; align-items: center; font-size: 0.8rem; color: #555; }
    input, select { font: inherit; font-size: 0.85rem; padding: 0.15rem 0.3rem; }
    input[type='number'] { width: 6.5rem; }
    input:focus-visible, select:focus-visible, summary:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    .unit { color: #555; font-size: 0.8rem; }
    details.source { grid-column: 2 / 4; font-size: 0.8rem; color: #444; }
    details.source summary { cursor: pointer; color: #1f5fbf; }
    .error { grid-column: 1 / 4; color: #a00; font-size: 0.85rem; }
    .sub { font-weight: 600; margin-top: 0.5rem; }
  `;

  /** The scenario being edited, as raw JSON (it may be invalid). */
  @property({ attribute: false }) raw: unknown;

  private _errors: ScenarioError[] = [];

  override willUpdate(): void {
    const parsed = parseScenario(this.raw);
    this._errors = parsed.ok ? [] : parsed.errors;
  }

  private _set(path: string, value: unknown): void {
    const raw = setAt(this.raw, path, value);
    const parsed = parseScenario(raw);
    emit(this, 'scenario-change', { raw, scenario: parsed.ok ? parsed.value : undefined });
  }

  private _errorsAt(path: string): TemplateResult | typeof nothing {
    const mine = this._errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`) || e.path.startsWith(`${path}[`));
    return mine.length ? html`<div class="error" role="alert">${mine.map((e) => html`<div>${e.path}: ${e.message}</div>`)}</div>` : nothing;
  }

  private _number(path: string, label: string, value: unknown): TemplateResult {
    return html`<label>${label}<input type="number" step="any" aria-label=${`${path} ${label}`} data-path=${path}
      .value=${value === undefined || value === null ? '' : String(value)}
      @change=${(e: Event) => {
        const text = (e.target as HTMLInputElement).value;
        this._set(path, text === '' ? undefined : Number(text));
      }} /></label>`;
  }

  private _source(node: Json): TemplateResult | typeof nothing {
    const source = node.source as string | undefined;
    if (!source) return nothing;
    return html`<details class="source"><summary>Source${node.priceYear ? `, price year ${node.priceYear}` : ''}</summary>${source}${node.note ? html`<br />${node.note}` : nothing}</details>`;
  }

  /** A fixed value or a distribution, with unit and source. */
  private _quantity(path: string, node: Json): TemplateResult {
    const kind = 'dist' in node ? String(node.dist) : 'fixed';
    const central = Number(node.value ?? node.mode ?? node.mean ?? (node.min !== undefined ? (Number(node.min) + Number(node.max)) / 2 : 0));
    const change = (e: Event) => {
      const next = (e.target as HTMLSelectElement).value;
      const meta = Object.fromEntries(PROVENANCE.filter((k) => k in node).map((k) => [k, node[k]]));
      const params = DISTS[next]!.from(central);
      this._set(path, next === 'fixed' ? { ...params, ...meta } : { dist: next, ...params, ...meta });
    };
    return html`<div class="row">
      <span class="label">${fieldLabel(path)}<span class="path">${path}</span></span>
      <span class="inputs">
        <select aria-label=${`${path} distribution`} data-path=${`${path}.dist`} @change=${change}>
          ${Object.keys(DISTS).map((d) => html`<option value=${d} ?selected=${d === kind}>${d}</option>`)}
        </select>
        ${(hasOwn(DISTS, kind) ? DISTS[kind]!.keys : []).map((k) => this._number(`${path}.${k}`, k, node[k]))}
        <span class="unit">${node.unit}</span>
      </span>
      <span></span>
      ${this._source(node)} ${this._errorsAt(path)}
    </div>`;
  }

  private _duration(path: string, node: Json): TemplateResult {
    const params = node.family === 'weibull' ? ['mean', 'shape'] : node.family === 'empirical' ? [] : ['mean', 'sd'];
    return html`<div class="row">
      <span class="label">${fieldLabel(path)}<span class="path">${path}</span></span>
      <span class="inputs">
        <select aria-label=${`${path} family`} @change=${(e: Event) => this._set(`${path}.family`, (e.target as HTMLSelectElement).value)}>
          ${['lognormal', 'gamma', 'weibull', 'empirical'].map((f) => html`<option ?selected=${f === node.family}>${f}</option>`)}
        </select>
        ${params.map((k) => (typeof node[k] === 'object' ? html`<span class="unit">${k}: distribution</span>` : this._number(`${path}.${k}`, k, node[k])))}
        ${node.family === 'empirical' ? html`<span class="unit">histogram with ${(node.weights as unknown[]).length} bins</span>` : nothing}
        <span class="unit">${node.unit}</span>
      </span>
      <span></span>
      ${this._source(node)} ${this._errorsAt(path)}
    </div>`;
  }

  private _shares(path: string, node: Json): TemplateResult {
    const shares = node.shares as Json;
    return html`<div class="row">
      <span class="label">${fieldLabel(path)}<span class="path">${path} (shares summing to 1)</span></span>
      <span class="inputs">
        ${Object.keys(shares).map((k) => this._number(`${path}.shares.${k}`, word(k), shares[k]))}
        ${this._number(`${path}.concentration`, 'Dirichlet concentration', node.concentration)}
      </span>
      <span></span>
      ${this._source(node)} ${this._errorsAt(path)}
    </div>`;
  }

  private _node(path: string, node: unknown): TemplateResult | typeof nothing {
    if (node === null || typeof node !== 'object') {
      if (typeof node === 'number') return html`<div class="row"><span class="label">${fieldLabel(path)}<span class="path">${path}</span></span><span class="inputs">${this._number(path, '', node)}</span><span></span>${this._errorsAt(path)}</div>`;
      if (typeof node === 'string') {
        return html`<div class="row"><span class="label">${fieldLabel(path)}<span class="path">${path}</span></span><span class="inputs"><input type="text" aria-label=${path} .value=${node} @change=${(e: Event) => this._set(path, (e.target as HTMLInputElement).value)} /></span><span></span>${this._errorsAt(path)}</div>`;
      }
      return nothing;
    }
    if (Array.isArray(node)) {
      if (node.every((x) => typeof x === 'number')) {
        return html`<div class="row"><span class="label">${fieldLabel(path)}<span class="path">${path}</span></span><span class="inputs">${node.map((v, i) => this._number(`${path}[${i}]`, String(i + 1), v))}</span><span></span>${this._errorsAt(path)}</div>`;
      }
      return html`${node.map((item, i) => html`<div class="sub">${path === 'arms.options' ? 'Arm' : word(path.split('.').at(-1)!)} ${i + 1}</div>${this._node(`${path}[${i}]`, item)}`)}`;
    }
    const rec = node as Json;
    if ('family' in rec) return this._duration(path, rec);
    if ('shares' in rec && !Array.isArray(rec.shares)) return this._shares(path, rec);
    if (('value' in rec || 'dist' in rec) && 'source' in rec) return this._quantity(path, rec);
    return html`${Object.entries(rec)
      .filter(([k]) => k !== 'source' && k !== 'note')
      .map(([k, v]) => this._node(path ? `${path}.${k}` : k, v))}${typeof rec.source === 'string' ? html`<div class="row">${this._source(rec)}</div>` : nothing}`;
  }

  override render() {
    if (!this.raw || typeof this.raw !== 'object') return html`<p class="error">No scenario loaded.</p>`;
    return html`${GROUPS.map(
      ([key, title]) => html`<details class="group" ?open=${this._errors.some((e) => e.path.startsWith(key))}>
        <summary>${title}${this._errors.some((e) => e.path.startsWith(key)) ? ' ⚠' : ''}</summary>
        <div class="body">${this._node(key, getAt(this.raw, key))}</div>
      </details>`,
    )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-scenario-editor': CsScenarioEditor;
  }
}
