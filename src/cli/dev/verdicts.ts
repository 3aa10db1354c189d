// `npm run --silent verdicts`: the verdict in words for the shipped Leeds scenario and for a council built from the
// council table (Calderdale, 31 March 2024), each at its own runs and seed, for the README.
import { buildCouncilScenario } from '../../councils/build-scenario';
import { parseScenario, formatErrors } from '../../scenario/parse';
import { runSimulation } from '../../engine/sim/simulate';
import { verdict } from '../../ui/verdict';
import { readFileSync } from 'node:fs';

const leeds: unknown = JSON.parse(readFileSync(new URL('../../../scenarios/leeds-2015-family-valued.json', import.meta.url), 'utf8'));

async function say(name: string, raw: unknown): Promise<void> {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(`${name}: ${formatErrors(parsed.errors)}`);
  const summary = await runSimulation(parsed.value);
  const v = verdict(summary, parsed.value, 1);
  console.log(`**${name}** (${summary.runs} runs, seed “${summary.seed}”, “${summary.arms[1]!.name}” against “${summary.arms[0]!.name}”):\n`);
  console.log(`> ${v.sentences.join(' ')}\n`);
}

await say('Leeds 2015', leeds);
const council = buildCouncilScenario('Calderdale', { year: 2024 });
if (!council.ok) throw new Error(council.error);
await say('Calderdale from 31 March 2024 (council table; arms are the builder’s placeholders)', council.value.scenario);
