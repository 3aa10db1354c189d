// One ESM bundle of a TypeScript entry, built in memory with esbuild: worker threads and the benchmark run the
// engine as one module (as the browser's worker does), not as many modules through tsx's loader.
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const built = new Map<string, string>();

/** A `data:` URL holding `entry` and everything it imports, bundled (built once per process). */
export function bundledModule(entry: URL): URL {
  let url = built.get(entry.href);
  if (url === undefined) {
    const result = buildSync({
      entryPoints: [fileURLToPath(entry)],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
    built.set(entry.href, url);
  }
  return new URL(url);
}
