// A chart as a picture that travels: twice its size on screen, on white, with its title (and a line saying what it
// shows) above it. For the PNG downloads and the business-case report.
import type { Chart } from 'chart.js';

/** Pixels per CSS pixel in the picture. */
export const PICTURE_SCALE = 2;

/**
 * Draws `chart` at PICTURE_SCALE on white under `title` (bold) and `subtitle`, and returns the canvas. The chart is
 * re-drawn at that resolution for the picture (not the screen's pixels scaled up), then put back as it was.
 */
export function chartPicture(chart: Chart, title: string, subtitle = ''): HTMLCanvasElement {
  const width = chart.width;
  const height = chart.height;
  const before = chart.options.devicePixelRatio;
  chart.options.devicePixelRatio = PICTURE_SCALE;
  chart.resize(width, height);
  const s = PICTURE_SCALE;
  const band = (subtitle ? 52 : 32) * s;
  const out = document.createElement('canvas');
  out.width = Math.round(width * s);
  out.height = Math.round(height * s) + band;
  const g = out.getContext('2d')!;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, out.width, out.height);
  g.fillStyle = '#1b1b1b';
  g.textBaseline = 'top';
  g.font = `bold ${15 * s}px system-ui, sans-serif`;
  g.fillText(title, 8 * s, 8 * s, out.width - 16 * s);
  if (subtitle) {
    g.fillStyle = '#444444';
    g.font = `${12 * s}px system-ui, sans-serif`;
    g.fillText(subtitle, 8 * s, 30 * s, out.width - 16 * s);
  }
  g.drawImage(chart.canvas, 0, band, width * s, height * s);
  chart.options.devicePixelRatio = before;
  chart.resize(width, height);
  return out;
}

/** Downloads a chart's picture as `file` (a PNG). */
export function downloadChartPng(chart: Chart, file: string, title: string, subtitle = ''): void {
  const a = document.createElement('a');
  a.href = chartPicture(chart, title, subtitle).toDataURL('image/png');
  a.download = file;
  a.click();
}
