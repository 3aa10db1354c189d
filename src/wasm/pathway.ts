// AssemblyScript: the family walk and an arm's FGC service, compiled to WebAssembly. One family's path
// event by event, from its own keyed draws, booked into an arm's accumulators in this module's memory
// (walk.ts, accumulators.ts); the service's queue, coordinator slots and conferences, each conference
// re-walking its family (service.ts); the run's arrivals and initial population (population.ts) and
// its offers' time order (lists.ts). This file is the module's entry: what the host may call.
//
// Built by `npm run build:wasm` into src/engine/pathway-wasm.ts (test/engine/pathway-wasm.test.ts
// checks that the committed bytes are this folder's). Every floating-point operation is the one the
// TypeScript engine did, in the same order, so results are bit-identical to it; Math.exp and the
// normal quantile come from the host for the same reason, and the keyed draws (mix32, subStream,
// uniformOf) are src/engine/rng.ts's, which the host still uses for its own samplers (a test checks
// both give the same draws). The run's columns are laid out by src/engine/family.ts, an
// accumulator block by src/engine/accumulators.ts, the lists' headers are mirrored in
// src/engine/candidates.ts and src/engine/resume-points.ts.

export { setRun } from './run';
export { alloc, claim, mark, reset } from './memory';
export { assignFamilyRecord, candidateList, clearPoints, holding, pushPoint, resumePoints, familyRecordOf, sortByTime, timeOrder } from './lists';
export { sojournFor } from './accumulators';
export { resume, simulate, simulateAll, walk } from './walk';
export { prepareService, runService } from './service';
export { arrivals, fillStock } from './population';
