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
