// `npm run effects-table`: for Leeds and Darlington under each effect preset, FGCs held and the benefit per FGC by
// offer point, in all and effect by effect, each effect with its evidence grade: the README's table (issue 22).
// Each offer point is run as an arm that offers only there (the scenario's eligible share there, none elsewhere),
// against no service, with common random numbers; an effect's own benefit is that arm's with every other effect at
// that point set to none. Benefit per FGC is (no service's cost − the arm's cost + the arm's own service cost) ÷
// FGCs held: what a conference saves before paying for it, in the scenario's reporting year's prices.
import { runSimulation } from '../../engine/sim/simulate';
import { EFFECT_PRESETS, withEffectPreset } from '../../scenario/effect-presets';
import { parseScenario, formatErrors } from '../../scenario/parse';
import type { Scenario } from '../../scenario/schema';
import { loadScenario } from '../main-helpers';

const COUNCILS = [
  ['Leeds 2015', 'scenarios/leeds-2015-family-valued.json'],
  ['Darlington 2019', 'scenarios/darlington-2019.json'],
] as const;
const POINTS = ['referral', 'icpc', 'preProceedings', 'inCare'] as const;
const POINT_NAMES: Record<(typeof POINTS)[number], string> = { referral: 'CIN plan', icpc: 'ICPC', preProceedings: 'pre-proceedings', inCare: 'in care' };
const EFFECTS = ['rrEntryToCare', 'rrEscalationToCp', 'rrCareProceedings', 'timeInSystemFactor', 'timeInCareFactor', 'hrReturnHome', 'kinshipShareOfCareEntries', 'stepDownShare'] as const;
const EFFECT_NAMES: Record<(typeof EFFECTS)[number], string> = {
  rrEntryToCare: 'care',
  rrEscalationToCp: 'CP',
  rrCareProceedings: 'proceedings',
  timeInSystemFactor: 'time to close',
  timeInCareFactor: 'time in care',
  hrReturnHome: 'returning home',
  kinshipShareOfCareEntries: 'kinship',
  stepDownShare: 'step-down share',
};
/** Effects on a risk, which say whether they are by intention to treat. */
const MEASURED: readonly string[] = ['rrEntryToCare', 'rrEscalationToCp', 'rrCareProceedings'];
const GRADES: Record<string, string> = { 'randomised trial': 'RCT', 'quasi-experimental': 'QE', 'uncontrolled comparison': 'UC', assumption: 'A' };
const RUNS = Number(process.env.EFFECTS_TABLE_RUNS ?? 100);
const SEED = 'effects-table';

type Raw = any;

/** No effect: what an effect is when switched off (undefined: the effect left out, which is no effect, or for the step-down share, in proportion). */
function none(key: (typeof EFFECTS)[number]) {
  if (key === 'stepDownShare') return undefined;
  if (key === 'kinshipShareOfCareEntries') return { value: 0, unit: 'share', source: 'off', grade: 'assumption' };
  const unit = key.startsWith('rr') ? 'relative risk' : key === 'hrReturnHome' ? 'hazard ratio' : 'ratio';
  return { value: 1, unit, source: 'off', grade: 'assumption', ...(MEASURED.includes(key) ? { measure: 'per conference' } : {}) };
}

function validated(raw: Raw): Scenario {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(formatErrors(parsed.errors));
  return parsed.value;
}

/** The council with one arm (its largest) offering only at `point`, and only `effect` on there (all of them if undefined). */
function offeringOnlyAt(base: Raw, point: (typeof POINTS)[number], effect?: (typeof EFFECTS)[number]): Scenario {
  const raw = structuredClone(base);
  const largest = structuredClone(raw.arms.options.reduce((a: Raw, b: Raw) => (b.coordinatorsFte > a.coordinatorsFte ? b : a)));
  // Offered only at `point`, with the share the scenario (or the arm) gives there.
  for (const other of POINTS) {
    if (other === point) continue;
    raw.fgc.offerPoints[other].eligibleShare = { value: 0, unit: 'share', source: `offered only at ${POINT_NAMES[point]}` };
    if (largest.offerPoints) largest.offerPoints[other] = 0;
  }
  raw.arms = { counterfactual: { name: 'No service', coordinatorsFte: 0 }, options: [{ ...largest, name: `Offering at ${POINT_NAMES[point]}` }] };
  if (effect) {
    const at = raw.fgc.effects.byOfferPoint[point];
    for (const key of EFFECTS) {
      if (key === effect) continue;
      const off = none(key);
      if (off) at[key] = off;
      else delete at[key];
    }
    if (at.uptake && !MEASURED.some((key) => at[key]?.measure === 'intention to treat')) delete at.uptake;
    raw.fgc.effects.preset = 'custom';
  }
  return validated(raw);
}

/** FGCs held over the horizon (mean a run) and the gross benefit per FGC, £. */
function measure(s: Scenario): { held: number; perFgc: number } {
  const summary = runSimulation(s, { runs: RUNS, seed: SEED });
  const [reference, arm] = summary.arms;
  const service = arm!.series.costFgcService.mean.reduce((a, b) => a + b, 0);
  const held = arm!.totals.fgcHeld.mean;
  return { held, perFgc: held > 0 ? (reference!.totals.cost.mean - arm!.totals.cost.mean + service) / held : 0 };
}

/** £, whole pounds; a value that rounds to 0 is £0 (no "−£0" from the float noise of taking a path out and in). */
function pounds(x: number): string {
  const whole = Math.round(x);
  return `${whole < 0 ? '−' : ''}£${Math.abs(whole).toLocaleString('en-GB')}`;
}

const lines: string[] = [];
for (const [council, file] of COUNCILS) {
  const months = loadScenario(file).simulation.horizonMonths;
  for (const preset of Object.keys(EFFECT_PRESETS)) {
    const base = withEffectPreset(loadScenario(file) as Raw, preset);
    lines.push('', `**${council}, ${preset}** (${RUNS} runs, seed \`${SEED}\`, ${months} months; benefit per FGC, £ in ${base.prices?.reportingYear ?? 'source years'} prices)`, '');
    lines.push(`| offered at | FGCs held | benefit per FGC | ${EFFECTS.map((e) => `${EFFECT_NAMES[e]}`).join(' | ')} |`);
    lines.push(`|---|---|---|${EFFECTS.map(() => '---').join('|')}|`);
    for (const point of POINTS) {
      const all = measure(offeringOnlyAt(base, point));
      const cells = EFFECTS.map((effect) => {
        const input = base.fgc.effects.byOfferPoint[point][effect];
        // Not given: no effect (the step-down share: in proportion to the step-down exits), nothing of its own to measure.
        if (!input) return effect === 'stepDownShare' ? 'in proportion' : 'none';
        return `${pounds(measure(offeringOnlyAt(base, point, effect)).perFgc)} (${GRADES[input.grade] ?? '?'})`;
      });
      lines.push(`| ${POINT_NAMES[point]} | ${Math.round(all.held).toLocaleString('en-GB')} | ${pounds(all.perFgc)} | ${cells.join(' | ')} |`);
    }
  }
}
process.stdout.write(`${lines.join('\n').trimStart()}\n`);
