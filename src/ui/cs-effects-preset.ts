// <cs-effects-preset>: the FGC effects in force, as a preset's name or custom; choosing a preset replaces them whole (an edit).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { EFFECT_PRESETS, presetOf, withEffectPreset, type Effects } from '../scenario/effect-presets';
import { parseScenario } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { emit } from './events';

@customElement('cs-effects-preset')
export class CsEffectsPreset extends LitElement {
  static override styles = css`
    :host { display: block; }
    label { display: flex; flex-direction: column; font-size: 0.85rem; color: #444; }
    select { font: inherit; padding: 0.3rem 0.4rem; }
    select:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
  `;

  /** The scenario as edited (raw JSON, possibly invalid). */
  @property({ attribute: false }) raw: unknown;
  /** Its validated form, if it is valid. */
  @property({ attribute: false }) scenario: Scenario | undefined;

  private _choose(name: string): void {
    if (!name || !this.raw || typeof this.raw !== 'object') return;
    const raw = withEffectPreset(this.raw as { fgc: { effects: unknown } }, name);
    const parsed = parseScenario(raw);
    emit(this, 'scenario-change', { raw, scenario: parsed.ok ? parsed.value : undefined });
  }

  override render() {
    const effects = (this.raw as { fgc?: { effects?: Effects } } | undefined)?.fgc?.effects;
    const current = this.scenario ? presetOf(this.scenario.fgc.effects) : (effects?.preset ?? 'custom');
    const named = Object.hasOwn(EFFECT_PRESETS, current);
    return html`<label title=${named ? EFFECT_PRESETS[current]!.description : 'Effects edited or given by hand: choose a preset to replace them whole.'}>FGC effects
      <select id="effects-preset" @change=${(e: Event) => this._choose((e.target as HTMLSelectElement).value)}>
        ${named ? nothing : html`<option value="" selected>${current}</option>`}
        ${Object.keys(EFFECT_PRESETS).map((name) => html`<option value=${name} ?selected=${name === current}>${name}</option>`)}
      </select>
    </label>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-effects-preset': CsEffectsPreset;
  }
}
