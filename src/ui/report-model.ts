// The business case to file, as blocks of text, tables and pictures: the verdict, the question and the options, the
// scenario, the assumptions register (every input with its value, unit, source and the passage it quotes, price year,
// evidence grade), the charts, savings by financial year, the appraisal, the sensitivity and the limitations. Pure:
// src/ui/report-pdf.ts lays it out; the tests read it back from the PDF.
import type { CoordinatorAnswer, GlobalSensitivity, RunSummary, Tornado } from '../engine';
import { claimProblem, rangeWords, serviceClaim } from '../engine';
import { citationKey, citationsIn, sourcesIn } from '../scenario/citations';
import type { Scenario } from '../scenario/schema';
import { fieldLabel, inputLabel } from './field-labels';
import { formatFixed, formatGbp, formatShare, formatSignificant, moneyIn, paidBackBy } from './format';
import { verdict } from './verdict';

export type Block =
  | { kind: 'section'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'table'; caption: string; head: string[]; rows: string[][] }
  | { kind: 'picture'; title: string; png: Uint8Array; width: number; height: number };

/** What every page carries: the runs, the seed, a hash of the scenario and the app's version. */
export interface Stamp {
  runs: number;
  seed: string;
  scenarioHash: string;
  version: string;
}

export const stampWords = (s: Stamp): string => `${s.runs.toLocaleString('en-GB')} runs · seed “${s.seed}” · scenario SHA-256 ${s.scenarioHash} · app ${s.version}`;

/** The sections, in order (the tests look for each). */
export const REPORT_SECTIONS = ['The answer', 'The question and the options', 'The scenario', 'Savings by financial year', 'Appraisal', 'Sensitivity', 'Charts', 'Limitations', 'Assumptions register'] as const;

export interface ReportInput {
  summary: RunSummary;
  scenario: Scenario;
  /** The scenario as written (its sources where the user put them). */
  raw: unknown;
  focus: number;
  answer?: CoordinatorAnswer;
  tornado?: Tornado;
  ranking?: GlobalSensitivity;
  /** Pictures of the charts (PNG bytes at twice screen size, titled, on white). */
  pictures: Array<{ title: string; png: Uint8Array; width: number; height: number }>;
  /** The passages the seed citations quote ("000_….txt:L1913" → text). */
  passages: Record<string, string>;
  stale: boolean;
}

const band = (s: { mean: number; p10: number; p90: number }, f: (x: number) => string) => `${f(s.mean)} (P10 ${f(s.p10)} to P90 ${f(s.p90)})`;

/** A quantity's value or distribution in words: "0.82", "uniform 100 to 200", "PERT 1, 2, 5", "normal mean 3, sd 1". */
export function valueWords(node: Record<string, unknown>): string {
  const n = (k: string) => formatSignificant(node[k] as number, 6);
  if (typeof node.value === 'number') return n('value');
  switch (node.dist) {
    case 'uniform':
      return `uniform ${n('min')} to ${n('max')}`;
    case 'triangular':
    case 'pert':
      return `${node.dist === 'pert' ? 'PERT' : 'triangular'} ${n('min')}, mode ${n('mode')}, ${n('max')}`;
    case 'normal':
    case 'lognormal':
    case 'gamma':
      return `${node.dist} mean ${n('mean')}, sd ${n('sd')}`;
    case 'beta':
      return `beta α ${n('alpha')}, β ${n('beta')}`;
    default:
      return typeof node.eligibleShare === 'number' ? n('eligibleShare') : '(see the scenario file)';
  }
}

