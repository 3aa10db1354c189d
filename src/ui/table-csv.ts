// Any table on the page as CSV: its header row(s), then one row per body and footer row, each cell by its text, made
// safe for a spreadsheet by the same rule as the results' CSV files (csvCell).
import { csvCell } from '../engine';

/** One cell as read from a table: its text, and how many columns and rows it spans (1 when it spans none). */
export interface TableCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
/** Elements drawn on a line of their own: their text is a word apart from the text around it. */
const BLOCKS = new Set(['ADDRESS', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'LI', 'OL', 'P', 'PRE', 'UL']);

/**
 * An element's text as a reader gets it, whitespace collapsed: a `<br>`, a `<div>` or another block is a word apart,
 * and parts marked `hidden` or `aria-hidden="true"` are left out (a decorative "–" whose meaning a screen-reader span
 * spells out gives that span).
 */
export function cellText(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === TEXT_NODE) parts.push(n.nodeValue ?? '');
    if (n.nodeType !== ELEMENT_NODE) return;
    const el = n as Element;
    if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return;
    const block = BLOCKS.has(el.tagName);
    if (block) parts.push(' ');
    el.childNodes.forEach(walk);
    if (block) parts.push(' ');
  };
  node.childNodes.forEach(walk);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Whether a table has a row to export beyond its header rows. */
export function hasBodyRows(table: HTMLTableElement): boolean {
  return table.rows.length > (table.tHead?.rows.length ?? 0);
}

/** A table's rows as cells, in the order `table.rows` gives them: the header's rows, the bodies', the footer's. */
export function tableCells(table: HTMLTableElement): TableCell[][] {
  return Array.from(table.rows, (row) => Array.from(row.cells, (cell) => ({ text: cellText(cell), colSpan: Math.max(1, cell.colSpan), rowSpan: Math.max(1, cell.rowSpan) })));
}

/**
 * Rows of cells laid out as a rectangle: a cell spanning columns is followed by blanks, one spanning rows leaves blanks
 * beneath it, and every row is padded to the widest (the header's, in a table drawn right).
 */
export function cellGrid(rows: TableCell[][]): string[][] {
  const grid: string[][] = rows.map(() => []);
  // For each column, how many more rows a cell above still covers.
  const covered: number[] = [];
  rows.forEach((cells, r) => {
    const out = grid[r]!;
    let column = 0;
    const skipCovered = () => {
      while ((covered[column] ?? 0) > 0) {
        covered[column]!--;
        out[column++] = '';
      }
    };
    for (const cell of cells) {
      skipCovered();
      for (let k = 0; k < cell.colSpan; k++) {
        out[column] = k === 0 ? cell.text : '';
        covered[column++] = cell.rowSpan - 1;
      }
    }
    skipCovered();
    // Columns past this row's last cell that a cell above still covers (the padding below blanks them).
    for (let c = column; c < covered.length; c++) if ((covered[c] ?? 0) > 0) covered[c]!--;
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
}

/** A cell for the file: plain numbers as numbers (a negative one stays a number), text through csvCell. */
function fileCell(text: string): string {
  return csvCell(text !== '' && String(Number(text)) === text ? Number(text) : text);
}

/** A grid of texts as CSV, one line per row, each line ending in a newline (as the results' CSV files are). */
export function gridCsv(grid: string[][]): string {
  return grid.map((row) => `${row.map(fileCell).join(',')}\n`).join('');
}

/** A table as CSV: header row(s) from its thead, then one row per body and footer row; no caption line. */
export function tableCsv(table: HTMLTableElement): string {
  return gridCsv(cellGrid(tableCells(table)));
}
