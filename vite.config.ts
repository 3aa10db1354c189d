// Build, dev-server and test settings (STYLE rule 7: the only home for them).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The files that take longest, slowest first (by the ends of their paths). */
const SLOWEST = ['golden/golden.test.ts', 'cli/simulate.test.ts', 'pathway-wasm.test.ts', 'cli/calibrate.test.ts'];

/**
 * Vitest's order, but the slowest files first, so that none is left running alone at the end. Vitest orders by the
 * times it recorded last run; on a clean clone (as in CI) it has none and starts the biggest files first instead.
 */
class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const i = SLOWEST.findIndex((end) => file.moduleId.endsWith(`/${end}`));
      return i < 0 ? SLOWEST.length : i;
    };
    const sorted = await super.sort(files);
    return sorted.map((file, i) => ({ file, i })).sort((a, b) => rank(a.file) - rank(b.file) || a.i - b.i).map(({ file }) => file);
  }
}

/**
 * The Content-Security-Policy the served app sends (README, "Serving it": the header a council's web server should
 * send). Only the app's own scripts and workers run; nothing is fetched, framed, posted or embedded from anywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // The bundle and its module workers come from the app's own origin; the engine compiles its WebAssembly module from
  // bytes in the bundle, which CSP counts as eval unless 'wasm-unsafe-eval' is allowed.
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The app's version for the report's stamp: package.json's, with the commit it was built from when git can tell. */
function appVersion(): string {
  const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
  try {
    return `${version}+${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()}`;
  } catch {
    return version;
  }
}

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(appVersion()) },
  worker: { format: 'es' },
  build: { target: 'es2022' },
  // A header, not a meta tag: a meta tag does not reach the workers, which get the header with their script.
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  test: {
    environment: 'node',
    testTimeout: 60_000,
    sequence: { sequencer: SlowestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/browser/**'],
          // Files side by side, one per core (Vitest's default leaves one core idle).
          maxWorkers: availableParallelism(),
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // Alone, after every node file has finished: the browser tests time the page's main thread, which
          // CPU-heavy engine and CLI tests running beside them would disturb.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
