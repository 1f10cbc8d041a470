// V8's heap kept near what the monitor holds, under a log flood as at rest (set before the CLI's code loads).
//
// Young generation: kept at its initial size (two 1 MB semi-spaces) for the life of the process. Under a log flood
// almost every line outlives a scavenge, and V8 then doubles the semi-spaces up to 16 MB each: ~30 MB of RSS that buys
// a little CPU (bench/tui.mjs: peak RSS 126 -> 102 MB at 120x40, CPU within the noise). The usual
// `--max-semi-space-size` is read only from node's command line (a shebang with `env -S` fails under BusyBox's env,
// NODE_OPTIONS would need a re-exec), but the growth factor is read at each growth, so setting it works as long as it
// happens before the first growth: cli-entry.ts does it before the CLI's own code is loaded.
//
// Old generation: grows to 1.5x what a full collection left alive. The lines a flood promotes die there soon after
// (a buffer of 2000 lines lasts 0.2 s at 10,000 lines/s), so what is live stays at 12-22 MB; but V8's own growing
// factor (up to 4x, higher the faster it collects) raised the old space's limit after each full collection: 19 -> 63
// MB in 150 s at 10,000 lines/s, RSS 85 -> 126 MB (bench/tui.mjs scale). At 1.5x it stays at 19-24 MB. This flag is
// read at each full collection, so setting it here is in time.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');
setFlagsFromString('--heap-growing-percent=50');
