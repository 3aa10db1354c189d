// The host ↔ module boundary comes from one table: both sides' generated files are the table's, and the built module agrees with the host.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedLayout } from '../../../../src/cli/dev/wasm-layout';
import { QUANTILE_CELLS as HOST_QUANTILE_CELLS } from '../../../../src/engine/random/quantile-table';
import * as host from '../../../../src/engine/sim/wasm/layout';
import { LAYOUT } from '../../../../src/engine/sim/wasm/layout-names';
import { HEAP_BASE } from '../../../../src/engine/sim/wasm/pathway';
import { PATHWAY_WASM_BASE64 } from '../../../../src/engine/sim/wasm/pathway-wasm';
import { METRICS, M_AGE0, M_ENTRIES_AGE0, M_PLACEMENT0 } from '../../../../src/engine/results/metrics';
import { scenarioInputs } from '../../../../src/scenario/inputs';
import { AGE_BANDS, CARE_ROUTES, PLACEMENTS } from '../../../../src/scenario/schema';
import { AFTER_CARE_KINDS } from '../../../../src/scenario/placement-schema';
import { EXPORTS, IMPORTS } from '../../../../src/wasm/layout-table';
import { LEEDS, loadScenario, ROOT } from '../../../helpers/scenarios';

/** The committed module, instantiated with imports that only count as functions (nothing here calls them). */
function instantiate(): { exports: WebAssembly.Exports; module: WebAssembly.Module; memory: WebAssembly.Memory } {
  const memory = new WebAssembly.Memory({ initial: 16 });
  const module = new WebAssembly.Module(Buffer.from(PATHWAY_WASM_BASE64, 'base64'));
  const env: WebAssembly.ModuleImports = { memory };
  for (const name of Object.keys(IMPORTS)) env[name] = () => 0;
  return { exports: new WebAssembly.Instance(module, { env }).exports, module, memory };
}

/** Each `export function name(params): result` of the module's sources, as written. */
function moduleSignatures(): Map<string, { params: [string, string][]; result: string }> {
  const out = new Map<string, { params: [string, string][]; result: string }>();
  const dir = join(ROOT, 'src/wasm');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/^export function (\w+)\(([^)]*)\):\s*(\w+)/gm)) {
      const params = m[2]!.split(',').map((p) => p.trim()).filter(Boolean).map((p) => p.split(':').map((x) => x.trim()) as [string, string]);
      out.set(m[1]!, { params, result: m[3]! });
    }
  }
  return out;
}

