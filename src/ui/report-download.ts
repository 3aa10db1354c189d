// "Download report (PDF)": gathers what the page shows (the run, the scenario, the coordinator answer, the evaluators'
// tornado and ranking, each chart's picture), stamps it (runs, seed, the scenario's SHA-256, the app's version), and
// lays it out as a PDF in a chunk of its own (pdf-lib and the seed passages load only when a report is asked for).
import type { ReportInput, Stamp } from './report-model';
import type { CsFanChart } from './cs-fan-chart';
import type { CsSensitivity } from './cs-sensitivity';

declare const __APP_VERSION__: string | undefined;

/** The app's version, set at build time (vite.config.ts); "dev" when run without the build's definition. */
export const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

/** The first 12 hex digits of the SHA-256 of the scenario's JSON, as the report stamps it. */
export async function scenarioHash(raw: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(raw));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest.slice(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function pngBytes(canvas: HTMLCanvasElement): Uint8Array {
  const b64 = canvas.toDataURL('image/png').split(',')[1]!;
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

/** Builds the report from the page under `root` and downloads it; returns the file name. */
export async function downloadReport(root: ParentNode, input: Omit<ReportInput, 'pictures' | 'passages' | 'tornado' | 'ranking'>): Promise<string> {
  const [{ reportBlocks }, { reportPdf }, passages] = await Promise.all([import('./report-model'), import('./report-pdf'), import('../../scenarios/seed-passages.json')]);
  const pictures = [...root.querySelectorAll<CsFanChart>('cs-fan-chart')].flatMap((chart) => {
    const canvas = chart.picture();
    return canvas ? [{ title: chart.heading, png: pngBytes(canvas), width: canvas.width, height: canvas.height }] : [];
  });
  const tools = root.querySelector<CsSensitivity>('cs-sensitivity');
  const stamp: Stamp = { runs: input.summary.runs, seed: input.summary.seed, scenarioHash: await scenarioHash(input.raw), version: APP_VERSION };
  const blocks = reportBlocks({ ...input, pictures, passages: passages.default as Record<string, string>, ...(tools?.tornadoResult ? { tornado: tools.tornadoResult } : {}), ...(tools?.rankingResult ? { ranking: tools.rankingResult } : {}) });
  const bytes = await reportPdf(`Business case: ${input.scenario.name}`, blocks, stamp);
  const file = `${input.scenario.name.replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'scenario'}-business-case.pdf`;
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return file;
}
