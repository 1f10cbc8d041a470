#!/usr/bin/env node
// node bench/idle.mjs after=dist/cli.js before=/path/old/dist/cli.js [after2=… …]
//
// Idle A/B in the steady state: one PM2 daemon in a private PM2_HOME with bench/tui.mjs's four apps (the flood
// paused from the start), 60 s with no monitor (the apps' uptimes pass a minute, the daemon's own CPU alone), then
// each build alone at 120x40 in a private tmux server: 10 s to settle, then IDLE_WINDOW_MS (40 s) of the daemon's CPU
// (its own /proc ticks, and what it adds over none), the monitor's CPU and the bytes it writes to the terminal.
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as lib from './tui-lib.mjs';
const variants = process.argv.slice(2).map((a) => a.split('='));
const WARM = 10_000, WINDOW = Number(process.env.IDLE_WINDOW_MS ?? 40_000);
const home = mkdtempSync(join(tmpdir(), 'gakuco-bench-idle-'));
const dir = join(home, 'bench'); mkdirSync(dir);
const pauseFile = join(dir, 'flood.pause'); writeFileSync(pauseFile, '');
const xdg = join(home, 'xdg'); mkdirSync(xdg);
const env = { ...process.env, PM2_HOME: home, PM2_DISCRETE_MODE: 'true', LANG: 'C.UTF-8', XDG_CONFIG_HOME: xdg, XDG_STATE_HOME: xdg };
const { tmux, start, killServer } = lib.createTmux();
const app = (name, file, extra = {}) => ({ name, script: join(lib.root, 'bench/apps', file), ...extra });
const ticks = (pid) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return Number(f[11]) + Number(f[12]); };
const tickHz = 100;
try {
  await start();
  const port = await lib.freePort();
  await lib.startApps(home, env, [
    app('flood', 'flood.cjs', { env: { BENCH_FLOOD_PAUSE: pauseFile } }),
    app('quiet-a', 'quiet.cjs', { env: { BENCH_QUIET_MS: '2000' } }),
    app('quiet-b', 'quiet.cjs', { env: { BENCH_QUIET_MS: '5000' } }),
    app('web', 'web.cjs', { env: { PORT: String(port) } }),
  ]);
  const daemon = lib.daemonPid(home);
  const measure = async (ms) => { const t0 = ticks(daemon), a = Date.now(); await sleep(ms); return ((ticks(daemon) - t0) / tickHz) / ((Date.now() - a) / 1000) * 100; };
  const none = await measure(60_000);
  console.log(`no monitor: daemon ${none.toFixed(2)} %  load ${loadavg()[0].toFixed(1)}`);
  for (const [name, cli] of variants) {
    const pipe = join(dir, `${name}.out`); writeFileSync(pipe, '');
    await tmux('new-session', '-d', '-s', name, '-x', '120', '-y', '40', '-e', `PM2_HOME=${home}`, '-e', `XDG_CONFIG_HOME=${xdg}`, '-e', `XDG_STATE_HOME=${xdg}`, '-e', 'LANG=C.UTF-8', `exec '${process.execPath}' '${cli}'`);
    await tmux('pipe-pane', '-t', name, `cat >> '${pipe}'`);
    const pid = Number((await tmux('display-message', '-p', '-t', name, '#{pane_pid}')).trim());
    await sleep(WARM);
    const b0 = statSync(pipe).size, c0 = lib.treeCpuSeconds(pid), a = Date.now();
    const d = await measure(WINDOW);
    const secs = (Date.now() - a) / 1000;
    console.log(`${name}: daemon ${d.toFixed(2)} % (added ${(d - none).toFixed(2)}), monitor CPU ${(((lib.treeCpuSeconds(pid) - c0) / secs) * 100).toFixed(2)} %, terminal ${((statSync(pipe).size - b0) / secs).toFixed(1)} B/s  load ${loadavg()[0].toFixed(1)}`);
    await tmux('kill-session', '-t', name);
    await sleep(1000);
  }
} finally {
  await killServer().catch(() => {});
  await lib.killDaemon(home, env);
  rmSync(home, { recursive: true, force: true });
}
