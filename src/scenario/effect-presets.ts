// Named sets of FGC effects, each effect with its evidence grade and source: what a scenario's fgc.effects holds.
// "trial evidence" is every shipped scenario's default: the one randomised trial's effect where it was measured
// (pre-proceedings), and elsewhere a prior centred on no effect.
import type { Scenario } from './schema';

export type Effects = Scenario['fgc']['effects'];
type PointEffects = Effects['byOfferPoint']['referral'];

const TRIAL = 'Coram / Foundations randomised trial of FGC at pre-proceedings (1,511 families in 21 councils, 2020-22; Taylor et al., BJSW 2024; external-references.md)';
const REVIEW = 'a systematic review of shared decision-making meetings found "a lack of high-quality evidence" that they affect care entry (Nurmatov et al., 2020, cited at 001_08fc2746a931d856.txt:L287)';

/** A prior centred on no effect, ±15%: no study measured an FGC's effect at this offer point. */
function noEvidence(what: string, unit: 'relative risk' | 'ratio', measured: boolean) {
  return {
    dist: 'triangular' as const,
    min: 0.85,
    mode: 1,
    max: 1.15,
    unit,
    source: `assumption: no study measured an FGC's effect on ${what} at this offer point, so the prior is centred on no effect; ±15% allows an effect up to most of the trial's 19% at pre-proceedings, or harm; ${REVIEW}`,
    grade: 'assumption' as const,
    ...(measured ? { measure: 'per conference' as const } : {}),
  };
}

const NO_KINSHIP = { value: 0, unit: 'share', source: 'assumption: no figure for a change in kinship placements after an FGC (003_fb48446508806788.txt:L238: FGCs enable "swifter kinship assessments to be made", without a number); 0 keeps the placement mix', grade: 'assumption' as const };
const NO_TIME_IN_CARE = { value: 1, unit: 'ratio', source: 'assumption: no evidence in the seeds that an FGC shortens time in care', grade: 'assumption' as const };

/** No effect on returning home from care: for an FGC held before care, whose effect on the route out of care no study measured. */
const NO_HOME_EFFECT = { value: 1, unit: 'hazard ratio', source: 'assumption: no study measured an effect of an FGC held before care on the route out of care; no effect', grade: 'assumption' as const };

/** In care, a prior centred on no effect on returning home. */
const HOME_PRIOR = {
  dist: 'triangular' as const,
  min: 0.85,
  mode: 1,
  max: 1.15,
  unit: 'hazard ratio',
  source: `assumption: no study measured an FGC's effect on returning home from care (Darlington held FGCs for children in care, 001_08fc2746a931d856.txt:L474, without an outcome measure), so the prior is centred on no effect; ±15% as at the other unmeasured points; ${REVIEW}`,
  grade: 'assumption' as const,
};

function unmeasuredPoint(inCare = false): PointEffects {
  return {
    rrEscalationToCp: noEvidence('escalation to a CP plan', 'relative risk', true),
    rrEntryToCare: noEvidence('entering care', 'relative risk', true),
    timeInSystemFactor: noEvidence('the time to closing a case', 'ratio', false),
    timeInCareFactor: NO_TIME_IN_CARE,
    kinshipShareOfCareEntries: NO_KINSHIP,
    rrCareProceedings: noEvidence('care proceedings', 'relative risk', true),
    hrReturnHome: inCare ? HOME_PRIOR : NO_HOME_EFFECT,
  };
}

/** The share of referred families who went on to hold a conference, needed to make the trial's effect per conference. */
const TRIAL_UPTAKE = {
  dist: 'uniform' as const,
  min: 0.6,
  max: 0.95,
  unit: 'share',
  source: `assumption: the ${TRIAL}'s share of referred families who held a conference is not in the sources here (external-references.md asks for it); 0.6 to 0.95`,
  grade: 'assumption' as const,
};

const TRIAL_CARE = {
  dist: 'triangular' as const,
  min: 0.65,
  mode: 0.81,
  max: 1,
  unit: 'relative risk',
  source: `36.2% vs 44.8% looked after 12 months after the pre-proceedings letter, referred for an FGC or not (RR 0.81), ${TRIAL}; the range (0.65 to no effect) is an assumption`,
  grade: 'randomised trial' as const,
  measure: 'intention to treat' as const,
};

const TRIAL_PROCEEDINGS = {
  dist: 'triangular' as const,
  min: 0.65,
  mode: 0.83,
  max: 1,
  unit: 'relative risk',
  source: `59.2% vs 71.7% with care proceedings issued within 12 months of the pre-proceedings letter, referred for an FGC or not (RR 0.83), ${TRIAL}; the range (0.65 to no effect) is an assumption`,
  grade: 'randomised trial' as const,
  measure: 'intention to treat' as const,
};

