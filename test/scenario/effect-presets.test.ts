// The effect presets (issue 22, point 1): each is a complete, valid set of effects with a grade and a source for
// every one; the shipped scenarios hold the one they name; the schema refuses an effect without its grade, and an
// effect by intention to treat without the uptake that makes it per conference held.
import { describe, expect, it } from 'vitest';
import { DEFAULT_EFFECT_PRESET, EFFECT_PRESETS, withEffectPreset } from '../../src/scenario/effect-presets';
import { parseScenario } from '../../src/scenario/parse';
import { DARLINGTON, LEEDS, readJson, SMALL } from '../helpers/scenarios';

const errorsOf = (raw: unknown) => {
  const parsed = parseScenario(raw);
  return parsed.ok ? [] : parsed.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('effect presets', () => {
  for (const name of Object.keys(EFFECT_PRESETS)) {
    it(`"${name}" makes a valid scenario, each effect graded and sourced`, () => {
      const raw = withEffectPreset(readJson(LEEDS) as any, name);
      expect(errorsOf(raw)).toEqual([]);
      expect(raw.fgc.effects.preset).toBe(name);
      for (const point of Object.values(raw.fgc.effects.byOfferPoint) as any[]) {
        for (const effect of Object.values(point) as any[]) {
          expect(effect.grade).toMatch(/^(randomised trial|quasi-experimental|uncontrolled comparison|assumption)$/);
          expect(effect.source.length).toBeGreaterThan(20);
        }
      }
    });
  }

  it('every shipped scenario holds the default preset exactly, so its name does not lie', () => {
    for (const file of [LEEDS, DARLINGTON, SMALL]) expect((readJson(file) as any).fgc.effects, file).toEqual(EFFECT_PRESETS[DEFAULT_EFFECT_PRESET]!.effects);
    // Only the trial's own point carries a randomised trial's grade.
    const trial = EFFECT_PRESETS['trial evidence']!.effects.byOfferPoint;
    expect(trial.preProceedings.rrEntryToCare.grade).toBe('randomised trial');
    for (const point of [trial.referral, trial.icpc, trial.inCare]) expect(Object.values(point).map((e: any) => e.grade)).not.toContain('randomised trial');
  });

  it('a preset is copied, never shared: editing one scenario’s effects leaves the preset as it was', () => {
    const raw = withEffectPreset(readJson(LEEDS) as any, 'optimistic');
    raw.fgc.effects.byOfferPoint.referral.rrEntryToCare.mode = 0.1;
    expect(EFFECT_PRESETS.optimistic!.effects.byOfferPoint.referral.rrEntryToCare).toMatchObject({ mode: 0.81 });
    expect(() => withEffectPreset(readJson(LEEDS) as any, 'wishful')).toThrow(/no effect preset "wishful" \(the presets: trial evidence, as the evaluations assumed, optimistic\)/);
  });

  it('an effect without its grade, or by intention to treat without the uptake, is refused, naming it', () => {
    const noGrade = readJson(LEEDS) as any;
    delete noGrade.fgc.effects.byOfferPoint.icpc.rrEntryToCare.grade;
    expect(errorsOf(noGrade)).toEqual([expect.stringMatching(/^fgc\.effects\.byOfferPoint\.icpc\.rrEntryToCare\.grade: is required for an FGC effect/)]);
    const noUptake = readJson(LEEDS) as any;
    delete noUptake.fgc.effects.byOfferPoint.preProceedings.uptake;
    expect(errorsOf(noUptake)).toEqual([expect.stringMatching(/^fgc\.effects\.byOfferPoint\.preProceedings: an effect by intention to treat needs the uptake/)]);
    const noMeasure = readJson(LEEDS) as any;
    delete noMeasure.fgc.effects.byOfferPoint.referral.rrEscalationToCp.measure;
    expect(errorsOf(noMeasure)).toEqual([expect.stringMatching(/^fgc\.effects\.byOfferPoint\.referral\.rrEscalationToCp\.measure: is required for an effect on a risk/)]);
  });
});
