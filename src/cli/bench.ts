// `npm run bench`: the engine's family-months per second on the Leeds scenario against a naive monthly Markov kernel, in one process.
import { monthlyMarkovKernel } from '../engine/reference-kernel';
import { planRun, simulateBlock } from '../engine/simulate';
import { loadScenario } from './main-helpers';

const SCENARIO = 'scenarios/leeds-2015-family-valued.json';
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const MONTHS = 60;

function engineRate(): { familyMonths: number; seconds: number } {
  const scenario = loadScenario(SCENARIO);
  const plan = planRun(scenario, { runs: RUNS, months: MONTHS });
  simulateBlock(scenario, plan, 0, 2); // warm-up
  const t0 = performance.now();
  const block = simulateBlock(scenario, plan, 0, RUNS);
  return { familyMonths: block.familyMonths, seconds: (performance.now() - t0) / 1000 };
}

/** The kernel on the same family-months: the engine's open families, five pathway states, Leeds-like monthly hazards. */
function kernelRate(familyMonths: number): { familyMonths: number; seconds: number } {
  const states = 5; // assessment, CIN, CP, pre-proceedings, CLA (a leaver re-enters as a new referral)
  const exitProb = Float64Array.of(1 / 1.3, 1 / 7.5, 1 / 8.5, 1 / 3.7, 1 / 41.8);
  const destCum = Float64Array.of(
    0.62, 0.92, 0.98, 0.98, 1, // assessment → (closed = back to assessment) | CIN | CP | – | CLA
    0.913, 0.913, 0.973, 0.973, 1,
    0.35, 0.85, 0.85, 1, 1,
    0, 0.15, 0.55, 0.55, 1,
    1, 1, 1, 1, 1,
  );
  const families = 2750;
  const months = Math.max(1, Math.round(familyMonths / families));
  const initial = new Uint8Array(families);
  for (let f = 0; f < families; f++) initial[f] = f % states;
  monthlyMarkovKernel(families, 10, states, exitProb, destCum, initial, 7); // warm-up
  const t0 = performance.now();
  const counts = monthlyMarkovKernel(families, months, states, exitProb, destCum, initial, 12345);
  const seconds = (performance.now() - t0) / 1000;
  if (counts.length === 0) throw new Error('kernel produced nothing');
  return { familyMonths: families * months, seconds };
}

const engine = engineRate();
const kernel = kernelRate(engine.familyMonths);
const engineRatePerSecond = engine.familyMonths / engine.seconds;
const kernelRatePerSecond = kernel.familyMonths / kernel.seconds;
const fmt = (x: number) => (x / 1e6).toFixed(2).padStart(10);
console.log(`Leeds scenario, ${RUNS} runs × 3 arms × ${MONTHS} months, one thread`);
console.log('| what | family-months | seconds | M family-months/s |\n|---|---|---|---|');
console.log(`| engine (event-driven) | ${engine.familyMonths} | ${engine.seconds.toFixed(2)} | ${fmt(engineRatePerSecond)} |`);
console.log(`| reference kernel (monthly Markov loop) | ${kernel.familyMonths} | ${kernel.seconds.toFixed(2)} | ${fmt(kernelRatePerSecond)} |`);
console.log(`engine / kernel = ${(engineRatePerSecond / kernelRatePerSecond).toFixed(3)}×`);
