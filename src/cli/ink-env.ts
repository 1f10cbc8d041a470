/**
 * Ink and chalk read the environment once, when they load. With CI or CONTINUOUS_INTEGRATION set, Ink (is-in-ci)
 * draws nothing but its last frame, at exit, and chalk (supports-color) draws no colour. A terminal the monitor has
 * found interactive is no CI log, even inside a CI job (a debug shell such as tmate): there the monitor showed its
 * start screen and then nothing. Called before the monitor's chunk loads Ink; the monitor starts no process that
 * would miss the variables.
 */
export function leaveCiModeForInk(env: NodeJS.ProcessEnv): void {
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
}
