// AssemblyScript: the family walk and an arm's FGC service, compiled to WebAssembly. One family's path
// event by event, from its own keyed draws, booked into an arm's accumulators in this module's memory
// (walk.ts, its effects in effects.ts, accumulators.ts); the service's queue, coordinator slots and conferences, each conference
// re-walking its family (service.ts); the run's arrivals and initial population (population.ts) and
// its offers' time order (lists.ts). This file is the module's entry: what the host may call, and every
// layout constant (exported so that a test can check the host's copy).
//
// Built by `npm run build:wasm` into src/engine/sim/wasm/pathway-wasm.ts (test/engine/sim/wasm/pathway-wasm.test.ts
// checks that the committed bytes are this folder's). Every floating-point operation is the one the
// TypeScript engine did, in the same order, so results are bit-identical to it; Math.exp and the
// normal quantile come from the host for the same reason, and the keyed draws (mix32, subStream,
// uniformOf) are src/engine/random/rng.ts's, which the host still uses for its own samplers (a test checks
// both give the same draws). Everything the host and the module share (the run's constants block, an
// accumulator block, the lists' headers and records, codes, row orders, signatures) is generated from
// one table, src/wasm/layout-table.ts, into ./layout.ts and ./host.ts here and src/engine/sim/wasm/layout.ts there.

export * from './layout';
export { setConferencePoints, setInitialAge, setRun } from './run';
export { alloc, claim, mark, reset } from './memory';
export { assignFamilyRecord, candidateList, clearPoints, holding, pushPoint, resumePoints, familyRecordOf, sortByTime, timeOrder } from './lists';
export { sojournFor } from './accumulators';
export { walk } from './walk';
export { resume, simulate, simulateAll } from './walk-entries';
export { BAND_START, CHILD_BIRTH, CHILD_ENTRY, CHILD_EXIT, CHILD_ROUTE, LATENT, careStayFor } from './care';
export { prepareService, runService } from './service';
export { arrivals, fillStock } from './population';
