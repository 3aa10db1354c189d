// The council table's accessor: published figures by council and year, with their sources and what is missing.
import { describe, expect, it } from 'vitest';
import { COUNCIL_TABLE, council, figureValue, nearestCouncils, normaliseName, type CouncilFigures } from '../../src/councils/council';

function found(codeOrName: string, year?: number): CouncilFigures {
  const r = council(codeOrName, year);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('council figures', () => {
  it('gives Leeds 2025 as DfE published it: 1,498 looked after, 634 on child protection plans, 5,775 children in need', () => {
    const leeds = found('Leeds', 2025);
    expect(leeds.code).toBe('383');
    expect(figureValue(leeds, 'claAt31March')).toBe(1498);
    expect(figureValue(leeds, 'cppAt31March')).toBe(634);
    expect(figureValue(leeds, 'cinAt31March')).toBe(5775);
    const cla = leeds.figures.find((f) => f.key === 'claAt31March')!;
    expect(cla.source).toEqual({
      file: 'cla_number_and_rate_per_10k_children.csv',
      column: 'children_count',
      where: { population_type: 'Children looked after on 31 March each year' },
      repository: 'dfe-analytical-services/CSC_outcomes_and_enablers',
      commit: '2f5d11a',
      path: 'data-raw/cla_number_and_rate_per_10k_children.csv',
    });
    expect(leeds.attribution).toContain('Open Government Licence v3.0');
  });

  it('gives Darlington 2020: 270 looked after (from LAIT, built from the 2025 release, which reaches back to 2016)', () => {
    const darlington = found('841', 2020);
    expect(darlington.name).toBe('Darlington');
    expect(figureValue(darlington, 'claAt31March')).toBe(270);
    expect(darlington.figures.find((f) => f.key === 'claAt31March')!.source).toEqual({
      file: 'lait_childrens_social_care.csv',
      column: 'Values',
      where: { 'Short Desc': 'LACnum' },
      repository: 'dfe-analytical-services/local-authority-interactive-tool',
      commit: '2e30e39',
      path: '01_data/02_prod/bds_long_0.parquet',
      decoded: true,
    });
    // The older CLA file is a previous blob of the same repository's file.
    expect(COUNCIL_TABLE.provenance.files['cla_number_and_rate_per_10k_children_2019_2023.csv']).toMatchObject({ commit: '2f5d11a', blob: '9f755b2' });
  });

  it('takes a revised year from the newest release: Darlington 2023 is 319 looked after (the 2019-2023 file said 322)', () => {
    const d = found('Darlington', 2023);
    expect(figureValue(d, 'claAt31March')).toBe(319);
    expect(d.figures.find((f) => f.key === 'claAt31March')!.source.file).toBe('cla_number_and_rate_per_10k_children.csv');
  });

  it('reads a suppressed cell as missing, not 0, and keeps a published 0 (Hartlepool 2025: deaths "c", custody 0; Isles of Scilly 2023: CIN on 31 March "c")', () => {
    const h = found('Hartlepool', 2025);
    expect(figureValue(h, 'claCeasedByReason.died')).toBeUndefined();
    expect(h.missing).toContainEqual({ key: 'claCeasedByReason.died', reason: 'suppressed or not published for this council' });
    expect(figureValue(h, 'claCeasedByReason.sentencedToCustody')).toBe(0);
    expect(figureValue(found('Isles of Scilly', 2023), 'cinAt31March')).toBeUndefined();
    // Before 2016 the CLA files do not reach: missing for that reason.
    expect(found('Leeds', 2015).missing).toContainEqual({ key: 'claAt31March', reason: 'not in the files for this year' });
  });

  it('tells a council the file has no row for from a suppressed cell: Cumbria 2021-2023 and Northamptonshire 2021 are not in the decoded breakdown files', () => {
    for (const [c, y] of [['909', 2021], ['909', 2023], ['928', 2021]] as const) {
      const f = found(c, y);
      expect(f.missing).toContainEqual({ key: 'claAt31MarchByAge.under1Year', reason: 'council not in this file for this year' });
      expect(f.missing).toContainEqual({ key: 'claCeasedByReason.adopted', reason: 'council not in this file for this year' });
      expect(figureValue(f, 'claAt31March')).toBeGreaterThan(0);
    }
    expect(found('Hartlepool', 2025).missing).toContainEqual({ key: 'claCeasedByReason.died', reason: 'suppressed or not published for this council' });
  });

  it('takes council rows only: not the "statistical neighbours (median)" rows the decoded files carry under the council\'s code', () => {
    // Leeds 2021 adopted: 52 in its own row; the median of its neighbours, filed under 383, is a share (11).
    expect(figureValue(found('Leeds', 2021), 'claCeasedByReason.adopted')).toBe(52);
    expect(figureValue(found('City of London', 2021), 'claCeasedByReason.adopted')).toBeUndefined();
    expect(Object.keys(COUNCIL_TABLE.councils).every((c) => /^\d{3}$/.test(c))).toBe(true);
    const england = COUNCIL_TABLE.areas['England']!['2025']!;
    expect(england[COUNCIL_TABLE.figures.indexOf('claAt31March')]).toBe(81770);
  });

  it('maps reorganised councils: Cumbria ends in 2023 and names its successors; Dorset by year is the county (835) or the new council (838); Buckinghamshire keeps 825 across its ONS codes', () => {
    const cumbria = council('Cumbria', 2025);
    expect(cumbria).toEqual({ ok: false, error: 'Cumbria (909) has figures for 2013–2023, not 2025; for 2025 see Cumberland (942), Westmorland and Furness (943)', nearest: ['Cumberland (942)', 'Westmorland and Furness (943)'] });
    expect(figureValue(found('Cumberland', 2024), 'claAt31March')).toBeGreaterThan(0);
    expect(found('Cumbria', 2023).reorganisations[0]).toMatch(/^2023-04-01: Cumbria \(909\) was split/);
    expect(council('North Northamptonshire', 2021)).toMatchObject({ ok: false, nearest: ['Northamptonshire (928)'] });
    // A predecessor or successor is named only for a year it has figures for.
    expect(council('North Northamptonshire', 2012)).toEqual({ ok: false, error: 'North Northamptonshire (940) has figures for 2022–2025, not 2012', nearest: ['North Northamptonshire (940)'] });
    expect(council('838', 2012)).toEqual({ ok: false, error: 'Dorset (838) has figures for 2020–2025, not 2012', nearest: ['Dorset (838)'] });
    expect(council('838', 2015)).toMatchObject({ ok: false, error: 'Dorset (838) has figures for 2020–2025, not 2015; for 2015 see Dorset (835), Poole (836), Bournemouth (837)' });
    expect(found('Dorset', 2015).code).toBe('835');
    expect(found('Dorset', 2020).code).toBe('838');
    expect(found('Dorset').code).toBe('838');
    const bucks = found('Buckinghamshire', 2016);
    expect(bucks.code).toBe('825');
    expect(bucks.onsCodes).toEqual(['E06000060', 'E10000002']);
    expect(Object.keys(COUNCIL_TABLE.councils['825']!.rows)).toHaveLength(13);
  });

  it('finds a council by code or by name as people type it, and lists its ten statistical neighbours', () => {
    expect(found('bristol', 2025).code).toBe('801');
    expect(found('Bournemouth, Christchurch & Poole', 2025).code).toBe('839');
    expect(normaliseName('Kingston upon Hull, City of')).toBe('kingston upon hull');
    const leeds = found('383');
    expect(leeds.year).toBe(2025);
    expect(leeds.neighbours).toHaveLength(10);
    expect(leeds.neighbours[0]).toEqual({ code: '373', name: 'Sheffield' });
  });

  it('answers an unknown council with the nearest names, and a year without figures with the years it has', () => {
    const r = council('Leds', 2025);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.nearest[0]).toBe('Leeds (383)');
    expect(nearestCouncils('Westmorland')[0]).toBe('Westmorland and Furness (943)');
    expect(council('Leeds', 2012)).toEqual({ ok: false, error: 'Leeds (383) has figures for 2013–2025, not 2012', nearest: ['Leeds (383)'] });
  });

  it('answers an unknown three-digit code as not a DfE council code, with the numerically nearest codes', () => {
    expect(council('999')).toEqual({ ok: false, error: '999 is not a DfE council code; nearest codes: Westmorland and Furness (943), Cumberland (942), West Northamptonshire (941)', nearest: ['Westmorland and Furness (943)', 'Cumberland (942)', 'West Northamptonshire (941)'] });
    // 386 lies between 384 and 390: 384 (2 away), 383 (3), then 382 and 390 (4; the lower first), not the lowest codes (201, ...).
    const r = council('386');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.nearest.map((x) => x.slice(-4, -1))).toEqual(['384', '383', '382']);
  });

  it('finds a council by a unique prefix or part of its name, and lists the councils an ambiguous one matches', () => {
    expect(found('Southend').code).toBe('882');
    expect(found('Westmorland').code).toBe('943');
    expect(found('hull').code).toBe('810');
    const north = council('North');
    expect(north.ok).toBe(false);
    if (!north.ok) {
      expect(north.error).toMatch(/^"North" matches more than one council: North Tyneside \(392\), /);
      expect(north.nearest).toContain('North Yorkshire (815)');
    }
    // A part that many names share lists eight and says how many more.
    const and = council('and');
    expect(and.ok).toBe(false);
    if (!and.ok) {
      expect(and.nearest).toHaveLength(8);
      expect(and.error).toMatch(/ and \d+ more$/);
    }
  });
});
