// What the benchmark times in its own thread, bundled into one module (see bundle.ts) like the browser's worker.
export { planRun } from '../../engine/results/plan';
export { simulateBlock } from '../../engine/sim/simulate';
export { leedsLikeKernel, LEEDS_LIKE_FAMILIES } from './reference-kernel';
