// <cs-app>'s own styles: the page's frame, its bar, its tables and its disclosure panels.
import { css } from 'lit';

export const appStyles = css`
  :host { display: block; font: 15px/1.5 system-ui, sans-serif; color: #1b1b1b; max-width: 90rem; margin: 0 auto; padding: 1.25rem; }
  h1 { font-size: 1.4rem; margin: 0 0 0.25rem; }
  h2 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
  p.lede { margin: 0 0 1rem; color: #4a4a4a; max-width: 70rem; }
  .bar { display: flex; gap: 1rem; align-items: end; flex-wrap: wrap; margin-bottom: 1rem; }
  select { font: inherit; padding: 0.3rem; max-width: 100%; }
  select:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
  label { display: flex; flex-direction: column; font-size: 0.85rem; color: #444; }
  .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(26rem, 100%), 1fr)); gap: 1rem; }
  /* A narrow screen: the bar's controls each take the line they need and no more than the screen. */
  .bar > * { min-width: 0; max-width: 100%; }
  table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; font-size: 0.9rem; }
  th, td { text-align: right; padding: 0.35rem 0.6rem; border-bottom: 1px solid #ddd; }
  th:first-child, td:first-child { text-align: left; }
  caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
  .band { color: #555; font-size: 0.85em; }
  .error { color: #a00; white-space: pre-wrap; }
  .partial { color: #7a5b00; font-size: 0.85rem; }
  @media (max-width: 40rem) { :host { padding: 0.75rem; } }
  details.inputs { margin: 0.5rem 0 1rem; }
  details.inputs > summary, details.council > summary, details.import-903 > summary, details.help > summary { font-size: 1.1rem; font-weight: 600; cursor: pointer; }
  details.council, details.import-903, details.help { margin: 0.5rem 0 1rem; }
  button { font: inherit; padding: 0.3rem 0.8rem; }
  /* Results run before the scenario's last edit: marked on screen and in print until the next run. */
  section.stale { border-left: 6px solid #b35900; padding-left: 0.75rem; }
  .stale-mark { position: sticky; top: 0; z-index: 2; background: #fdf3ec; color: #7a3300; border: 2px solid #b35900; padding: 0.4rem 0.7rem; font-weight: 600; }
  @media print { .stale-mark { position: static; } }
  /* Print: the results as a document; the controls, the inputs and the tools' forms stay on screen. */
  @media print {
    :host { max-width: none; padding: 0; font-size: 11pt; }
    .bar, p.report, details.import-903, details.council, details.inputs, cs-keep-share, cs-compare, cs-calibration { display: none; }
    .charts { grid-template-columns: 1fr; }
    table, cs-fan-chart, cs-verdict { break-inside: avoid; }
    h2 { break-after: avoid; }
  }
  button:focus-visible, summary:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
`;
