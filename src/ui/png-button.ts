// The "PNG" button a chart carries, drawn as the fan chart's is: small, above the chart, downloading its picture
// (chart-png.ts: twice its screen size, on white, titled).
import type { Chart } from 'chart.js';
import { css, html } from 'lit';
import { downloadChartPng } from './chart-png';

/** The button's look (the fan chart's PNG button), for an element's `styles`. */
export const pngButtonStyles = css`
  .png-bar { display: flex; justify-content: flex-end; margin-top: 0.4rem; }
  button.png { font: inherit; font-size: 0.8rem; padding: 0.15rem 0.5rem; }
`;

/**
 * A bar holding the PNG button for the chart `chart()` returns when clicked (none yet: the button does nothing);
 * `title` and `subtitle` head the picture, and `title` names the button for a screen reader.
 */
export function pngButton(chart: () => Chart | undefined, file: string, title: string, subtitle: string) {
  const save = () => {
    const c = chart();
    if (c) downloadChartPng(c, file, title, subtitle);
  };
  return html`<div class="png-bar"><button type="button" class="png" aria-label=${`PNG: ${title}`} @click=${save}>PNG</button></div>`;
}