/** The trial's effects at pre-proceedings, where it measured them; what it did not measure there, no effect. */
function trialPreProceedings(): PointEffects {
  return {
    rrEscalationToCp: { value: 1, unit: 'relative risk', source: `assumption: the ${TRIAL} measured care and care proceedings, not escalation to CP; no effect`, grade: 'assumption', measure: 'per conference' },
    rrEntryToCare: TRIAL_CARE,
    timeInSystemFactor: { value: 1, unit: 'ratio', source: `assumption: the ${TRIAL} did not measure time to closing the case; no effect`, grade: 'assumption' },
    timeInCareFactor: { value: 1, unit: 'ratio', source: `assumption: the ${TRIAL}'s 87 vs 115 days in care include the children kept out of care (the effect on entering care), so they are not a factor on time in care; no effect`, grade: 'assumption' },
    kinshipShareOfCareEntries: NO_KINSHIP,
    rrCareProceedings: TRIAL_PROCEEDINGS,
    hrReturnHome: NO_HOME_EFFECT,
    uptake: TRIAL_UPTAKE,
  };
}

const FADE_TRIAL = {
  dist: 'uniform' as const,
  min: 12,
  max: 36,
  unit: 'months',
  source: `assumption: the ${TRIAL} measured care 12 months after the pre-proceedings letter, so the effect lasts at least about that long; 12 to 36 months`,
  grade: 'assumption' as const,
};

/** What the published evaluations assumed (Leeds Family Valued's CBA and its sources), at every offer point. */
function asEvaluated(): PointEffects {
  return {
    rrEscalationToCp: { dist: 'triangular', min: 0.65, mode: 0.82, max: 1, unit: 'relative risk', source: `proxy: care proceedings issued 59% vs 72% (RR 0.82) in the ${TRIAL}; no direct evidence on CP escalation, assumed per conference at every offer point`, grade: 'assumption', measure: 'per conference' },
    rrEntryToCare: { dist: 'triangular', min: 0.6, mode: 0.81, max: 1, unit: 'relative risk', source: `the ${TRIAL}'s RR 0.81 taken per conference and at every offer point, as the published evaluations applied one effect everywhere; the range is an assumption`, grade: 'assumption', measure: 'per conference' },
    timeInSystemFactor: { dist: 'uniform', min: 0.702, max: 1, unit: 'ratio', source: '166.17 vs 236.71 days in the system, FGC vs BAU (000_8890056140a8d8e5.txt:L1681); up to 1 because selection was not controlled ("we do not have details about the families", L1217)', grade: 'uncontrolled comparison' },
    timeInCareFactor: NO_TIME_IN_CARE,
    kinshipShareOfCareEntries: { dist: 'uniform', min: 0.2, max: 0.4, unit: 'share', source: 'assumption: FGCs enable "swifter kinship assessments to be made" (003_fb48446508806788.txt:L238), no figure given', grade: 'assumption' },
    rrCareProceedings: { dist: 'triangular', min: 0.65, mode: 0.83, max: 1, unit: 'relative risk', source: `the ${TRIAL}'s RR 0.83 of care proceedings taken per conference and at every offer point, as the published evaluations applied one effect everywhere; the range is an assumption`, grade: 'assumption', measure: 'per conference' },
    hrReturnHome: NO_HOME_EFFECT,
  };
}

/** The trial's effect per conference, everywhere, with the uncontrolled time effect and a long-lasting effect. */
function optimistic(): PointEffects {
  return {
    rrEscalationToCp: { ...TRIAL_CARE, source: `the ${TRIAL}'s effect on care (RR 0.81 of a referral), assumed to hold for escalation to CP here too`, grade: 'assumption' },
    rrEntryToCare: { ...TRIAL_CARE, source: `the ${TRIAL}'s RR 0.81 of a referral, assumed to hold at this offer point too`, grade: 'assumption' },
    timeInSystemFactor: { value: 0.702, unit: 'ratio', source: '166.17 vs 236.71 days in the system, FGC vs BAU (000_8890056140a8d8e5.txt:L1681), taken as it stands (selection not controlled: "we do not have details about the families", L1217)', grade: 'uncontrolled comparison' },
    timeInCareFactor: NO_TIME_IN_CARE,
    kinshipShareOfCareEntries: { value: 0.4, unit: 'share', source: 'assumption: the top of the range for FGCs enabling "swifter kinship assessments to be made" (003_fb48446508806788.txt:L238)', grade: 'assumption' },
    rrCareProceedings: { ...TRIAL_PROCEEDINGS, source: `the ${TRIAL}'s RR 0.83 of care proceedings of a referral, assumed to hold at this offer point too`, grade: 'assumption' },
    hrReturnHome: { value: 1.15, unit: 'hazard ratio', source: 'assumption: the top of the range of the prior in care (no study measured it); applied after an FGC at any offer point', grade: 'assumption' },
    uptake: TRIAL_UPTAKE,
  };
}

