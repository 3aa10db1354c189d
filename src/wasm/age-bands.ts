// DfE's age bands in the module: where each starts, and a child's band at an age (./care, ./placements).

/** Where each age band starts, months of age (DfE's: under 1, 1–4, 5–9, 10–15, 16 and over), then the 18th birthday. */
export const BAND_START = memory.data<f64>([0, 12, 60, 120, 192, 216]);

/** The age band of an age in months (16 and over past 18 too: a family stay with no birthday can run on). */
@inline export function bandOf(ageMonths: f64): i32 {
  return <i32>(ageMonths >= 12) + <i32>(ageMonths >= 60) + <i32>(ageMonths >= 120) + <i32>(ageMonths >= 192);
}
