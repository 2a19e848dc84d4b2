/**
 * How long tests wait for what they expect before calling it hung. `npm test` runs its phases
 * side by side, so on a 2-core machine a step that takes 100 ms alone can take seconds: these
 * are hang detectors, never speed checks (speed and size are measured by `npm run bench`).
 */

/** A wait for one condition (`until`, `poll`, `waitFor`, `waitForStatus`, …). */
export const WAIT_MS = 20_000;

/** A whole browser test (mocha's timeout): longer than a wait, so the wait's message shows. */
export const TEST_MS = 60_000;
