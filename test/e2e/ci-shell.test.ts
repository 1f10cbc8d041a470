// End to end: the monitor in a CI job's debug shell (CI=true and CONTINUOUS_INTEGRATION=true, yet a terminal, as in
// tmate): Ink would draw nothing but its last frame at exit, and chalk no colour, unless the CLI leaves CI mode for
// them (src/cli/ink-env.ts). The list, its live changes and its colours must show as anywhere else.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivatePm2Home, type PrivatePm2Home } from '../helpers/pm2-home.js';
import { TmuxSession, hasTmux, waitForScreen } from './tmux.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(root, 'dist', 'cli.js');
const QUIET = join(root, 'bench/apps/quiet.cjs');

describe.skipIf(!hasTmux())('the monitor with CI set in a terminal (tmux)', () => {
  let home: PrivatePm2Home;
  const tmux = new TmuxSession();

  const start = async (name: string) => {
    const started = await home.pm2(['start', QUIET, '--name', name], { env: { BENCH_QUIET_MS: '1000' } });
    expect(started.code, started.stderr).toBe(0);
  };

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
    home = createPrivatePm2Home('gakuco-e2e-ci-');
    await start('first');
    await tmux.start({
      command: `'${process.execPath}' '${CLI}' --lang en`,
      cols: 80,
      rows: 24,
      env: { ...home.env, CI: 'true', CONTINUOUS_INTEGRATION: 'true' },
      pass: ['PM2_HOME', 'PATH', 'HOME', 'CI', 'CONTINUOUS_INTEGRATION'],
    });
  }, 60_000);

  afterAll(async () => {
    await tmux.kill();
    await home?.cleanup();
  }, 30_000);

  it("draws Ink's frames as they change, in colour", async () => {
    // The hint bar is Ink's (the start screen draws row one and the table's rows only).
    await waitForScreen(tmux, (s) => s.includes('first') && s.includes('q Quit'), "Ink's first frame");
    await start('second');
    await waitForScreen(tmux, (s) => s.includes('second') && s.includes('gakuco-monit (2)'), 'the new app, live');
    const raw = await tmux.run(['capture-pane', '-e', '-p', '-t', tmux.name]);
    // "online" in green, as the status tone draws it.
    expect(raw).toContain('\u001b[32m● online');
  });
});
