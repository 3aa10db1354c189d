// A scenario written before costs went to their units opens upgraded, saying what changed, and runs; a current one
// is not touched. The fixture is the shipped Leeds scenario as it was at commit 9c4b345.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { runSimulation } from '../../src/engine/sim/simulate';
import { parseScenario } from '../../src/scenario/parse';
import { upgradeScenario } from '../../src/scenario/upgrade';
import { DARLINGTON, LEEDS, readJson, ROOT, SMALL } from '../helpers/scenarios';

const OLD = 'test/fixtures/leeds-2015-before-issue-23.json';

describe('a scenario from before costs went to their units', () => {
  it('opens upgraded, each change named by its path, and runs', () => {
    const raw = readJson(OLD);
    const before = JSON.stringify(raw);
    const parsed = parseScenario(raw);
    expect(parsed.ok).toBe(true);
    // The file given is not written.
    expect(JSON.stringify(raw)).toBe(before);
    const notes = parsed.upgraded!;
    expect(notes).toContain('costs.process.referral: unit GBP is now GBP/child (as it was booked)');
    expect(notes.find((n) => n.startsWith('costs.process.icpc: unit GBP is now GBP/family'))).toBeDefined();
    expect(notes.filter((n) => n.startsWith('costs.perChild.cla.'))).toHaveLength(5);
    expect(notes.find((n) => n.startsWith('pathway.preProceedings.proceedingsShare: added'))).toBeDefined();
    expect(notes.find((n) => n.startsWith('pathway.cla.proceedingsShareOfDirectEntries: added'))).toBeDefined();
    if (!parsed.ok) return;
    // Nothing is counted cashable until the user splits the placements' costs.
    const s = runSimulation(parsed.value, { runs: 2, months: 6, seed: 'upgrade' });
    expect(s.arms.every((a) => a.series.costCashable.mean.every((x) => x === 0))).toBe(true);
    expect(s.arms[0]!.series.cost.mean[6]).toBeGreaterThan(0);
  });

  it('leaves a current scenario alone (the same object, no notes)', () => {
    for (const file of [LEEDS, DARLINGTON, SMALL]) {
      const raw = readJson(file);
      const up = upgradeScenario(raw);
      expect(up.notes).toEqual([]);
      expect(up.raw).toBe(raw);
      expect(parseScenario(raw).upgraded).toBeUndefined();
    }
  });

  it('leaves what it does not recognise for the validator, and never throws on a hostile file', () => {
    let deep: Record<string, unknown> = {};
    const top = deep;
    for (let i = 0; i < 200_000; i++) deep = (deep.costs = {}) as Record<string, unknown>;
    expect(() => upgradeScenario(top)).not.toThrow();
    expect(upgradeScenario(null)).toEqual({ raw: null, notes: [] });
    expect(upgradeScenario({ costs: { process: { referral: { value: 1, unit: 'EUR' } } } }).notes).toEqual([]);
  });

  it('on the command line, runs with a note on stderr naming what changed', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main([`${ROOT}/${OLD}`, '--runs', '2', '--months', '3'], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
    expect(code).toBe(0);
    expect(err.join('')).toMatch(/^note: .*leeds-2015-before-issue-23\.json was written for an earlier version and was upgraded to run \(the file is unchanged\):\n {2}- costs\.process\.referral: unit GBP is now GBP\/child/);
    expect(JSON.parse(out.join('')).runs).toBe(2);
  });
});
