#!/usr/bin/env node
// node bench/daemon-calls.mjs [--apps 4|60] [--seconds 60] [--settle 15] [--variants 'name=path/to/cli.js;…']
//
// What each monitor asks of the PM2 daemon at idle, counted on the wire: one daemon in a private PM2_HOME with
// bench/tui.mjs's four apps (the flood paused) or 60 tick apps, and each monitor alone in a private tmux server at
// 120x40, pointed at a proxy home (bench/daemon-proxy.mjs) whose sockets relay to the daemon's and count every RPC
// call by method, the bytes of its answers, and the connections to rpc.sock / pub.sock. After --settle seconds the
// counts of --seconds seconds are printed per minute, with the daemon's own CPU over the same window (schedstat, ns).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startDaemonProxy } from './daemon-proxy.mjs';
import * as lib from './tui-lib.mjs';

const args = lib.parseArgs(process.argv.slice(2));
const APPS = Number(args.apps ?? 4);
const SECONDS = Number(args.seconds ?? 60);
const SETTLE_S = Number(args.settle ?? 15);
const home = mkdtempSync(join(tmpdir(), 'gakuco-bench-calls-'));
const dir = join(home, 'bench');
mkdirSync(dir);
const pauseFile = join(dir, 'flood.pause');
writeFileSync(pauseFile, '');
const xdg = join(home, 'xdg');
mkdirSync(xdg);
const env = { ...process.env, PM2_HOME: home, PM2_DISCRETE_MODE: 'true', LANG: 'C.UTF-8', XDG_CONFIG_HOME: xdg, XDG_STATE_HOME: xdg };
const { tmux, start, killServer } = lib.createTmux();
const app = (name, file, extra = {}) => ({ name, script: join(lib.root, 'bench/apps', file), ...extra });

const monitors = [
  { name: 'pm2 monit', command: (h) => `exec env PM2_HOME='${h}' '${process.execPath}' '${lib.PM2_BIN}' monit` },
  { name: 'gakuco', command: (h) => `exec '${process.execPath}' '${resolve(args.cli ?? join(lib.root, 'dist', 'cli.js'))}' --pm2-home '${h}'` },
  ...String(args.variants ?? '')
    .split(';')
    .filter(Boolean)
    .map((v) => {
      const [name, cli] = v.split('=');
      return { name: `gakuco ${name}`, command: (h) => `exec '${process.execPath}' '${resolve(cli)}' --pm2-home '${h}'` };
    }),
];

const perMinute = (n, seconds) => (n * 60) / seconds;
try {
  await start();
  const apps =
    APPS === 60
      ? Array.from({ length: 60 }, (_, i) => app(`svc-${String(i + 1).padStart(2, '0')}`, 'tick.sh', { interpreter: '/bin/sh', env: { BENCH_TICK_S: String(3 + (i % 5)) } }))
      : [
          app('flood', 'flood.cjs', { env: { BENCH_FLOOD_PAUSE: pauseFile } }),
          app('quiet-a', 'quiet.cjs', { env: { BENCH_QUIET_MS: '2000' } }),
          app('quiet-b', 'quiet.cjs', { env: { BENCH_QUIET_MS: '5000' } }),
          app('web', 'web.cjs', { env: { PORT: String(await lib.freePort()) } }),
        ];
  await lib.startApps(home, env, apps);
  const daemon = lib.daemonPid(home);
  await sleep(3000);
  console.log(`${APPS} apps; each monitor alone at 120x40 for ${SECONDS} s after ${SETTLE_S} s; node ${process.version}; load ${loadavg()[0].toFixed(1)}`);
  const noneMs = await lib.daemonCpuMsOver(daemon, SECONDS * 1000);
  console.log(`no monitor: daemon CPU ${((noneMs / SECONDS / 1000) * 100).toFixed(3)} %`);
  for (const m of monitors) {
    const proxy = await startDaemonProxy(home);
    const session = `calls-${m.name.replace(/\W+/g, '-')}`;
    await tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', '-e', `XDG_CONFIG_HOME=${xdg}`, '-e', `XDG_STATE_HOME=${xdg}`, '-e', 'LANG=C.UTF-8', m.command(proxy.home));
    await sleep(SETTLE_S * 1000);
    proxy.reset();
    const cpuMs = await lib.daemonCpuMsOver(daemon, SECONDS * 1000);
    const c = proxy.counts();
    await tmux('kill-session', '-t', session).catch(() => {});
    await sleep(500);
    await proxy.close();
    const calls = Object.entries(c.calls)
      .map(([method, n]) => `${method} ${perMinute(n, SECONDS).toFixed(1)}/min (${Math.round((c.replyBytes[method] ?? 0) / n)} B each)`)
      .join(', ');
    console.log(
      `${m.name}: ${calls || 'no calls'}; rpc.sock connections ${perMinute(c.rpcConnections, SECONDS).toFixed(1)}/min; ` +
        `bus ${c.busConnections} connection(s), ${Math.round(c.busBytes / SECONDS)} B/s; daemon CPU ${((cpuMs / SECONDS / 1000) * 100).toFixed(3)} % ` +
        `(added ${(((cpuMs - noneMs) / SECONDS / 1000) * 100).toFixed(3)}); load ${loadavg()[0].toFixed(1)}`,
    );
  }
  const cost = await lib.daemonRequestCosts(home, daemon, ['getMonitorData', 'ping']);
  console.log(`daemon CPU per request (300 in a row, less the same span idle): getMonitorData ${cost.calls.getMonitorData.toFixed(3)} ms, ping ${cost.calls.ping.toFixed(3)} ms, connect and close ${cost.connection.toFixed(3)} ms`);
} finally {
  await killServer().catch(() => {});
  await lib.killDaemon(home, env);
  rmSync(home, { recursive: true, force: true });
}
