// V8's heap kept near what the monitor holds, under a log flood as at rest (set before the CLI's code loads).
//
// Young generation: kept at its initial size (two 1 MB semi-spaces) for the life of the process, the interactive
// monitor's start-up aside (letYoungGenerationGrow below). Under a log flood almost every line outlives a scavenge,
// and V8 then doubles the semi-spaces up to 16 MB each: ~30 MB of RSS that buys
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
import type { SnapshotSource } from '../pm2-bridge/types.js';
import { whenListShown } from './when-list-shown.js';

const KEEP_YOUNG_GENERATION = '--semi-space-growth-factor=1';
setFlagsFromString(KEEP_YOUNG_GENERATION);
setFlagsFromString('--heap-growing-percent=50');

/**
 * The interactive monitor's start-up, from the start screen to the list on screen: the young generation may grow as
 * V8 would (its default factor, 2). Loading and mounting the monitor allocate ~15 MB that mostly survive (code,
 * React's fibers, Yoga's nodes): in a 1 MB young generation that is ~15 scavenges before the first frame, in a
 * growing one ~8. It ends at 8 MB (two 4 MB semi-spaces), ~6 MB more RSS than 1 MB would be, and stays there.
 */
export function letYoungGenerationGrow(): void {
  setFlagsFromString('--semi-space-growth-factor=2');
}

/** The young generation stops growing once the list is on screen, or at the latest. */
const YOUNG_GENERATION_KEPT_AT_LATEST_MS = 3000;

/**
 * From the list on screen on (`source`'s first list, or 3 s): the young generation keeps the size it has (a log
 * flood would double it to 32 MB).
 */
export function keepYoungGenerationOnceShown(source: Pick<SnapshotSource, 'getList' | 'subscribeList'>): void {
  void whenListShown(source, 0, YOUNG_GENERATION_KEPT_AT_LATEST_MS).then(() => setFlagsFromString(KEEP_YOUNG_GENERATION));
}
