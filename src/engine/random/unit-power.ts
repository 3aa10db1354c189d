// x^y for x in (0, 1] and y > 0: src/wasm/unit-power.ts's arithmetic, operation for operation, so that the host's
// replica of a route clock's draw (src/engine/sim/ages.ts) is bit for bit the module's. Math.pow would differ in
// the last place now and then.

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const LN2 = 0.6931471805599453;
const SQRT2 = 1.4142135623730951;
const view = new DataView(new ArrayBuffer(8));

function logNormal(x: number): number {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  let e = ((hi >>> 20) & 0x7ff) - 1023;
  view.setUint32(0, (hi & 0x000fffff) | 0x3ff00000);
  let m = view.getFloat64(0);
  if (m > SQRT2) {
    m = m * 0.5;
    e = e + 1;
  }
  const z = (m - 1) / (m + 1);
  const z2 = z * z;
  let sum = 0.043478260869565216;
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
  return 2 * z * sum + e * LN2;
}

function pow2(k: number): number {
  view.setUint32(0, (k + 1023) << 20);
  view.setUint32(4, 0);
  return view.getFloat64(0);
}

function expNonPositive(y: number): number {
  if (y < -700) return 0;
  const k = Math.floor(y / LN2 + 0.5);
  const r = y - k * LN2_HI - k * LN2_LO;
  let sum = 1 + r * 0.07142857142857142;
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
  const scale = k >= -1022 ? pow2(k) : pow2(k + 600) * pow2(-600);
  return sum * scale;
}

/** x^y for x in (0, 1] and y > 0. */
export function unitPower(x: number, y: number): number {
  if (x >= 1) return 1;
  return expNonPositive(y * logNormal(x));
}
