// The module's imports: what the host (src/engine/pathway.ts) answers.

@external('env', 'exp') export declare function hostExp(x: f64): f64;
/** The standard normal quantile (src/engine/special.ts normalQuantile). */
@external('env', 'normalQuantile') export declare function normalQuantile(p: f64): f64;
/** Time left of initial family `id` in `state` when its sojourn is not lognormal, months. */
@external('env', 'residual') export declare function residual(state: i32, id: i32): f64;
/** A stay in an open state whose sojourn has no quantile table (gamma, empirical), months. */
@external('env', 'sampleStay') export declare function sampleStay(state: i32, f: i32, episode: i32): f64;
/** The exact quantile in a table's end cells (table 0–4: open states, 5: re-referral, 6: time to conference). */
@external('env', 'exactQuantile') export declare function exactQuantile(table: i32, u: f64): f64;
/** Time to re-referral when it has no quantile table, months. */
@external('env', 'reReferralStay') export declare function reReferralStay(f: i32, episode: i32): f64;
/** Time from allocation to conference when it has no quantile table, months. */
@external('env', 'leadTime') export declare function leadTime(f: i32, episode: i32): f64;
