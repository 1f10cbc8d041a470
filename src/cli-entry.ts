// The `gakuco-monit` executable (dist/cli.js): sets V8's heap flags before the CLI's code is even loaded
// (cli/v8-heap-flags.ts: compiling and starting the rest already grows the semi-spaces), then runs the CLI.
import './cli/v8-heap-flags.js';

await import('./cli.js');
