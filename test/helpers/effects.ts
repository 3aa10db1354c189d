// FGC effects for tests: the same effects per conference held at every offer point, every one graded an assumption.

export interface TestEffects {
  rrEscalationToCp?: number;
  rrEntryToCare?: number;
  timeInSystemFactor?: number;
  timeInCareFactor?: number;
  kinshipShareOfCareEntries?: number;
  rrCareProceedings?: number;
  stepDownShare?: number;
  hrReturnHome?: number;
  fadeHalfLifeMonths?: number;
}

const fixed = (value: number, unit: string, measured = false) => ({ value, unit, source: 'test', grade: 'assumption', ...(measured ? { measure: 'per conference' } : {}) });

/** A scenario's fgc.effects with these values (no effect where none is given) at every offer point. */
export function effectsEverywhere(e: TestEffects = {}) {
  const point = () => ({
    rrEscalationToCp: fixed(e.rrEscalationToCp ?? 1, 'relative risk', true),
    rrEntryToCare: fixed(e.rrEntryToCare ?? 1, 'relative risk', true),
    timeInSystemFactor: fixed(e.timeInSystemFactor ?? 1, 'ratio'),
    timeInCareFactor: fixed(e.timeInCareFactor ?? 1, 'ratio'),
    kinshipShareOfCareEntries: fixed(e.kinshipShareOfCareEntries ?? 0, 'share'),
    ...(e.rrCareProceedings !== undefined ? { rrCareProceedings: fixed(e.rrCareProceedings, 'relative risk', true) } : {}),
    ...(e.stepDownShare !== undefined ? { stepDownShare: fixed(e.stepDownShare, 'share') } : {}),
    ...(e.hrReturnHome !== undefined ? { hrReturnHome: fixed(e.hrReturnHome, 'hazard ratio') } : {}),
  });
  return {
    preset: 'custom',
    fadeHalfLifeMonths: fixed(e.fadeHalfLifeMonths ?? 12, 'months'),
    byOfferPoint: { referral: point(), icpc: point(), preProceedings: point(), inCare: point() },
  };
}

/**
 * Every family offered an FGC at one offer point only, accepted and converted, held about a week after it is
 * allocated by a service that never runs out (one option arm of 200 FTE, no maximum wait): for tests of what a
 * conference held there does.
 */
export function offerAt(raw: any, point: 'referral' | 'icpc' | 'preProceedings' | 'inCare'): void {
  const share = (p: string) => ({ eligibleShare: { value: p === point ? 1 : 0, unit: 'share', source: 'test' } });
  raw.fgc.offerPoints = { referral: share('referral'), icpc: share('icpc'), preProceedings: share('preProceedings'), inCare: share('inCare') };
  raw.fgc.acceptance = { value: 1, unit: 'probability', source: 'test' };
  raw.fgc.conversion = { value: 1, unit: 'probability', source: 'test' };
  raw.fgc.weeksToConference = { family: 'lognormal', mean: 1, sd: 0.2, unit: 'weeks', source: 'test' };
  raw.fgc.maxWaitWeeks = { value: 10_000, unit: 'weeks', source: 'test' };
  raw.arms.options = [{ name: 'Ample', coordinatorsFte: 200 }];
}
