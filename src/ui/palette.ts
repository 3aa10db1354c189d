// Colours for arms: the Okabe–Ito palette, distinguishable with the common colour-vision deficiencies.

const ARM_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'];

export function armColour(index: number): string {
  return ARM_COLOURS[index % ARM_COLOURS.length]!;
}

/** The colour with an alpha, for bands. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
