// What build:councils reads: each DfE file and the figures taken from it (newest release first), where each file came
// from, the councils that reorganised, and how a DfE CSV and its suppressed cells are read.

/** Cell texts DfE uses for a number it does not publish (c suppressed, k rounds to 0, x not available, z not applicable, u low reliability). */
const SUPPRESSED = new Set(['c', 'k', 'x', 'z', 'u', '-', '', ':', '.']);

/** One figure: where it is read (newest release first: a year is taken from the first source that has a row for it). */
export interface Spec {
  key: string;
  unit: string;
  from: { file: string; column: string; where?: Record<string, string> }[];
}

const CLA_NEW = 'cla_number_and_rate_per_10k_children.csv';
const CLA_OLD = 'cla_number_and_rate_per_10k_children_2019_2023.csv';
export const B1 = 'b1_children_in_need_2013_to_2025.csv';
const C1 = 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv';
const C4 = 'c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv';
const D3 = 'd3_cpps_subsequent_plan_2013_to_2025.csv';
const D5 = 'd5_cpps_at31march_by_duration_2013_to_2025.csv';
const CLA_31 = 'cla_31_march_by_characteristic.csv';
const CLA_START = 'cla_starting_by_characteristic.csv';
const CEASED = 'cla_ceased_by_reason_decoded.csv';
export const LAIT = 'lait_childrens_social_care.csv';
export const NEIGHBOURS = 'New_Statistical_Neighbour_Groupings_April_2021.csv';

const CSC = 'dfe-analytical-services/CSC_outcomes_and_enablers';
/** The repository, commit (or blob) and path each file was copied from (../shared/data/README.md). */
export const ORIGINS: Record<string, { repository: string; commit: string; path: string; blob?: string; decoded?: true }> = {
  [CLA_NEW]: { repository: CSC, commit: '2f5d11a', path: `data-raw/${CLA_NEW}` },
  [CLA_OLD]: { repository: CSC, commit: '2f5d11a', blob: '9f755b2', path: 'data/ (an older blob; its file name there is not recorded in ../shared/data/README.md)' },
  [B1]: { repository: CSC, commit: '2f5d11a', path: `data-raw/${B1}` },
  [C1]: { repository: CSC, commit: '2f5d11a', path: `data-raw/${C1}` },
  [C4]: { repository: CSC, commit: '2f5d11a', blob: '12c921a', path: `data-raw/${C4}` },
  [D3]: { repository: CSC, commit: '2f5d11a', path: `data-raw/${D3}` },
  [D5]: { repository: CSC, commit: '2f5d11a', path: `data-raw/${D5}` },
  [CLA_31]: { repository: CSC, commit: '2f5d11a', path: 'data/combined_cla_31_march_data.rds', decoded: true },
  [CLA_START]: { repository: CSC, commit: '2f5d11a', path: 'data/combined_cla_data.rds', decoded: true },
  [CEASED]: { repository: CSC, commit: '2f5d11a', path: 'data/ceased_cla_data.rds', decoded: true },
  [NEIGHBOURS]: { repository: CSC, commit: '2f5d11a', path: `data-raw/${NEIGHBOURS}` },
  [LAIT]: { repository: 'dfe-analytical-services/local-authority-interactive-tool', commit: '2e30e39', path: '01_data/02_prod/bds_long_0.parquet', decoded: true },
};

/** The two CLA files name the stock differently ("on 31 March" in the newer, "at 31 March" in the older). */
function claCount(key: string, newType: string, laitMeasure: string, oldType: string): Spec {
  return {
    key,
    unit: 'children',
    from: [
      { file: CLA_NEW, column: 'children_count', where: { population_type: newType } },
      // LAIT is built from the 2025 release (it agrees with CLA_NEW for 2021-2025) and reaches back to 2016.
      { file: LAIT, column: 'Values', where: { 'Short Desc': laitMeasure } },
      // The older file's header says population_count where it means population_type.
      { file: CLA_OLD, column: 'number', where: { population_count: oldType } },
    ],
  };
}

const one = (key: string, unit: string, file: string, column: string): Spec => ({ key, unit, from: [{ file, column }] });

export const CORE: Spec[] = [
  claCount('claAt31March', 'Children looked after on 31 March each year', 'LACnum', 'Children looked after at 31 March each year'),
  claCount('claStarting', 'Children starting to be looked after each year', 'LACnum_Start', 'Children starting to be looked after each year'),
  claCount('claCeasing', 'Children ceasing to be looked after each year', 'LACceased', 'Children ceasing to be looked after each year'),
  {
    key: 'population0to17',
    unit: 'children aged 0 to 17 (ONS mid-year estimate)',
    from: [
      { file: CLA_NEW, column: 'population_estimate', where: { population_type: 'Children looked after on 31 March each year' } },
      { file: CLA_OLD, column: 'population_estimate', where: { population_count: 'Children looked after at 31 March each year' } },
    ],
  },
  one('cinAt31March', 'episodes open on 31 March (children in need, CP plans and CLA included)', B1, 'At31_episodes'),
  one('cinEpisodesStarted', 'episodes started in the year', B1, 'Started_episodes'),
  one('cinEpisodesEnded', 'episodes ended in the year', B1, 'Ended_episodes'),
  one('cinAwaitingAssessment', 'children on 31 March', B1, 'awaiting_assessment'),
  one('referrals', 'referrals in the year', C1, 'referral_count'),
  one('reReferrals', 'referrals within 12 months of a previous one', C1, 'rereferral_count'),
  one('referralsNoFurtherAction', 'referrals in the year', C1, 'no_further_action_count'),
  one('referralsNotInNeed', 'referrals assessed as not in need', C1, 'not_in_need_count'),
  one('section47s', 'enquiries started in the year', C4, 'Section47'),
  one('icpcs', 'initial child protection conferences in the year', C4, 'ICPC'),
  one('cppStarting', 'plans started in the year', D3, 'CPP_start'),
  one('cppSubsequent', 'plans started in the year that are a second or later plan', D3, 'CPP_subsequent'),
  one('cppAt31March', 'children on 31 March', D5, 'CPP_At31'),
  one('cppAt31March.upTo3Months', 'children on 31 March', D5, '3_months_or_less'),
  one('cppAt31March.3To6Months', 'children on 31 March', D5, 'more_than_3_months_6_months'),
  one('cppAt31March.6To12Months', 'children on 31 March', D5, 'more_than_6_months_less_than_1_year'),
  one('cppAt31March.1To2Years', 'children on 31 March', D5, '1_year_less_than_2_years'),
  one('cppAt31March.2YearsOrMore', 'children on 31 March', D5, '2_years_or_more'),
];

