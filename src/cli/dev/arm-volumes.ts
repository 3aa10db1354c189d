// `npx tsx src/cli/dev/arm-volumes.ts <scenario.json> [runs]`: each arm's FGCs held, lapsed and waiting a year as simulated (medians over runs), for naming arms by what they hold.
import { readFileSync } from 'node:fs';
import { runSimulation } from '../../engine/sim/simulate';
import { parseScenario, formatErrors } from '../../scenario/parse';

const [path, runsText] = process.argv.slice(2);
const parsed = parseScenario(JSON.parse(readFileSync(path!, 'utf8')));
if (!parsed.ok) throw new Error(formatErrors(parsed.errors));
const s = parsed.value;
const runs = Number(runsText ?? 200);
const months = Math.min(36, s.simulation.horizonMonths);
const summary = runSimulation(s, { runs, months, seed: s.simulation.seed, keepRunSeries: ['fgcHeld', 'fgcLapsed'] });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const arm of summary.arms) {
  const year = (metric: 'fgcHeld' | 'fgcLapsed', from: number) => median(arm.runSeries![metric]!.map((r) => r.slice(from, from + 12).reduce((a, b) => a + b, 0)));
  console.log(`${arm.name}: held ${year('fgcHeld', 1)} in months 1-12, ${year('fgcHeld', 13)} in months 13-24; lapsed ${year('fgcLapsed', 1)}, ${year('fgcLapsed', 13)}; waiting at month 24 ${arm.series.fgcWaiting.p50[24]!.toFixed(0)}`);
}
