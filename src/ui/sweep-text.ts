// What a capacity sweep says about the next coordinator, in one sentence (the sweep and the FTE goal-seek share it).
import { breakEvenFte, type SweepPoint } from '../engine';
import { formatFixed, formatGbp } from './format';

/** Where the marginal coordinator stops paying for itself, or that the first step already does not, or that none stops. */
export function marginalSentence(points: SweepPoint[]): string {
  if (points.length < 2) return '';
  const breakEven = breakEvenFte(points);
  const first = points[1]!;
  if (breakEven === undefined) return `Every extra coordinator in this range pays for itself on average (mean saving still rising at ${points.at(-1)!.fte} FTE).`;
  if (breakEven === points[0]!.fte && first.marginalPerFte !== undefined && first.marginalPerFte < 0) {
    return `Already the first coordinators cost more than they save on average: from ${points[0]!.fte} to ${first.fte} FTE the mean saving falls by ${formatGbp(-first.marginalPerFte)} per extra FTE.`;
  }
  return `The marginal coordinator stops paying for itself at about ${formatFixed(breakEven, 1)} FTE (mean saving per extra FTE falls below £0).`;
}
