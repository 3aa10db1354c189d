// Build, dev-server and test settings (STYLE rule 7: the only home for them).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  worker: { format: 'es' },
  build: { target: 'es2022' },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // One file at a time: the browser tests time the page's main thread, which CPU-heavy
    // engine and CLI tests running beside them on two cores would disturb.
    fileParallelism: false,
  },
});