describe('the host ↔ module layout', () => {
  for (const [path, text] of generatedLayout()) {
    it(`${path} is what the table generates (npm run build:wasm), unedited`, () => {
      expect(readFileSync(join(ROOT, path), 'utf8')).toBe(text);
    });
  }

  it('the built module exports every layout constant, each equal to the host\'s', () => {
    const { exports } = instantiate();
    const names = Object.keys(LAYOUT);
    expect(names.length).toBeGreaterThan(100);
    const fromModule = Object.fromEntries(names.map((name) => [name, (exports[name] as WebAssembly.Global | undefined)?.value]));
    expect(fromModule).toEqual(LAYOUT);
    // The host's named constants are the same numbers as its table of them (a header's i32 slots are its byte offsets / 4).
    for (const [name, value] of Object.entries(host)) {
      if (typeof value !== 'number') continue;
      if (name.endsWith('_SLOT')) expect([name, 4 * value]).toEqual([name, LAYOUT[name.slice(0, -'_SLOT'.length)]]);
      else expect([name, value]).toEqual([name, LAYOUT[name]]);
    }
  });

  it('the module\'s own data sits below the memory the host allocates from (HEAP_BASE)', () => {
    const { exports } = instantiate();
    const children = host.MAX_CHILDREN;
    const data = [['DEST', host.EXIT_DEST.length], ['KIND', host.EXIT_KIND.length], ['EXIT_COUNT', host.EXIT_COUNT.length], ['BAND_START', 48], ['CHILD_ENTRY', 8 * children], ['CHILD_EXIT', 8 * children], ['CHILD_BIRTH', 8 * children], ['CHILD_ROUTE', children], ['LATENT', 8 * host.CARE_ROUTES]] as const;
    for (const [name, length] of data) {
      expect((exports[name] as WebAssembly.Global).value + length).toBeLessThanOrEqual(HEAP_BASE);
    }
  });

  it('each open state\'s exits are the schema\'s, in the order the walk reads them', () => {
    const tree = scenarioInputs(loadScenario(LEEDS)).tree.pathway;
    const schemaKeys = [tree.assessment, tree.cin, tree.cp, tree.preProceedings, tree.cla].map((state) => [...state.exits.keys]);
    expect(schemaKeys).toEqual(host.EXIT_KEYS);
  });

  it('placements are the schema\'s, kinship first (the walk moves care entries towards placement 0), and the metrics\' placement rows follow them', () => {
    expect(host.PLACEMENTS).toBe(PLACEMENTS.length);
    expect(PLACEMENTS[0]).toBe('kinship');
    expect(PLACEMENTS.map((_, i) => METRICS[M_PLACEMENT0 + i])).toEqual(PLACEMENTS.map((p) => `cla${p[0]!.toUpperCase()}${p.slice(1)}`));
    expect(host.CLASS_COUNT).toBe(LAYOUT.CLASS_CLA0! + PLACEMENTS.length + 1 + AGE_BANDS.length + AFTER_CARE_KINDS.length);
  });

  it('support after care follows care by age band, one class a kind, in the schema\'s order of kinds', () => {
    expect(host.AFTER_CARE_KINDS).toBe(AFTER_CARE_KINDS.length);
    expect(host.StockClass.AfterCare0).toBe(host.StockClass.ClaAge0 + AGE_BANDS.length);
    expect(host.StockClass.AfterCareLast).toBe(host.CLASS_COUNT - 1);
    expect(AFTER_CARE_KINDS).toEqual(['specialGuardianshipAllowance', 'adoptionAllowance', 'stayingPut', 'personalAdviser']);
  });

  it('care by age band follows assessment, one class a DfE band, and the metrics\' age rows follow them', () => {
    expect(host.AGE_BANDS).toBe(AGE_BANDS.length);
    expect(host.StockClass.ClaAge0).toBe(host.StockClass.Assessment + 1);
    expect(AGE_BANDS.map((_, i) => METRICS[M_AGE0 + i])).toEqual(['claUnder1', 'cla1to4', 'cla5to9', 'cla10to15', 'cla16plus']);
    expect(AGE_BANDS.map((_, i) => METRICS[M_ENTRIES_AGE0 + i])).toEqual(['claEntriesUnder1', 'claEntries1to4', 'claEntries5to9', 'claEntries10to15', 'claEntries16plus']);
    expect(host.CARE_ROUTES).toBe(CARE_ROUTES.length);
  });

  it('the module\'s exit arrays (DEST, KIND, EXIT_COUNT) hold the host\'s', () => {
    const { exports, memory } = instantiate();
    const bytes = (name: string, n: number) => Array.from(new Uint8Array(memory.buffer, (exports[name] as WebAssembly.Global).value, n));
    expect(bytes('DEST', host.EXIT_DEST.length)).toEqual(host.EXIT_DEST);
    expect(bytes('KIND', host.EXIT_KIND.length)).toEqual(host.EXIT_KIND);
    expect(bytes('EXIT_COUNT', host.EXIT_COUNT.length)).toEqual(host.EXIT_COUNT);
    expect(host.EXIT_KEYS.map((keys) => keys.length)).toEqual(host.EXIT_COUNT);
  });

  it('the module exports exactly the table\'s functions, each taking the table\'s parameters, as its sources declare them', () => {
    const { exports } = instantiate();
    const functions = Object.entries(exports).filter(([, v]) => typeof v === 'function');
    expect(functions.map(([name]) => name).sort()).toEqual([...host.EXPORT_NAMES].sort());
    const sources = moduleSignatures();
    for (const [name, sig] of Object.entries(EXPORTS)) {
      expect([name, (exports[name] as (...args: unknown[]) => unknown).length]).toEqual([name, sig.params.length]);
      expect([name, sources.get(name)]).toEqual([name, { params: sig.params, result: sig.result }]);
    }
  });

  it('the module imports exactly the table\'s host functions and its memory', () => {
    const { module } = instantiate();
    const imports = WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}:${i.kind}`);
    expect(imports.sort()).toEqual([...Object.keys(IMPORTS).map((n) => `env.${n}:function`), 'env.memory:memory'].sort());
  });

  it('the host\'s quantile tables have the cells the module reads', () => {
    expect(HOST_QUANTILE_CELLS).toBe(host.QUANTILE_CELLS);
    expect(host.TABLE_SIZE).toBe(host.QUANTILE_CELLS + 1);
  });
});
