// One run's draw of an input: its value (fixed, or from its own stream), uprated, in months; and an offer point's effects.
import { perConference } from '../../scenario/effect-presets';
import type { DurationInputs, DurationPartInput, QuantityInput, SharesInput, scenarioInputs } from '../../scenario/inputs';
import type { Scenario } from '../../scenario/schema';
import { upratingFactors } from '../../scenario/prices';
import { drawDist } from '../random/draw';
import { gamma } from '../random/distributions';
import { makeInputRng } from '../random/rng';
import { DAYS_PER_MONTH, Sojourn } from './sojourn';

/** Weeks in an average month (365.25 / 7 / 12). */
export const WEEKS_PER_MONTH = DAYS_PER_MONTH / 7;

/**
 * What a run drew, by input path: each input's value before uprating and unit conversion (in the
 * scenario's own unit and price year); a group of branch shares as one value per branch, at
 * `<group path>.shares.<branch>`. Fixed inputs are there too, at their value.
 */
export type DrawnInputs = Map<string, number>;

/** An input whose value (as drawn, uprated or derived) the simulator cannot use: its message starts with the input's path. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

/**
 * One run's draws of a scenario's inputs. Methods on a class rather than closures made afresh for
 * each run: a worker draws a run's parameters once a run, so these functions stay long cold, and
 * each run's fresh closures were compiled by V8 again and again (docs/performance.md).
 */
export class ParameterDraw {
  private readonly uprating: Map<string, number>;

  constructor(
    s: Scenario,
    money: QuantityInput[],
    private readonly seed: string,
    private readonly run: number,
    private readonly drawn: DrawnInputs | undefined,
  ) {
    // Money in the reporting year's prices (factor 1 when the scenario has no deflator).
    this.uprating = upratingFactors(s, s.prices?.reportingYear, money).factors;
  }

  /** An input's value for this run: its fixed value, or a draw from its own stream (keyed by its path). */
  q(input: QuantityInput | DurationPartInput): number {
    const x = input.node;
    const value = typeof x === 'number' ? x : 'value' in x ? x.value : drawDist(x, makeInputRng(this.seed, input.path, this.run));
    if (this.drawn) this.drawn.set(input.path, value);
    if (!Number.isFinite(value)) throw new InputError(input.path, `run ${this.run} drew ${value}, not a finite number: its distribution's parameters are too extreme`);
    return value;
  }

  sojourn(d: DurationInputs): Sojourn {
    const sojourn = this.sojournOf(d);
    const problem = sojourn.problem();
    if (problem) throw new InputError(d.path, `in run ${this.run} ${problem}: the duration's inputs are too extreme`);
    return sojourn;
  }

  private sojournOf(d: DurationInputs): Sojourn {
    const unit = d.node.unit;
    switch (d.family) {
      case 'lognormal':
        return Sojourn.lognormal(inMonths(this.q(d.mean), unit), inMonths(this.q(d.sd), unit));
      case 'gamma':
        return Sojourn.gamma(inMonths(this.q(d.mean), unit), inMonths(this.q(d.sd), unit));
      case 'weibull':
        return Sojourn.weibull(inMonths(this.q(d.mean), unit), this.q(d.shape));
      case 'empirical': {
        const edges = new Array<number>(d.node.binEdges.length);
        for (let i = 0; i < edges.length; i++) edges[i] = inMonths(d.node.binEdges[i]!, unit);
        return Sojourn.empirical(edges, d.node.weights);
      }
    }
  }

  /** Shares in `keys` order: as given, or drawn from a Dirichlet around them when a concentration is set. */
  shares(input: SharesInput, keys: readonly string[]): Float64Array {
    const g = input.node;
    const out = new Float64Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const share = g.shares[keys[i]!];
      if (share === undefined) throw new Error(`${input.path}: no share for ${keys[i]} (the walk reads ${keys.join(', ')})`);
      out[i] = share;
    }
    if (g.concentration !== undefined) {
      const rng = makeInputRng(this.seed, input.path, this.run);
      let total = 0;
      for (let i = 0; i < out.length; i++) {
        const b = out[i]!;
        out[i] = b > 0 ? gamma(rng, b * g.concentration, 1) : 0;
        total += out[i]!;
      }
      for (let i = 0; i < out.length; i++) out[i] = out[i]! / total;
    }
    if (this.drawn) for (let i = 0; i < keys.length; i++) this.drawn.set(`${input.path}.shares.${keys[i]!}`, out[i]!);
    return out;
  }

  money(x: QuantityInput): number {
    const value = this.q(x) * (this.uprating.get(x.path) ?? 1);
    if (!Number.isFinite(value)) throw new InputError(x.path, `uprated to the reporting year it is ${value}, not a finite number of pounds`);
    return value;
  }

  /** £ per month. */
  perMonth(x: QuantityInput): number {
    const v = this.money(x);
    const monthly = x.unit === 'GBP/week' ? v * WEEKS_PER_MONTH : x.unit === 'GBP/year' ? v / 12 : v;
    if (!Number.isFinite(monthly)) throw new InputError(x.path, `a month of it is ${monthly}, not a finite number of pounds`);
    return monthly;
  }
}

function inMonths(value: number, unit: 'days' | 'weeks' | 'months'): number {
  return unit === 'days' ? value / DAYS_PER_MONTH : unit === 'weeks' ? value / WEEKS_PER_MONTH : value;
}

/** The effects of a conference held at one offer point, per conference held (an intention-to-treat effect converted). */
export interface PointEffects {
  rrEscalationToCp: number;
  rrEntryToCare: number;
  rrCareProceedings: number;
  /** Of the escalations avoided, the share that go to the nearest step-down exit (undefined: all step-down exits in proportion). */
  stepDownShare: number | undefined;
  hrReturnHome: number;
  timeInSystemFactor: number;
  timeInCareFactor: number;
  kinshipShareOfCareEntries: number;
}

/** The tree of one offer point's effect inputs. */
type PointEffectInputs = ReturnType<typeof scenarioInputs>['tree']['fgc']['effects']['byOfferPoint']['referral'];

/** One offer point's effects for a run, per intervention held (an effect by intention to treat made per conference held by its uptake). */
export function pointEffectsOf(draw: ParameterDraw, point: PointEffectInputs, run: number): PointEffects {
  const uptake = point.uptake ? draw.q(point.uptake) : 1;
  const risk = (input: typeof point.rrEntryToCare | undefined) => {
    if (!input) return 1;
    const rr = draw.q(input);
    if (input.node.measure !== 'intention to treat') return rr;
    // A referral's effect larger than the share who held a conference cannot be one conference's: refused, not cut to 0.
    if (1 - rr > uptake) throw new InputError(point.uptake!.path, `run ${run} drew an uptake of ${+uptake.toPrecision(4)}, below the risk reduction of the referral's effect at ${input.path} (1 − ${+rr.toPrecision(4)}): per conference held it would be below 0; raise the uptake's lower end or the relative risk's`);
    return perConference(rr, uptake);
  };
  return {
    rrEscalationToCp: risk(point.rrEscalationToCp),
    rrEntryToCare: risk(point.rrEntryToCare),
    timeInSystemFactor: draw.q(point.timeInSystemFactor),
    timeInCareFactor: draw.q(point.timeInCareFactor),
    kinshipShareOfCareEntries: draw.q(point.kinshipShareOfCareEntries),
    rrCareProceedings: risk(point.rrCareProceedings),
    stepDownShare: point.stepDownShare ? draw.q(point.stepDownShare) : undefined,
    hrReturnHome: point.hrReturnHome ? draw.q(point.hrReturnHome) : 1,
  };
}
