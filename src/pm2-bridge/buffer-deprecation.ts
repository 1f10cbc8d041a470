// pm2's bus parser (the `amp` package under pm2-axon) calls the deprecated `Buffer()` about three times per bus
// message. For each of the first 10,000 such calls Node looks for node_modules in the caller's stack (a stack capture,
// ~30 µs) until it has warned once; it never warns for calls from node_modules. Under a 1000 lines/s flood that was
// ~10 % of the monitor's CPU for its first half minute (docs/benchmarks.md). Node skips every later check once the
// warning was emitted, so the bridge has it emitted once, silenced, from a frame outside node_modules: the check is
// settled and nothing is printed. Calls of `Buffer()` from our own code are kept out by lint (no-restricted-globals).
import { runInThisContext } from 'node:vm';

let settled = false;

/** Settles Node's DEP0005 check before the bus opens (once per process; a no-op after). */
export function settleBufferDeprecationCheck(): void {
  if (settled) return;
  settled = true;
  // The call runs from the event loop (no caller in node_modules), in a script whose name is not under node_modules.
  const probe = runInThisContext('(function (done) { return function () { try { Buffer(0); } finally { done(); } }; })', {
    filename: '/gakuco-monit/buffer-deprecation-check.js',
  }) as (done: () => void) => () => void;
  const before = process.noDeprecation;
  process.noDeprecation = true;
  setImmediate(
    probe(() => {
      process.noDeprecation = before;
    }),
  );
}