/** Breakdowns of the long files: (file, cla_group) → key prefix. Every characteristic but Total becomes a figure. */
export const BREAKDOWNS: { file: string; group: string; prefix: string; unit: string }[] = [
  { file: CLA_31, group: 'Age group', prefix: 'claAt31MarchByAge', unit: 'children on 31 March' },
  { file: CLA_31, group: 'Placement', prefix: 'claAt31MarchByPlacement', unit: 'children on 31 March' },
  { file: CLA_31, group: 'Place providers', prefix: 'claAt31MarchByProvider', unit: 'children on 31 March' },
  { file: CLA_31, group: 'Legal status', prefix: 'claAt31MarchByLegalStatus', unit: 'children on 31 March' },
  { file: CLA_31, group: 'Unaccompanied asylum-seeking children', prefix: 'claAt31MarchUasc', unit: 'children on 31 March' },
  { file: CLA_START, group: 'Age on starting', prefix: 'claStartingByAge', unit: 'children starting in the year' },
  { file: CLA_START, group: 'Legal status', prefix: 'claStartingByLegalStatus', unit: 'children starting in the year' },
  { file: CEASED, group: 'Reason episode ceased', prefix: 'claCeasedByReason', unit: 'children ceasing in the year' },
];

/** s251 outturn and unit costs from LAIT (long format): Short Desc → key. */
export const LAIT_MEASURES: [shortDesc: string, key: string, unit: string][] = [
  ['TotalLACFinance', 'financeClaTotalGbp', 'GBP gross spend on children looked after in the financial year ending 31 March (cash prices, s251 outturn)'],
  // LAIT's LACFinance is the s251 "looked after children" unit cost line (SGO support, other CLA services, short breaks: lait_data_dictionary.csv), not the total's.
  ['LACFinance', 'financeClaWeeklyUnitCostGbp', 'GBP per child per week, s251 looked-after-children unit cost line (cash prices, outturn)'],
  ['FosteringFinance', 'financeFosteringWeeklyUnitCostGbp', 'GBP per child per week (cash prices, s251 outturn)'],
  ['RescareFinance', 'financeResidentialWeeklyUnitCostGbp', 'GBP per child per week (cash prices, s251 outturn)'],
  ['AdoptionFinance', 'financeAdoptionWeeklyUnitCostGbp', 'GBP per child per week (cash prices, s251 outturn)'],
];

/**
 * Councils reorganised since 2013, by DfE code. Years are years ending 31 March; the codes' first and last years
 * in the table are read from the files and checked against these.
 */
export const REORGANISATIONS = [
  { date: '2019-04-01', from: ['835', '836', '837'], to: ['838', '839'], what: 'Dorset County Council (835), Poole (836) and Bournemouth (837) were replaced by Dorset Council (838; the county less Christchurch) and Bournemouth, Christchurch and Poole (839). The old codes run to 2019, the new from 2020. Not comparable across the break.' },
  { date: '2020-04-01', from: ['825'], to: ['825'], what: 'Buckinghamshire County Council and its four districts became one unitary council. DfE kept code 825 (the ONS code changed from E10000002 to E06000060, used from 2021); the series is continuous.' },
  { date: '2021-04-01', from: ['928'], to: ['940', '941'], what: 'Northamptonshire (928) was split into North Northamptonshire (940) and West Northamptonshire (941). 928 runs to 2021, the new codes from 2022. Northamptonshire Children\'s Trust has run children\'s services since November 2020, for the county and, from April 2021, for both successor councils.' },
  { date: '2023-04-01', from: ['815'], to: ['815'], what: 'North Yorkshire became a unitary council. DfE kept code 815 (ONS E10000023 → E06000065, used from 2024); the series is continuous.' },
  { date: '2023-04-01', from: ['933'], to: ['933'], what: 'Somerset became a unitary council. DfE kept code 933 (ONS E10000027 → E06000066, used from 2024); the series is continuous.' },
  { date: '2023-04-01', from: ['909'], to: ['942', '943'], what: 'Cumbria (909) was split into Cumberland (942) and Westmorland and Furness (943). 909 runs to 2023, the new codes from 2024.' },
];

/** Parses CSV text (RFC 4180 quoting, a leading byte-order mark, CRLF or LF) into its header and rows. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    out.push(row);
  }
  const [header = [], ...rows] = out;
  return { header, rows: rows.filter((r) => r.length > 1) };
}

/** A published cell as a number, or null when DfE does not give one (suppressed, not applicable, or a negative code in the decoded files). */
export function cellValue(text: string | undefined): number | null {
  const t = (text ?? '').trim();
  if (SUPPRESSED.has(t.toLowerCase())) return null;
  const n = Number(t.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  // The decoded dashboard tables write suppressed cells as -100 (c), -200 (k), -400 (z): no count is negative.
  if (n < 0) return null;
  return n;
}
