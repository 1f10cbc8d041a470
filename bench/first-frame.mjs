// node bench/first-frame.mjs [--rounds 8] [--sizes 80x24,120x40] [--variants 'name=path/to/cli.js;...']
// Start-up of gakuco-monit (dist/cli.js) and `pm2 monit` on the flood scenario's four apps in a private PM2_HOME:
// each monitor started alone in a private tmux server, order alternating, `--rounds` times per size. Per monitor:
// medians of the wall time to first paint (any text) and to list shown (the apps on screen), and of the monitor's
// own CPU time (utime + stime from /proc, 10 ms ticks) at those two moments. The CPU figure hardly moves with the
// machine's load, the wall time does (bench/tui.mjs measures the wall times beside the other figures).
import { loadavg } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuSeconds, createTmux, freePort, isAlive, killDaemon, median, now, parseArgs, PM2_BIN, root, startApps } from './tui-lib.mjs';

const args = parseArgs(process.argv.slice(2));
const ROUNDS = Number(args.rounds ?? 8);
const SIZES = String(args.sizes ?? '80x24,120x40').split(',').map((s) => s.split('x').map(Number));
const monitors = [
  { id: 'pm2 monit', command: `exec '${process.execPath}' '${PM2_BIN}' monit` },
  { id: 'gakuco', command: `exec '${process.execPath}' '${join(root, 'dist', 'cli.js')}'` },
  ...(args.variants ? String(args.variants).split(';') : []).map((v) => {
    const [name, path] = v.split('=');
    return { id: `gakuco ${name}`, command: `exec '${process.execPath}' '${resolve(path)}'` };
  }),
];

const home = mkdtempSync(join(tmpdir(), 'gakuco-first-frame-'));
const env = { ...process.env, PM2_HOME: home, PM2_DISCRETE_MODE: 'true', LANG: process.env.LANG || 'C.UTF-8' };
const xdg = mkdtempSync(join(tmpdir(), 'gakuco-first-frame-xdg-'));
const { tmux, start, capture, panePid, killServer } = createTmux();
const ready = (text) => text.includes('flood') && text.includes('quiet-b');

async function startOnce(monitor, [cols, rows]) {
  const session = `s${Math.floor(Math.random() * 1e9)}`;
  const vars = ['PM2_HOME', 'PATH', 'LANG', 'HOME'].flatMap((k) => ['-e', `${k}=${env[k]}`]);
  const started = now();
  await tmux('new-session', '-d', '-s', session, '-x', String(cols), '-y', String(rows), ...vars, '-e', `XDG_CONFIG_HOME=${xdg}/config`, '-e', `XDG_STATE_HOME=${xdg}/state`, monitor.command);
  const pid = await panePid(session);
  const out = { paint: null, list: null, paintCpu: null, listCpu: null };
  while (now() - started < 20_000) {
    const text = await capture(session).catch(() => '');
    if (out.paint === null && text.trim() !== '') [out.paint, out.paintCpu] = [now() - started, cpuSeconds(pid) * 1000];
    if (ready(text)) {
      [out.list, out.listCpu] = [now() - started, cpuSeconds(pid) * 1000];
      break;
    }
    await sleep(20);
  }
  await tmux('kill-session', '-t', session).catch(() => {});
  await sleep(200);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  return out;
}

try {
  await start();
  const port = await freePort();
  const app = (name, script, extra = {}) => ({ name, script: join(root, 'bench', 'apps', script), ...extra });
  await startApps(home, env, [
    app('flood', 'flood.cjs'),
    app('quiet-a', 'quiet.cjs', { env: { BENCH_QUIET_MS: '2000' } }),
    app('quiet-b', 'quiet.cjs', { env: { BENCH_QUIET_MS: '5000' } }),
    app('web', 'web.cjs', { env: { PORT: String(port) } }),
  ]);
  await sleep(1500);
  console.log(`node ${process.version}; ${ROUNDS} rounds; load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const size of SIZES) {
    const samples = new Map(monitors.map((m) => [m.id, { paint: [], list: [], paintCpu: [], listCpu: [] }]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const monitor of round % 2 === 0 ? monitors : [...monitors].reverse()) {
        const out = await startOnce(monitor, size);
        for (const key of Object.keys(out)) if (out[key] !== null) samples.get(monitor.id)[key].push(out[key]);
      }
    }
    const peer = samples.get('pm2 monit');
    const ratio = (mine, theirs) => (theirs ? ` (${(mine / theirs).toFixed(2)}x)` : '');
    console.log(`\n${size.join('x')}: median wall ms / CPU ms, ratio to pm2 monit`);
    for (const [id, s] of samples) {
      const [p, pc, l, lc] = [median(s.paint), median(s.paintCpu), median(s.list), median(s.listCpu)];
      const cell = (v, peerV) => `${Math.round(v)}${id === 'pm2 monit' ? '' : ratio(v, peerV)}`;
      console.log(
        `  ${id.padEnd(16)} first paint ${cell(p, median(peer.paint))} / CPU ${cell(pc, median(peer.paintCpu))}   list shown ${cell(l, median(peer.list))} / CPU ${cell(lc, median(peer.listCpu))}`,
      );
    }
  }
  console.log(`\nload average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await killServer().catch(() => {});
  await killDaemon(home, env);
  rmSync(home, { recursive: true, force: true });
  rmSync(xdg, { recursive: true, force: true });
}
