// The effects in force are said (issue 22, point 1): simulate --effects switches the whole set to a preset; the JSON
// gives the preset and the values, the CSV the preset on every row; an edited set is "custom", never a preset's name.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main as simulate } from '../../src/cli/main';
import { EFFECT_PRESETS } from '../../src/scenario/effect-presets';
import { runInProcess } from '../helpers/cli';
import { readJson, SMALL } from '../helpers/scenarios';
import { withoutNotes } from '../helpers/finite';

const RUN = ['--runs', '2', '--months', '3', '--workers', '1'];

describe('simulate --effects and the effects in force', () => {
  it('the JSON names the preset in force and gives its values; --effects replaces them whole', async () => {
    const year = ['--runs', '2', '--months', '12', '--workers', '1'];
    const plain = JSON.parse((await runInProcess(simulate, [SMALL, ...year])).stdout);
    expect(plain.effects.preset).toBe('trial evidence');
    expect(plain.effects.values).toEqual(EFFECT_PRESETS['trial evidence']!.effects);
    const optimistic = await runInProcess(simulate, [SMALL, ...year, '--effects', 'optimistic']);
    expect(withoutNotes(optimistic.stderr)).toBe('');
    const json = JSON.parse(optimistic.stdout);
    expect(json.effects).toEqual({ preset: 'optimistic', values: EFFECT_PRESETS.optimistic!.effects });
    expect(json.arms[1].series.cin.mean).not.toEqual(plain.arms[1].series.cin.mean);
  });

  it('the CSV gives the preset on every row', async () => {
    const { stdout } = await runInProcess(simulate, [SMALL, ...RUN, '--effects', 'as the evaluations assumed', '--format', 'csv']);
    const [header, ...rows] = stdout.trimEnd().split('\n');
    expect(header!.split(',').at(-1)).toBe('effectsPreset');
    for (const row of rows) expect(row.endsWith(',as the evaluations assumed')).toBe(true);
  });

  it('an edited effect set is "custom, from" the preset it was; an unknown preset is refused in one line', async () => {
    const raw = readJson(SMALL) as any;
    raw.fgc.effects.byOfferPoint.icpc.rrEntryToCare = { value: 0.9, unit: 'relative risk', source: 'mine', grade: 'assumption', measure: 'per conference' };
    const path = join(mkdtempSync(join(tmpdir(), 'fgc-effects-')), 'edited.json');
    writeFileSync(path, JSON.stringify(raw));
    expect(JSON.parse((await runInProcess(simulate, [path, ...RUN])).stdout).effects.preset).toBe('custom, from trial evidence');
    const refused = await runInProcess(simulate, [SMALL, ...RUN, '--effects', 'wishful']);
    expect([refused.code, refused.stderr]).toEqual([2, 'error: --effects must name a preset: "trial evidence", "as the evaluations assumed", "optimistic", got "wishful"\n']);
  });
});
