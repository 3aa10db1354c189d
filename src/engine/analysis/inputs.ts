// The uncertain inputs of a scenario: the walk's (src/scenario/inputs.ts) given as distributions, fixed or
// re-distributed one at a time, and re-drawn exactly as a run drew them (each from its own stream keyed by seed, path, run).
import { scenarioInputs, type DurationPartInput, type QuantityInput } from '../../scenario/inputs';
import type { DistSpec } from '../../scenario/quantity';
import type { Scenario } from '../../scenario/schema';
import { centralValue, drawDist } from '../random/draw';

/** An input's central value (a fixed value, or its distribution's mean or mode): the door's for the page. */
export { centralValue };
import { makeInputRng } from '../random/rng';

/** What kind of evidence an input is: the council's own flows, the FGC service, the FGC effect evidence, costs. */
export type InputGroup = 'council flows' | 'FGC service' | 'FGC effect' | 'caseload service' | 'caseload service effect' | 'costs and appraisal';

export const INPUT_GROUPS: InputGroup[] = ['council flows', 'FGC service', 'FGC effect', 'caseload service', 'caseload service effect', 'costs and appraisal'];

/** The groups a scenario's inputs can fall in: the caseload service's only when it declares one. */
export function inputGroupsOf(s: Scenario): InputGroup[] {
  return s.services?.length ? INPUT_GROUPS : INPUT_GROUPS.filter((g) => !g.startsWith('caseload'));
}

export interface UncertainInput {
  /** Field path, as the scenario and the parameter streams name it: `fgc.effects.rrEntryToCare`. */
  path: string;
  dist: DistSpec;
  /** Unit, where the input carries one (a duration's mean inherits its duration's unit). */
  unit: string;
  group: InputGroup;
}

export function inputGroup(path: string): InputGroup {
  if (path.startsWith('fgc.effects.')) return 'FGC effect';
  if (/^services\[\d+\]\.effects\./.test(path)) return 'caseload service effect';
  if (path.startsWith('services[')) return 'caseload service';
  if (/^arms\..*\.services\./.test(path)) return 'caseload service';
  if (path.startsWith('fgc.')) return 'FGC service';
  if (path.startsWith('costs.') || path.startsWith('finance.')) return 'costs and appraisal';
  return 'council flows';
}

type Json = Record<string, unknown>;

/** A single number of the scenario a run draws (a quantity or a duration's part), fixed or a distribution. */
export type NumericInput = QuantityInput | DurationPartInput;

/** The numeric input at `path`, if the scenario has one there. */
export function numericInput(s: Scenario, path: string): NumericInput | undefined {
  return scenarioInputs(s).all.find((i): i is NumericInput => (i.kind === 'quantity' || i.kind === 'duration part') && i.path === path);
}

/** Every numeric input given as a distribution, in the scenario's own order (the walk's). */
export function uncertainInputs(s: Scenario): UncertainInput[] {
  const out: UncertainInput[] = [];
  for (const input of scenarioInputs(s).all) {
    if (input.kind !== 'quantity' && input.kind !== 'duration part') continue;
    const node = input.node;
    if (typeof node === 'object' && 'dist' in node) out.push({ path: input.path, dist: node, unit: input.unit, group: inputGroup(input.path) });
  }
  return out;
}

/** A copy of the scenario with the node at `path` replaced by `make(old)` (copying only along the path). */
function replaceAt(s: Scenario, path: string, make: (old: Json) => unknown): Scenario {
  if (!numericInput(s, path)) throw new Error(`no input at ${path}`);
  // `arms.options[1].conferencesPerFtePerYear` → arms, options, 1, conferencesPerFtePerYear.
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');
  const rebuild = (node: unknown, i: number): unknown => {
    if (i === keys.length) return make(node as Json);
    if (Array.isArray(node)) {
      const at = Number(keys[i]);
      if (!(at >= 0 && at < node.length)) throw new Error(`no input at ${path}`);
      return node.map((item, j) => (j === at ? rebuild(item, i + 1) : item));
    }
    const rec = node as Json;
    if (!Object.hasOwn(rec, keys[i]!)) throw new Error(`no input at ${path}`);
    return { ...rec, [keys[i]!]: rebuild(rec[keys[i]!], i + 1) };
  };
  return rebuild(s, 0) as Scenario;
}

const PROVENANCE = ['unit', 'source', 'priceYear', 'note', 'grade', 'measure'];

/** A quantity carries its own unit and source; a bare number or distribution inside a duration does not. */
function isQuantity(node: unknown): node is Json {
  return typeof node === 'object' && node !== null && 'source' in node;
}

function provenanceOf(node: Json): Json {
  return Object.fromEntries(PROVENANCE.filter((k) => k in node).map((k) => [k, node[k]]));
}

/** The scenario with one input fixed at `value` (keeping its unit, source and price year). */
export function withInputFixed(s: Scenario, path: string, value: number): Scenario {
  return replaceAt(s, path, (old) => (isQuantity(old) ? { value, ...provenanceOf(old) } : value));
}

/** The scenario with one input given a new distribution (keeping its provenance; `note` says why). */
export function withInputDist(s: Scenario, path: string, dist: DistSpec, note?: string): Scenario {
  return replaceAt(s, path, (old) => (isQuantity(old) ? { ...dist, ...provenanceOf(old), ...(note ? { note } : {}) } : dist));
}

/** Every uncertain input at its central value (the mean) and branch shares at their centre: the deterministic base case. */
export function centralScenario(s: Scenario): Scenario {
  let out = s;
  for (const input of uncertainInputs(s)) out = withInputFixed(out, input.path, centralValue(input.dist));
  const strip = (node: unknown): unknown => {
    if (node === null || typeof node !== 'object') return node;
    if (Array.isArray(node)) return node.map(strip);
    const rec = node as Json;
    const copy: Json = {};
    for (const [k, v] of Object.entries(rec)) if (!(k === 'concentration' && 'shares' in rec)) copy[k] = strip(v);
    return copy;
  };
  return strip(out) as Scenario;
}

/** The value run `run` drew for the input at `path` (the same stream `drawParameters` uses). */
export function drawnInput(input: UncertainInput, seed: string, run: number): number {
  return drawDist(input.dist, makeInputRng(seed, input.path, run));
}
