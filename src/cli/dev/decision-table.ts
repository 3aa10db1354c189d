// `npm run decision-table`: the evaluator's table (issue 24) for each shipped scenario's decision comparison (its first
// option against its counterfactual: Leeds's expansion against the service before; Darlington's 6 facilitators
// against 2), under each effect preset: the net saving over the simulated years (total cost, the service's own
// included, undiscounted) and the NPV at 5 and 10 years, each P50 (P10–P90), with the chance the NPV is above 0; and,
// of the net saving, the part that is support paid for after care (issue 26: the reference's less the option's, a mean
// over runs, as means add up where medians do not).
import { runSimulation } from '../../engine/sim/simulate';
import type { Stat } from '../../engine/results/summarise';
import { EFFECT_PRESETS, withEffectPreset } from '../../scenario/effect-presets';
import { formatErrors, parseScenario } from '../../scenario/parse';
import { readFileSync } from 'node:fs';

const FILES = ['scenarios/leeds-2015-family-valued.json', 'scenarios/darlington-2019.json'];
const runs = Number(process.argv[2] ?? 200);
const m = (x: number) => `${x < 0 ? '−' : ''}£${(Math.abs(x) / 1e6).toFixed(2)}m`;
/** The app's one statistic: the mean over runs, with its P10 to P90. */
const band = (s: Stat) => `${m(s.mean)} (${m(s.p10)} to ${m(s.p90)})`;
const k = (x: number) => `${x < 0 ? '−' : ''}£${Math.round(Math.abs(x) / 1e3)}k`;

console.log(`| Scenario | Decision | Effects | Net saving, ${'simulated years'} | Of it, support after care (mean) | NPV 5 years | P(NPV > 0), 5 y | NPV 10 years | P(NPV > 0), 10 y |`);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const file of FILES) {
  for (const preset of Object.keys(EFFECT_PRESETS)) {
    const raw = withEffectPreset(JSON.parse(readFileSync(file, 'utf8')), preset);
    raw.finance.appraisalYears = { value: 10, unit: 'years', source: 'decision table' };
    const parsed = parseScenario(raw);
    if (!parsed.ok) throw new Error(formatErrors(parsed.errors));
    const s = parsed.value;
    const summary = runSimulation(s, { runs, seed: s.simulation.seed });
    const c = summary.comparisons[0]!;
    const f = summary.finance.comparisons[0]!;
    const at = (years: number) => f.npvByHorizon.find((h) => h.years === years)!;
    const afterCare = (arm: number) => summary.arms[arm]!.series.costAfterCare.mean.reduce((a, b) => a + b, 0);
    const optionArm = summary.arms.findIndex((a) => a.name === c.arm);
    console.log(`| ${s.name} | ${c.arm} against ${c.reference} | ${preset} | ${band(c.saving)} | ${k(afterCare(0) - afterCare(optionArm))} | ${band(at(5).npv)} | ${Math.round(at(5).probabilityPositive * 100)}% | ${band(at(10).npv)} | ${Math.round(at(10).probabilityPositive * 100)}% |`);
  }
}