export interface EffectPreset {
  /** What the preset is, in a sentence. */
  description: string;
  effects: Effects;
}

/** The named sets of effects, each complete: choosing one replaces a scenario's fgc.effects whole. */
export const EFFECT_PRESETS: Record<string, EffectPreset> = {
  'trial evidence': {
    description: 'The one randomised trial\'s effect on care where it was measured (pre-proceedings, by intention to treat, made per conference held); elsewhere a prior centred on no effect.',
    effects: {
      preset: 'trial evidence',
      fadeHalfLifeMonths: FADE_TRIAL,
      byOfferPoint: { referral: unmeasuredPoint(), icpc: unmeasuredPoint(), preProceedings: trialPreProceedings(), inCare: unmeasuredPoint(true) },
    },
  },
  'as the evaluations assumed': {
    description: 'One effect everywhere, as the published evaluations applied it: the trial\'s relative risks taken per conference at every offer point, Leeds\'s uncontrolled 30% shorter time in the system, more kinship care.',
    effects: {
      preset: 'as the evaluations assumed',
      fadeHalfLifeMonths: { dist: 'uniform', min: 6, max: 24, unit: 'months', source: 'assumption: 6 to 24 months; 40% of family plans did not work, or stopped working a few weeks after the FGC (000_8890056140a8d8e5.txt:L809), which points to faster fading for those families, and the seeds give no figure for the rest', grade: 'assumption' },
      byOfferPoint: { referral: asEvaluated(), icpc: asEvaluated(), preProceedings: asEvaluated(), inCare: asEvaluated() },
    },
  },
  optimistic: {
    description: 'The trial\'s effect of a referral made per conference held and assumed at every offer point, Leeds\'s 30% shorter time in the system as it stands, 40% of care entries to kinship, an effect that lasts.',
    effects: {
      preset: 'optimistic',
      fadeHalfLifeMonths: { value: 36, unit: 'months', source: 'assumption: an effect that lasts (three years\' half-life)', grade: 'assumption' },
      byOfferPoint: { referral: optimistic(), icpc: optimistic(), preProceedings: optimistic(), inCare: optimistic() },
    },
  },
};

/**
 * A relative risk per conference held from one measured by intention to treat (of a referral), by Bloom's estimator:
 * the risk reduction among those referred, 1 − RR, divided by the share who held a conference. The trial's 36.2% vs
 * 44.8% (RR 0.81) with an uptake of u gives 1 − 0.19 / u per conference; below 0 (an uptake smaller than the
 * reduction, possible only in a run's draw) there is no risk left to take away, so it stops at 0.
 */
export function perConference(rrItt: number, uptake: number): number {
  return Math.max(0, 1 - (1 - rrItt) / uptake);
}

/** The default: what every shipped scenario holds. */
export const DEFAULT_EFFECT_PRESET = 'trial evidence';

/** A raw scenario with its effects replaced by a preset's (a deep copy of the preset, so edits never reach it). */
export function withEffectPreset<T extends { fgc: { effects: unknown } }>(raw: T, name: string): T {
  const preset = Object.hasOwn(EFFECT_PRESETS, name) ? EFFECT_PRESETS[name] : undefined;
  if (!preset) throw new Error(`no effect preset "${name}" (the presets: ${Object.keys(EFFECT_PRESETS).join(', ')})`);
  return { ...raw, fgc: { ...raw.fgc, effects: JSON.parse(JSON.stringify(preset.effects)) as Effects } };
}

/** JSON with every object's keys sorted, so that two effect sets compare by their values alone. */
function canonical(x: unknown): string {
  return JSON.stringify(x, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

/**
 * The preset a scenario's effects are: the one they name, if they hold exactly its values; otherwise "custom" (or
 * "custom, from <name>" when edited from a named one), so an output never names a preset its numbers did not use.
 */
export function presetOf(effects: Effects): string {
  const name = effects.preset;
  if (name === undefined || name === 'custom') return 'custom';
  const preset = Object.hasOwn(EFFECT_PRESETS, name) ? EFFECT_PRESETS[name] : undefined;
  return preset && canonical(preset.effects) === canonical(effects) ? name : `custom, from ${name}`;
}
