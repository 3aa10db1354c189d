// x^y for x in (0, 1] and y > 0, in the module's own arithmetic: no Math tables (they would sit above the memory the
// host allocates from) and no call to the host (a route clock's draw needs one, and calls out cost more than this).
// src/engine/random/unit-power.ts is the same arithmetic, operation for operation, so the host's replica of a draw
// is bit for bit the module's.

const LN2_HI: f64 = 6.93147180369123816490e-1;
const LN2_LO: f64 = 1.90821492927058770002e-10;
const LN2: f64 = 0.6931471805599453;
const SQRT2: f64 = 1.4142135623730951;

/** ln x for x > 0 and normal: x = m 2^e with m in [√½, √2), ln m = 2 atanh((m − 1) / (m + 1)) by its series to z^23. */
function logNormal(x: f64): f64 {
  const bits = reinterpret<u64>(x);
  let e = <i32>((bits >> 52) & 0x7ff) - 1023;
  let m = reinterpret<f64>((bits & 0x000fffffffffffff) | 0x3ff0000000000000);
  if (m > SQRT2) {
    m = m * 0.5;
    e = e + 1;
  }
  const z = (m - 1) / (m + 1);
  const z2 = z * z;
  let sum: f64 = 0.043478260869565216;
  sum = sum * z2 + 0.047619047619047616;
  sum = sum * z2 + 0.05263157894736842;
  sum = sum * z2 + 0.058823529411764705;
  sum = sum * z2 + 0.06666666666666667;
  sum = sum * z2 + 0.07692307692307693;
  sum = sum * z2 + 0.09090909090909091;
  sum = sum * z2 + 0.1111111111111111;
  sum = sum * z2 + 0.14285714285714285;
  sum = sum * z2 + 0.2;
  sum = sum * z2 + 0.3333333333333333;
  sum = sum * z2 + 1.0;
  return 2 * z * sum + <f64>e * LN2;
}

/** e^y for y ≤ 0: y = k ln 2 + r, |r| ≤ ln 2 / 2, e^r by its series to r^14, then × 2^k; 0 below e^-700. */
function expNonPositive(y: f64): f64 {
  if (y < -700) return 0;
  const k = Math.floor(y / LN2 + 0.5);
  const r = y - k * LN2_HI - k * LN2_LO;
  let sum: f64 = 1 + r * 0.07142857142857142;
  sum = 1 + sum * r * 0.07692307692307693;
  sum = 1 + sum * r * 0.08333333333333333;
  sum = 1 + sum * r * 0.09090909090909091;
  sum = 1 + sum * r * 0.1;
  sum = 1 + sum * r * 0.1111111111111111;
  sum = 1 + sum * r * 0.125;
  sum = 1 + sum * r * 0.14285714285714285;
  sum = 1 + sum * r * 0.16666666666666666;
  sum = 1 + sum * r * 0.2;
  sum = 1 + sum * r * 0.25;
  sum = 1 + sum * r * 0.3333333333333333;
  sum = 1 + sum * r * 0.5;
  sum = 1 + sum * r * 1.0;
  const scale = k >= -1022 ? reinterpret<f64>(<u64>(<i64>k + 1023) << 52) : reinterpret<f64>(<u64>(<i64>k + 1023 + 600) << 52) * reinterpret<f64>(<u64>(1023 - 600) << 52);
  return sum * scale;
}

/** x^y for x in (0, 1] and y > 0. */
export function unitPower(x: f64, y: f64): f64 {
  if (x >= 1) return 1;
  return expNonPositive(y * logNormal(x));
}
