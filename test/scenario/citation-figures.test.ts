// Issue 24, point 3: every seed citation in what ships carries its value: the passage it names holds the figure it is
// cited for (the quantity's own, or one the source states), or the arithmetic the source states from figures that
// are there (a sum, a mean, a ratio, a difference, a costed table's total), or the words the source quotes from it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PASSAGES, shippedNodes } from '../../src/cli/dev/build-seed-passages';
import { carries, figuresIn, uncarried } from '../../src/scenario/citation-figures';
import { citationKey } from '../../src/scenario/citations';

const passages = JSON.parse(readFileSync(PASSAGES, 'utf8')) as Record<string, string>;
const from = (text: string) => () => text;

describe('a citation carries its value', () => {
  it('reads figures as written: thousands, decimals, words, not file names or line refs', () => {
    expect(figuresIn('9,918 / 12 (000_8890056140a8d8e5.txt:L1913) £1,462.00 and four more').map((f) => f.value)).toEqual([4, 9918, 12, 1462]);
  });

  it('when the passage has the figure, a share as a percentage, or a sum, mean, ratio or difference of its numbers', () => {
    const row = figuresIn('OPC4\t870\t927\t1035');
    expect(carries(row, { value: 927, decimals: 0 })).toBe(true);
    expect(carries(row, { value: 2832, decimals: 0 })).toBe(true); // the sum of the row
    expect(carries(row, { value: 944, decimals: 0 })).toBe(true); // its mean, as written (943.7 rounds to 944)
    expect(carries(figuresIn('45% of 883 enquiries'), { value: 0.45, decimals: 2 })).toBe(true);
    expect(carries(figuresIn('883 families covering 1,637 children'), { value: 1.85, decimals: 2 })).toBe(true);
    expect(carries(figuresIn('£4,167,064.43 and £3,734,225.66'), { value: 432838.77, decimals: 2 })).toBe(true);
    // A figure of fewer than 3 significant digits must be in the passage as it is: 10 = 34 − 24 would match by chance.
    expect(carries(figuresIn('34 weeks; 24 weeks'), { value: 10, decimals: 0 })).toBe(false);
    expect(carries(row, { value: 950, decimals: 0 })).toBe(false);
    expect(carries(figuresIn('OPC4\tNo significant change'), { value: 0.004, decimals: 3 })).toBe(false);
  });

  it('fails the citations the issue found: a line next to the figure, a table of something else, a glossary line', () => {
    // "45 working days" cited at L1575 of 000, whose text is at L1570.
    const wrongLine = { value: 45, unit: 'working days', source: '000_8890056140a8d8e5.txt:L1575' };
    expect(uncarried(wrongLine, from('Assessment: establishing the exact needs of the cohort (Leeds stage: S47)'))).toHaveLength(1);
    // CP exit shares cited at the FGC cohort's CP prevalence table.
    const cpExits = { shares: { cin: 0.55, noFurtherAction: 0.4, cla: 0.05 }, source: '000_8890056140a8d8e5.txt:L1750–1754' };
    expect(uncarried(cpExits, from('\tEnquiry\tFGC\t3 Month\t6 Month\n2014\t42%\t45%\t41%\t34%\n2015\t21%\t36%\t27%\t21%'))).toHaveLength(1);
    // A qualitative citation passes only with the passage's own words quoted.
    const said = { value: 1, unit: 'share', source: '003_fb48446508806788.txt:L102–103 (all families at an ICPC are offered an FGC)' };
    const passage = 'services according to what families say they need. All families\nwho are subject to an Initial Child Protection Conference are now';
    expect(uncarried(said, from(passage))).toHaveLength(1);
    expect(uncarried({ ...said, source: '003_fb48446508806788.txt:L102–103 ("All families who are subject to an Initial Child Protection Conference are now" offered one)' }, from(passage))).toEqual([]);
  });

  it('a costed table: the total of its last column', () => {
    const table = '7\tICPC\t2 - SW\t10\t1\t£43.00\t£430.00\n\t\t3 - TM\t4\t1\t£58.00\t£232.00';
    expect(uncarried({ value: 662, unit: 'GBP', source: '002_459de89b64b03bfc.txt:L1140–1141' }, from(table))).toEqual([]);
    expect(uncarried({ value: 763, unit: 'GBP', source: '002_459de89b64b03bfc.txt:L1140–1141' }, from(table))).toHaveLength(1);
  });

  it('in every shipped scenario, published analysis and effect preset', () => {
    const nodes = shippedNodes();
    const failing = nodes.flatMap(({ where, node }) => uncarried(node, (c) => passages[citationKey(c)]).map((u) => `${where}: ${citationKey(u.citation)}: ${u.why}`));
    expect(failing).toEqual([]);
    expect(nodes.filter(({ node }) => /\d{3}_[0-9a-f]{16}\.txt/.test(String(node.source))).length).toBeGreaterThan(150);
  });
});
