// Styles shared by the evaluator panels (forms of runs and buttons, a chart box, result tables).
import { css } from 'lit';

export const toolStyles = css`
  :host { display: block; }
  .form { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: end; margin: 0.4rem 0; }
  label { display: flex; flex-direction: column; font-size: 0.85rem; color: #444; }
  input, select { font: inherit; padding: 0.2rem 0.4rem; }
  input[type='number'] { width: 6rem; }
  button { font: inherit; padding: 0.3rem 0.9rem; }
  input:focus-visible, select:focus-visible, button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
  .canvas { position: relative; height: 280px; border: 1px solid #ddd; border-radius: 6px; padding: 0.4rem; margin-top: 0.5rem; }
  table { border-collapse: collapse; width: 100%; font-size: 0.85rem; margin-top: 0.5rem; }
  th, td { text-align: right; padding: 0.2rem 0.5rem; border-bottom: 1px solid #eee; }
  th:first-child, td:first-child { text-align: left; }
  /* An input's field path, under its label: for typing into a tool that takes paths. */
  .path { display: block; color: #555; font-size: 0.75rem; font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
  label, input, select { max-width: 100%; }
  label { min-width: 0; }
  /* A narrow screen scrolls a wide table inside itself, not the page. */
  @media (max-width: 48rem) { table { display: block; overflow-x: auto; } }
  .note, .status { color: #555; font-size: 0.85rem; }
  .error { color: #a00; font-size: 0.85rem; }
  .result { font-weight: 600; margin: 0.5rem 0; }
  h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
`;
