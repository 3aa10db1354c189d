// A table's cells laid out as CSV (no DOM here: the browser test exports the page's own tables): spans padded to the
// header's width, cells made safe by the results' CSV rule.
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/engine';
import { cellGrid, gridCsv, type TableCell } from '../../src/ui/table-csv';

const cell = (text: string, colSpan = 1, rowSpan = 1): TableCell => ({ text, colSpan, rowSpan });

describe('table cells as CSV', () => {
  it('a cell spanning columns is followed by blanks, one spanning rows leaves blanks beneath, and short rows are padded', () => {
    const grid = cellGrid([
      [cell('Arm'), cell('Cost', 2), cell('Chance')],
      [cell('A', 1, 2), cell('1'), cell('2'), cell('50%')],
      [cell('3'), cell('4')],
    ]);
    expect(grid).toEqual([
      ['Arm', 'Cost', '', 'Chance'],
      ['A', '1', '2', '50%'],
      ['', '3', '4', ''],
    ]);
  });

  it('text that a spreadsheet would read as a formula is neutralised exactly as the results CSV does; plain numbers stay numbers', () => {
    const texts = ['=SUM(A1)', '+1', '@x', '-£5', '−£6,257,295 (P10 −£8,586,658 to P90 −£4,151,477)', 'say "hi"', '-5', '2.5'];
    expect(gridCsv([texts])).toBe(`${["'=SUM(A1)", "'+1", "'@x", "'-£5", '"−£6,257,295 (P10 −£8,586,658 to P90 −£4,151,477)"', '"say ""hi"""', '-5', '2.5'].join(',')}\n`);
    expect(gridCsv([texts.slice(0, 5)])).toBe(`${texts.slice(0, 5).map(csvCell).join(',')}\n`);
  });
});