/** The node at a dotted path with [i] indices ("pathway.cla.exits.shares.home"). */
function at(root: unknown, path: string): Record<string, unknown> | undefined {
  let node: unknown = root;
  for (const part of path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}

/** Every input with a source, its value or distribution, unit, price year and grade, and the passages it cites. */
export function assumptionsRegister(raw: unknown, passages: Record<string, string>): Block[] {
  const blocks: Block[] = [];
  for (const { path, source } of sourcesIn(raw)) {
    const owner = path.replace(/\.source$/, '');
    const node = at(raw, owner) ?? {};
    const facts = [
      valueWords(node),
      typeof node.unit === 'string' ? node.unit : '',
      typeof node.priceYear === 'string' ? `${node.priceYear} prices` : '',
      typeof node.grade === 'string' ? `evidence: ${node.grade}` : '',
      // "per conference" is the FGC's word; a caseload service's effect is per family taken on.
      typeof node.measure === 'string' ? (owner.startsWith('services[') && node.measure === 'per conference' ? 'per family taken on' : node.measure) : '',
    ].filter(Boolean);
    blocks.push({ kind: 'paragraph', text: `${fieldLabel(owner, raw)} (${owner}): ${facts.join('; ')}. Source: ${source}` });
    for (const c of citationsIn(source)) {
      const text = passages[citationKey(c)];
      if (text) blocks.push({ kind: 'quote', text: `${citationKey(c)}: “${text.length > 600 ? `${text.slice(0, 600)}…` : text}”` });
    }
  }
  return blocks;
}

/** A sensitivity output in words, as the evaluators' panel names it. */
const OUTPUT_WORDS: Record<Tornado['output'], string> = { netSaving: 'the net saving over the horizon', npv: 'the net present value', claAtHorizon: 'children looked after at the horizon' };

/** The report's blocks, in REPORT_SECTIONS order. */
export function reportBlocks(input: ReportInput): Block[] {
  const { summary: s, scenario, answer } = input;
  const f = s.finance;
  const focus = Math.min(Math.max(1, input.focus), s.arms.length - 1);
  const v = verdict(s, scenario, focus, answer);
  const blocks: Block[] = [];
  const section = (text: string) => blocks.push({ kind: 'section', text });
  const p = (text: string) => blocks.push({ kind: 'paragraph', text });

  section('The answer');
  if (input.stale) p('OUT OF DATE: the scenario was edited after these results were run; run it again before filing this report.');
  v.sentences.forEach(p);
  if (answer) p(`${answer.service === undefined ? 'How many coordinators' : `How many ${scenario.services?.find((x) => x.id === answer.service)?.name ?? answer.service} workers`}: recommended ${rangeWords(answer)}. ${answer.reason}`);

  section('The question and the options');
  p(`How many family group conference coordinators should be funded, where in the pathway should conferences be offered, and what will that save? ${scenario.name}${scenario.description ? `: ${scenario.description}` : ''}`);
  const arms = [scenario.arms.counterfactual, ...scenario.arms.options];
  blocks.push({
    kind: 'table',
    caption: 'The options, each against the counterfactual (the first)',
    head: ['Arm', 'Coordinators (FTE)', 'Offer points (eligible share)', 'Ramp-up'],
    rows: arms.map((a) => [
      a.name,
      formatFixed(a.coordinatorsFte, 0, 2),
      Object.entries(a.offerPoints ?? {}).map(([k, x]) => `${k} ${formatShare(x as number)}`).join(', ') || 'as the scenario (fgc.offerPoints)',
      (a.rampUp ?? []).map((r) => `${r.month}: ${r.coordinatorsFte}`).join(', ') || 'none',
    ]),
  });

  section('The scenario');
  p(`Month 0 is ${scenario.startMonth}; ${s.months.length - 1} months simulated; ${s.runs.toLocaleString('en-GB')} runs, seed “${s.seed}”; money ${moneyIn(s).replace(/^£, /, '')}; appraisal over ${f.appraisalYears} years at ${formatFixed(f.discountRate * 100, 1)}% a year (${f.priceBasis}); FGC effects: ${s.effects.preset}. Every figure below is the mean over runs with its P10 and P90.`);
  const last = s.months.length - 1;
  blocks.push({
    kind: 'table',
    caption: `Each arm over ${last} months (${moneyIn(s)}; not discounted)`,
    head: ['Arm', 'FTE', 'Children looked after at the end', 'FGCs held', 'Total cost', `Saving against ${s.arms[0]!.name}`],
    rows: s.arms.map((a, i) => [a.name, String(a.coordinatorsFte), formatFixed(a.series.cla.mean[last]!, 0), band(a.totals.fgcHeld, (x) => formatFixed(x, 0)), band(a.totals.cost, formatGbp), i > 0 ? band(s.comparisons[i - 1]!.saving, formatGbp) : 'reference']),
  });

  // A caseload service beside the FGC: each arm's team, what it took on and cost; and its published claim beside the run.
  const service = scenario.services?.[0];
  if (service) {
    blocks.push({
      kind: 'table',
      caption: `${service.name} in each arm over ${last} months (${moneyIn(s)}; not discounted)`,
      head: ['Arm', 'Workers (FTE)', 'Children taken on', 'Turned away or lapsed', 'Its cost'],
      rows: s.arms.map((a) => [a.name, formatFixed(a.serviceFte?.[service.id] ?? 0, 0, 2), band(a.totals.supportChildren, (x) => formatFixed(x, 0)), band(a.totals.supportAway, (x) => formatFixed(x, 0)), band(a.totals.supportCost, formatGbp)]),
    });
    const problem = claimProblem(scenario, s);
    if (service.publishedClaim && !problem) {
      const c = serviceClaim(scenario, s);
      blocks.push({
        kind: 'table',
        caption: `Published claim beside the simulation: “${c.option}” against “${c.reference}”, ${c.year}, £ a month (${moneyIn(s)})`,
        head: ['Figure', 'Mean', 'P10', 'P90'],
        rows: [
          [`Published (${c.published.basis}, ${c.published.priceYear} prices)`, formatGbp(c.published.monthlySaving), '', ''],
          ...([['Simulated: costs avoided before the services’ own cost', c.simulated.gross], ['Simulated: the services’ extra cost', c.simulated.serviceCost], ['Simulated: net', c.simulated.net]] as const).map(([label, x]) => [label, formatGbp(x.mean), formatGbp(x.p10), formatGbp(x.p90)]),
        ],
      });
      p(`Published: ${c.published.source}.${c.published.note ? ` ${c.published.note}` : ''}`);
    } else if (service.publishedClaim && problem) p(`The published claim cannot be set beside this run: ${problem}.`);
  }

  section('Savings by financial year');
  for (const c of s.comparisons) {
    blocks.push({
      kind: 'table',
      caption: `${c.arm} against ${c.reference}: the counterfactual's cost less the arm's (${moneyIn(s)}; not discounted)`,
      head: ['Financial year', 'Months', 'Mean', 'P10', 'P90'],
      rows: [...(c.savingByYear ?? []).map((y) => [y.year, String(y.months), formatGbp(y.saving.mean), formatGbp(y.saving.p10), formatGbp(y.saving.p90)]), ['Whole horizon', String(last), formatGbp(c.saving.mean), formatGbp(c.saving.p10), formatGbp(c.saving.p90)]],
    });
  }

  section('Appraisal');
  p(`Green Book: discounted at ${formatFixed(f.discountRate * 100, 1)}% a year, year 0 = ${f.financialYears[0]}, over ${f.appraisalYears} years; optimism bias on costs ${band(f.inputs.optimismBiasCosts, formatShare)}. Cashable: what stops being paid (placements' marginal cost). Non-cashable: staff time and placements' fixed cost.`);
  f.warnings.forEach((w) => p(`Caution: ${w.message}`));
  blocks.push({
    kind: 'table',
    caption: 'Present values over the appraisal horizon: cashable + non-cashable − extra service cost = NPV',
    head: ['Arm', 'Cashable', 'Non-cashable', 'Extra service cost', 'NPV', 'P(NPV > 0)', 'Budget NPV (cashable only)', 'BCR'],
    rows: f.comparisons.map((c) => [c.arm, band(c.presentValue.cashableSaving, formatGbp), band(c.presentValue.nonCashableSaving, formatGbp), band(c.presentValue.serviceCost, formatGbp), band(c.npv, formatGbp), formatShare(c.probabilityNpvPositive), band(c.cashNpv, formatGbp), c.benefitCostRatio ? band(c.benefitCostRatio, (x) => formatFixed(x, 2)) : '–']),
  });
  for (const c of f.comparisons) p(`${c.arm}: paid back ${paidBackBy(c.payback.byYear)}never within the horizon: ${formatShare(c.payback.never)}. Budget (cash) paid back ${paidBackBy(c.cashPayback.byYear)}never: ${formatShare(c.cashPayback.never)}.`);

  section('Sensitivity');
  if (input.tornado) {
    const t = input.tornado;
    blocks.push({ kind: 'table', caption: `Tornado: ${OUTPUT_WORDS[t.output]} of “${t.arm}”, each input at its P10 and P90 (${t.runs} runs each, the same families throughout); central ${formatGbp(t.central)}`, head: ['Input', 'At P10', 'At P90', 'Swing'], rows: t.bars.map((b) => [inputLabel(b.input, input.raw), formatGbp(b.outputAtLow), formatGbp(b.outputAtHigh), formatGbp(b.swing)]) });
  } else p('The tornado was not run for this report (the evaluators\' panel runs it).');
  if (input.ranking) {
    const g = input.ranking;
    blocks.push({ kind: 'table', caption: `What drives the spread of ${OUTPUT_WORDS[g.output]} (“${g.arm}”, ${g.runs} runs; rank regression, R² ${formatShare(g.rSquared)})`, head: ['Input', 'Group', 'Share of the spread'], rows: g.inputs.slice(0, 15).map((x) => [inputLabel(x.input, input.raw), x.group, formatShare(x.share)]) });
  }

  section('Charts');
  for (const pic of input.pictures) blocks.push({ kind: 'picture', ...pic });
  if (!input.pictures.length) p('No charts were drawn.');

  section('Limitations');
  [
    'A model, not a forecast: each run draws every uncertain input from its distribution; the bands show that uncertainty, not every way the future may differ.',
    `The effects of an FGC rest on the evidence graded in the register below; the effect that drives the answer is graded “${v.figures.grade ?? 'ungraded'}”.`,
    'Savings count what stops being paid (cashable) apart from staff time and fixed costs (non-cashable), which a budget does not get back in the short run.',
    'Years after the simulation, inside the appraisal horizon, are carried at the last whole simulated year’s level unless said otherwise above.',
    'The council’s own flows are fitted to published figures or its SSDA903 return; where the scenario says “assumption” or “placeholder”, it is one.',
  ].forEach(p);

  section('Assumptions register');
  p('Every input with a source: its value or distribution, unit, price year (for money), evidence grade (for an FGC effect), and the passage each seed citation quotes.');
  blocks.push(...assumptionsRegister(input.raw, input.passages));
  return blocks;
}
