// What the benchmark times in its own thread, bundled into one module (see bundle.ts) like the browser's worker.
export { planRun } from '../engine/plan';
export { simulateBlock } from '../engine/simulate';
export { leedsLikeKernel, LEEDS_LIKE_FAMILIES } from '../engine/reference-kernel';
