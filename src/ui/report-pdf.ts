// The business case as a PDF, laid out here with pdf-lib (pure JavaScript: no eval, so it runs under the app's
// Content-Security-Policy, and it makes the file itself, so "Download report (PDF)" gives the same document in any
// browser, where the browser's print dialog differs by browser and needs a person to click through it). A4 portrait,
// the standard Helvetica fonts (Windows-1252 text: other characters are spelled out), the stamp on every page.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { stampWords, type Block, type Stamp } from './report-model';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const FOOTER = 30;
const WIDTH = A4.width - 2 * MARGIN;

/** Characters Helvetica's Windows-1252 encoding lacks, spelled in ones it has. */
const SPELLED: Record<string, string> = { '−': '-', '≈': '~', '≥': '>=', '≤': '<=', '→': '->', '←': '<-', '²': '2', '³': '3', '⁰': '0', '¹': '1', 'α': 'alpha', 'β': 'beta', '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ' };
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text Helvetica can draw: known characters spelled out, any other replaced by "?". */
export function pdfText(text: string): string {
  let out = '';
  for (const ch of text.replace(/\s+/g, ' ')) {
    const spelled = SPELLED[ch];
    if (spelled !== undefined) out += spelled;
    else {
      const code = ch.codePointAt(0)!;
      out += (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch) ? ch : '?';
    }
  }
  return out;
}

/** Lines of at most `width` points. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of pdfText(text).split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
    // A word longer than the line is cut.
    while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

export async function reportPdf(title: string, blocks: Block[], stamp: Stamp): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(pdfText(title));
  doc.setCreator('FGC capacity');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const italic = await doc.embedFont(StandardFonts.HelveticaOblique);
  let page: PDFPage = doc.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const newPage = () => {
    page = doc.addPage([A4.width, A4.height]);
    y = A4.height - MARGIN;
  };
  const room = (h: number) => {
    if (y - h < MARGIN + FOOTER) newPage();
  };
  const lines = (text: string, font: PDFFont, size: number, indent = 0, colour = rgb(0.1, 0.1, 0.1)) => {
    for (const l of wrap(text, font, size, WIDTH - indent)) {
      room(size * 1.35);
      page.drawText(l, { x: MARGIN + indent, y: y - size, size, font, color: colour });
      y -= size * 1.35;
    }
  };
  lines(title, bold, 18);
  y -= 4;
  lines(stampWords(stamp), regular, 8, 0, rgb(0.3, 0.3, 0.3));
  y -= 8;
  for (const b of blocks) {
    switch (b.kind) {
      case 'section':
        if (y < A4.height - MARGIN - 1) room(120);
        y -= 10;
        lines(b.text, bold, 14);
        y -= 4;
        break;
      case 'heading':
        y -= 4;
        lines(b.text, bold, 11);
        break;
      case 'paragraph':
        lines(b.text, regular, 9.5);
        y -= 4;
        break;
      case 'quote':
        lines(b.text, italic, 8.5, 14, rgb(0.25, 0.25, 0.25));
        y -= 4;
        break;
      case 'table': {
        y -= 2;
        lines(b.caption, bold, 9);
        const size = 7.5;
        const cols = b.head.length;
        // Widths by the longest text in each column (at most 3 times the narrowest), filling the page.
        const want = b.head.map((h, c) => Math.min(60, Math.max(...h.split(' ').map((w) => w.length + 3), ...b.rows.map((r) => (r[c] ?? '').length))) + 4);
        const total = want.reduce((a, x) => a + x, 0);
        const widths = want.map((w) => (w / total) * WIDTH);
        const row = (cells: string[], font: PDFFont) => {
          const wrapped = cells.map((cell, c) => wrap(cell ?? '', font, size, widths[c]! - 4));
          const h = Math.max(...wrapped.map((w) => w.length)) * size * 1.3 + 3;
          room(h);
          let x = MARGIN;
          wrapped.forEach((ls, c) => {
            ls.forEach((l, i) => page.drawText(l, { x: x + 2, y: y - size - i * size * 1.3, size, font, color: rgb(0.1, 0.1, 0.1) }));
            x += widths[c]!;
          });
          y -= h;
          page.drawLine({ start: { x: MARGIN, y: y + 1 }, end: { x: MARGIN + WIDTH, y: y + 1 }, thickness: 0.3, color: rgb(0.75, 0.75, 0.75) });
        };
        row(b.head.slice(0, cols), bold);
        for (const r of b.rows) row(r, regular);
        y -= 8;
        break;
      }
      case 'picture': {
        const image = await doc.embedPng(b.png);
        const scale = Math.min(WIDTH / b.width, 300 / b.height);
        const w = b.width * scale;
        const h = b.height * scale;
        room(h + 8);
        page.drawImage(image, { x: MARGIN, y: y - h, width: w, height: h });
        y -= h + 10;
        break;
      }
    }
  }
  const pages = doc.getPages();
  pages.forEach((p, i) => {
    p.drawLine({ start: { x: MARGIN, y: MARGIN + 12 }, end: { x: A4.width - MARGIN, y: MARGIN + 12 }, thickness: 0.3, color: rgb(0.6, 0.6, 0.6) });
    p.drawText(pdfText(`${stampWords(stamp)} · page ${i + 1} of ${pages.length}`), { x: MARGIN, y: MARGIN, size: 7, font: regular, color: rgb(0.3, 0.3, 0.3) });
  });
  return doc.save();
}
