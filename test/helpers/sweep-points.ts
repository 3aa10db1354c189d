// A capacity sweep's point with a given mean saving and marginal saving, for tests of what is read off a sweep.
import type { SweepPoint } from '../../src/engine/analysis/sweep';

export const sweepPoint = (fte: number, mean: number, marginalPerFte?: number): SweepPoint => ({
  fte,
  saving: { p5: mean, p50: mean, p95: mean, mean },
  claAvoided: { p5: 0, p50: 0, p95: 0, mean: 0 },
  marginalPerFte,
});
