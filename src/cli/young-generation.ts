// Keeps V8's young generation at its initial size (two 1 MB semi-spaces) for the life of the process. Under a log
// flood almost every line outlives a scavenge, and V8 then doubles the semi-spaces up to 16 MB each: ~30 MB of RSS
// that buys a little CPU (bench/tui.mjs: peak RSS 126 -> 102 MB at 120x40, CPU within the noise). The usual
// `--max-semi-space-size` is read only from node's command line (a shebang with `env -S` fails under BusyBox's env,
// NODE_OPTIONS would need a re-exec), but the growth factor is read at each growth, so setting it works as long as it
// happens before the first growth: cli-entry.ts does it before the CLI's own code is loaded.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');
