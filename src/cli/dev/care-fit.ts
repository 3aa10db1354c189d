// `npx tsx src/cli/dev/care-fit.ts <scenario.json> [runs] [months]`: what a scenario's care clocks give, in the arm its
// observations reflect, beside what was published: exits by route in the first year (months 1–12), care entries and
// exits a month, CLA in the observed months, and the CLA age mix the run settles to (its last month). For fitting
// pathway.cla.routes by hand to a council's published routes and ages (issue 25); every figure a median over runs.
import { readFileSync } from 'node:fs';
import { runSimulation } from '../../engine/sim/simulate';
import { formatErrors, parseScenario } from '../../scenario/parse';
import type { Metric } from '../../engine/results/metrics';

const [path, runsText, monthsText] = process.argv.slice(2);
const parsed = parseScenario(JSON.parse(readFileSync(path!, 'utf8')));
if (!parsed.ok) throw new Error(formatErrors(parsed.errors));
const s = parsed.value;
const runs = Number(runsText ?? 100);
const months = Number(monthsText ?? 120);
const armIndex = s.observed?.arm ?? s.arms.options.length;
const summary = runSimulation(s, { runs, months, seed: s.simulation.seed });
const arm = summary.arms[armIndex]!;
const mean = (metric: Metric, from: number, to: number) => arm.series[metric].mean.slice(from, to + 1).reduce((a, b) => a + b, 0);
console.log(`${s.name}: arm "${arm.name}", ${runs} runs, ${months} months`);
const routes: [string, Metric][] = [['returned home', 'claReturnsHome'], ['special guardianship', 'claSpecialGuardianship'], ['adopted', 'claAdopted'], ['other', 'claOtherExits'], ['at 18', 'careLeavers'], ['all exits', 'claExits'], ['entries', 'claEntries']];
console.log(`first year (months 1-12): ${routes.map(([name, m]) => `${name} ${mean(m, 1, 12).toFixed(0)}`).join(', ')}`);
console.log(`year 5 (months 49-60): ${routes.map(([name, m]) => `${name} ${mean(m, 49, 60).toFixed(0)}`).join(', ')}`);
const bands: Metric[] = ['claUnder1', 'cla1to4', 'cla5to9', 'cla10to15', 'cla16plus'];
const entries: Metric[] = ['claEntriesUnder1', 'claEntries1to4', 'claEntries5to9', 'claEntries10to15', 'claEntries16plus'];
const share = (ms: Metric[], pick: (m: Metric) => number) => {
  const v = ms.map(pick);
  const total = v.reduce((a, b) => a + b, 0);
  return v.map((x) => `${((100 * x) / total).toFixed(1)}%`).join(' / ');
};
console.log(`CLA age mix at month ${months} (under 1 / 1-4 / 5-9 / 10-15 / 16+): ${share(bands, (m) => arm.series[m].mean[months]!)}; CLA ${arm.series.cla.mean[months]!.toFixed(0)}`);
console.log(`care entries by age, months 1-${months}: ${share(entries, (m) => mean(m, 1, months))}`);
const monthOf = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7));
const cla = s.observed?.series.cla;
if (cla) {
  const offset = monthOf(s.observed!.startMonth) - monthOf(s.startMonth);
  const pairs = cla.flatMap((v, i) => (v === null || offset + i > months ? [] : [`${v}/${arm.series.cla.mean[offset + i]!.toFixed(0)}`]));
  console.log(`CLA observed/simulated mean, month by month from ${s.observed!.startMonth}: ${pairs.join(' ')}`);
}
// Placements (issue 26): the mix the run settles to, in DfE's groups (foster care: kinship, in-house and independent
// fostering; residential; the rest), and new placements (care entries and moves) in the months 60-71.
const placements: Metric[] = ['claKinship', 'claInHouseFostering', 'claIndependentFostering', 'claResidential', 'claOther'];
const at = placements.map((m) => arm.series[m].mean[months]!);
const inCare = at.reduce((a, b) => a + b, 0);
const pct = (x: number) => `${((100 * x) / inCare).toFixed(1)}%`;
console.log(`placement mix at month ${months}: foster care ${pct(at[0]! + at[1]! + at[2]!)} (kinship ${pct(at[0]!)}, in-house ${pct(at[1]!)}, independent ${pct(at[2]!)}), residential ${pct(at[3]!)}, other ${pct(at[4]!)}`);
if (months >= 71) console.log(`new placements in months 60-71: ${(mean('claEntries', 60, 71) + mean('placementMoves', 60, 71)).toFixed(0)} (care entries ${mean('claEntries', 60, 71).toFixed(0)}, moves ${mean('placementMoves', 60, 71).toFixed(0)})`);
