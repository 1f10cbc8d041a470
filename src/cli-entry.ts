// The `gakuco-monit` executable (dist/cli.js): sets V8's young-generation flag before the CLI's code is even loaded
// (cli/young-generation.ts: compiling and starting the rest already grows the semi-spaces), then runs the CLI.
import './cli/young-generation.js';

await import('./cli.js');
