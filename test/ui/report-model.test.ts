// The report's blocks from a run: every section in order, the register with every sourced input and the passages its
// seed citations quote; and the PDF's text spelled in what Helvetica can draw.
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/engine/sim/simulate';
import { serviceClaim } from '../../src/engine/analysis/service-claim';
import { formatGbp } from '../../src/ui/format';
import { assumptionsRegister, REPORT_SECTIONS, reportBlocks, valueWords } from '../../src/ui/report-model';
import { pdfText } from '../../src/ui/report-pdf';
import { sourcesIn } from '../../src/scenario/citations';
import passages from '../../scenarios/seed-passages.json';
import { DARLINGTON, loadScenario, readJson } from '../helpers/scenarios';

describe('the report', () => {
  it('has every section in order, and a register entry for every source with its cited passages', async () => {
    const scenario = loadScenario(DARLINGTON);
    const raw = readJson(DARLINGTON);
    const summary = await runSimulation(scenario, { runs: 8 });
    const blocks = reportBlocks({ summary, scenario, raw, focus: 1, pictures: [], passages, stale: false });
    const sections = blocks.filter((b) => b.kind === 'section').map((b) => (b as { text: string }).text);
    expect(sections).toEqual([...REPORT_SECTIONS]);
    const register = assumptionsRegister(raw, passages);
    const entries = register.filter((b) => b.kind === 'paragraph');
    expect(entries).toHaveLength(sourcesIn(raw).length);
    const quotes = register.filter((b) => b.kind === 'quote') as { text: string }[];
    expect(quotes.length).toBeGreaterThan(5);
    for (const q of quotes) {
      const key = q.text.slice(0, q.text.indexOf(': “'));
      expect((passages as Record<string, string>)[key], key).toBeDefined();
    }
    expect(blocks.some((b) => b.kind === 'paragraph' && b.text.startsWith('OUT OF DATE'))).toBe(false);
    const stale = reportBlocks({ summary, scenario, raw, focus: 1, pictures: [], passages, stale: true });
    expect(stale.some((b) => b.kind === 'paragraph' && b.text.startsWith('OUT OF DATE'))).toBe(true);
  });

  it('says a value or a distribution in words', () => {
    expect(valueWords({ value: 0.82 })).toBe('0.82');
    expect(valueWords({ dist: 'uniform', min: 100, max: 200 })).toBe('uniform 100 to 200');
    expect(valueWords({ dist: 'pert', min: 1, mode: 2, max: 5 })).toBe('PERT 1, mode 2, 5');
  });

  it('spells what Helvetica lacks and keeps what it has', () => {
    expect(pdfText('−£1,234 ≈ 5 × “x” – £')).toBe('-£1,234 ~ 5 × “x” – £');
    expect(pdfText('P10 ≥ 0; 北')).toBe('P10 >= 0; ?');
  });
});

describe('the report of a scenario with a caseload service', () => {
  it('gives the service in each arm and its published claim beside the run', () => {
    const scenario = loadScenario('scenarios/leeds-2019-partners-in-practice.json');
    const summary = runSimulation(scenario, { runs: 4, seed: 'report-res' });
    const blocks = reportBlocks({ summary, scenario, raw: readJson('scenarios/leeds-2019-partners-in-practice.json'), focus: 1, pictures: [], passages, stale: false });
    const tables = blocks.filter((b): b is Extract<typeof b, { kind: 'table' }> => b.kind === 'table');
    const team = tables.find((t) => t.caption.startsWith('Restorative Early Support teams in each arm'))!;
    expect(team.rows.map((r) => r[1])).toEqual(['0', '41.5', '41.5', '83']);
    const claim = tables.find((t) => t.caption.startsWith('Published claim beside the simulation'))!;
    expect(claim.rows[0]![1]).toBe('£406,467');
    expect(claim.rows[3]![1]).toBe(formatGbp(serviceClaim(scenario, summary).simulated.net.mean));
  });
});
