// Issue 27: a complete scenario for any English council from the council table. Building is fast; nothing runs here.
import { describe, expect, it } from 'vitest';
import { buildCouncilScenario } from '../../src/councils/build-scenario';
import { cinPlanStock } from '../../src/councils/cin-plan';
import { COUNCIL_TABLE } from '../../src/councils/council';
import { centralScenario } from '../../src/engine/analysis/inputs';
import { drawParameters } from '../../src/engine/sim/params';
import { steadyState } from '../../src/engine/sim/steady-state';
import { parseScenario, formatErrors } from '../../src/scenario/parse';

const at = (code: string, key: string, year: number) => COUNCIL_TABLE.councils[code]!.rows[year]?.[COUNCIL_TABLE.figures.indexOf(key)] ?? null;

/** Every council with DfE's CLA and CP on 31 March 2025. */
const WITH_2025 = Object.keys(COUNCIL_TABLE.councils).filter((code) => at(code, 'claAt31March', 2025) !== null && at(code, 'cppAt31March', 2025) !== null);

/** Every `source` in a scenario, with its path. */
function sources(node: unknown, path = '', out: [string, string][] = []): [string, string][] {
  if (Array.isArray(node)) node.forEach((x, i) => sources(x, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) k === 'source' && typeof v === 'string' ? out.push([path, v]) : sources(v, path ? `${path}.${k}` : k, out);
  return out;
}

describe('a council built from its published figures', () => {
  it('for every council with a 2025 figure: a valid scenario whose month 0 is DfE\'s CLA and CP on 31 March 2025 and the derived CIN-plan stock', () => {
    expect(WITH_2025.length).toBeGreaterThan(140);
    const problems: string[] = [];
    for (const code of WITH_2025) {
      const built = buildCouncilScenario(code, { year: 2025 });
      if (!built.ok) {
        problems.push(`${code}: ${built.error}`);
        continue;
      }
      const parsed = parseScenario(built.value.scenario);
      if (!parsed.ok) {
        problems.push(`${code}: ${formatErrors(parsed.errors)}`);
        continue;
      }
      const s = parsed.value;
      const cin = cinPlanStock(code, '2025-03-31');
      if (!cin.ok) throw new Error(cin.error);
      const month0 = [s.startMonth, s.initialStocks.cla.value, s.initialStocks.cp.value, s.initialStocks.cin.value];
      const published = ['2025-03', at(code, 'claAt31March', 2025), at(code, 'cppAt31March', 2025), Math.round(cin.value.mode)];
      if (JSON.stringify(month0) !== JSON.stringify(published)) problems.push(`${code}: month 0 ${JSON.stringify(month0)}, published ${JSON.stringify(published)}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it("says where every value came from: a DfE file and column, a fit, a derivation, a national default, a shipped scenario's default, an assumption or a placeholder", () => {
    for (const name of ['Leeds', 'Rutland', 'Kent', 'Isles of Scilly', 'Westmorland and Furness']) {
      const built = buildCouncilScenario(name);
      if (!built.ok) throw new Error(built.error);
      const all = sources(built.value.scenario);
      expect(all.length).toBeGreaterThan(100);
      const unsaid = all.filter(([, text]) => !/^(DfE, |fitted|derived|national default: |default \(the shipped (Darlington 2019 scenario's value|Leeds 2015 scenario's fitted routes)\): |assumption|placeholder)/.test(text));
      expect(unsaid, `${name}: ${unsaid.map(([p, t]) => `${p}: ${t.slice(0, 60)}`).join('\n')}`).toEqual([]);
      // The council's own counts name the file, the column, the council and the year.
      expect(built.value.scenario.initialStocks.cla.source).toMatch(new RegExp(`^DfE, .*\\.csv, .*${built.value.name.replace(/[()]/g, '.')}, ${built.value.year}$`));
    }
    // The s251 unit costs where published, in that year's cash prices.
    const leeds = buildCouncilScenario('Leeds', { year: 2025 });
    if (!leeds.ok) throw new Error(leeds.error);
    const foster = leeds.value.scenario.costs.perChild.cla.inHouseFostering.marginal;
    expect(foster.source).toMatch(/financeFosteringWeeklyUnitCostGbp|Values/);
    expect(foster.priceYear).toMatch(/^20\d\d\/\d\d$/);
  });

  it("the analytic fit's shares, put through the engine's own steady state, give the published mean CP starts, care starts and CIN plans", () => {
    let balanced = 0;
    for (const name of ['Leeds', 'Birmingham', 'Hartlepool', 'Rutland']) {
      const built = buildCouncilScenario(name);
      if (!built.ok) throw new Error(built.error);
      const parsed = parseScenario(built.value.scenario);
      if (!parsed.ok) throw new Error(formatErrors(parsed.errors));
      // Every uncertain input at its centre, then the engine's parameters and its steady state (src/engine/sim/steady-state.ts).
      const p = drawParameters(centralScenario(parsed.value), 'steady', 0);
      const f = built.value.fit;
      const perYear = steadyState(p, f.series.referrals.mean / 12).entriesPerMonth;
      const close = (got: number, want: number, what: string) => expect(Math.abs(got * 12 / want - 1), `${name} ${what}: ${(got * 12).toFixed(0)} a year against ${want.toFixed(0)}`).toBeLessThan(0.01);
      if (!f.warnings.length) {
        close(perYear.cp, f.series.cppStarting.mean, 'CP starts');
        close(perYear.cla, f.series.claStarting.mean, 'care starts');
        close(perYear.cin, f.cinPlanStartsPerYear, 'CIN plans');
        balanced++;
      }
      // Little's law: CP plans on 31 March over CP starts a year; children looked after over those ceasing.
      expect(f.cpMonths).toBeCloseTo((f.series.cppAt31March.mean / f.series.cppStarting.mean) * 12, 9);
      expect(f.claDays).toBeCloseTo((f.series.claAt31March.mean / f.series.claCeasing.mean) * 365.25, 9);
    }
    // A council whose fit floored or scaled a share (said in its warnings) cannot balance exactly: none of these four.
    expect(balanced).toBe(4);
  });

  it('refuses what it cannot build, naming the council and the year', () => {
    const unknown = buildCouncilScenario('Gotham');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error).toMatch(/no council "Gotham" in the table; nearest: /);
    const early = buildCouncilScenario('Leeds', { year: 2011 });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error).toBe('Leeds (383) has figures for 2013–2025, not 2011');
    const noCla = buildCouncilScenario('Leeds', { year: 2014 });
    expect(noCla.ok).toBe(false);
    if (!noCla.ok) expect(noCla.error).toMatch(/^Leeds publishes no children looked after on 31 March 2014 \(years with both: 2016, .*2025\)$/);
  });

  it('a council whose flows DfE suppressed gets England\'s rate on its own stock, and says so', () => {
    const scilly = buildCouncilScenario('Isles of Scilly');
    if (!scilly.ok) throw new Error(scilly.error);
    expect(scilly.value.warnings.some((w) => /England's .* stands in/.test(w))).toBe(true);
    expect(parseScenario(scilly.value.scenario).ok).toBe(true);
  });
});
