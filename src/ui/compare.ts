// Comparing scenarios: which inputs differ, and one summary that overlays their arms.
import type { RunSummary } from '../engine';

/** Leaf values of a raw scenario by dotted path, leaving out prose (sources, notes, descriptions). */
function flatten(raw: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (raw !== null && typeof raw === 'object') {
    if (Array.isArray(raw)) raw.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
    else {
      for (const [k, v] of Object.entries(raw)) {
        if (k === 'source' || k === 'note' || k === 'description') continue;
        flatten(v, path ? `${path}.${k}` : k, out);
      }
    }
  } else out.set(path, JSON.stringify(raw));
  return out;
}

/** The paths whose values differ between any of the scenarios, with each one's value ('' where absent). */
export function differingInputs(raws: unknown[]): Array<{ path: string; values: string[] }> {
  const flat = raws.map((r) => flatten(r));
  const paths = new Set(flat.flatMap((f) => [...f.keys()]));
  const rows: Array<{ path: string; values: string[] }> = [];
  for (const path of [...paths].sort()) {
    const values = flat.map((f) => f.get(path) ?? '');
    if (new Set(values).size > 1) rows.push({ path, values });
  }
  return rows;
}

/** One summary whose arms are every scenario's arms, named "scenario: arm", for overlaid charts (same months only). */
export function overlay(labels: string[], summaries: RunSummary[]): RunSummary | undefined {
  const months = summaries[0]?.months;
  if (!months || summaries.some((s) => s.months.join() !== months.join())) return undefined;
  return {
    ...summaries[0]!,
    scenario: labels.join(' vs '),
    arms: summaries.flatMap((s, i) => s.arms.map((a) => ({ ...a, name: `${labels[i]}: ${a.name}` }))),
    comparisons: [],
  };
}
