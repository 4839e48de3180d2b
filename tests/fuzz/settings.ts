/**
 * The fuzz suites' settings: a fixed seed so a run is reproducible (fast-check prints the seed and the
 * path of a failing case; `FUZZ_SEED=<seed>` replays it), and a modest number of runs per entry point.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261205);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 30);
