#!/usr/bin/env node
// The multi-host half of `npm run bench:agent` (also `node bench/hosts.mjs [--window 20 --apps 10 --rate 20]`).
//
// What watching two hosts over ssh costs the operator's side against watching one local PM2, in one run: a local
// PM2_HOME and two "hosts" (real sshd on 127.0.0.1, test/helpers/sshd.ts, each with its own PM2_HOME) run the same
// workload (--apps quiet apps + one logger at --rate lines/s). Two built monitors (dist/cli.js) in tmux at 120x40,
// at once: `one` on the local home, `two` with --host host-a --host host-b. Over the window: CPU of each monitor's
// process tree (the ssh clients included: they are the operator's cost), terminal bytes/s (tmux pipe-pane), and for
// `two` the ssh link's bytes/s (what its ssh clients read) and the remote side's CPU per host (sshd session + the
// remote `--json --watch`, which a real host pays, not the operator). Target (issue 11): two hosts <= 1.3x one.
// A benchmark, not a test: it exits 0 whatever the figures; raw figures go to .bench/hosts.json.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuSeconds, createTmux, fileSize, killDaemon, now, parseArgs, processTree, root, startApps, treeCpuSeconds } from './tui-lib.mjs';

const args = parseArgs(process.argv.slice(2));
const WINDOW_S = Number(args.window ?? 20);
const WARMUP_S = Number(args.warmup ?? 5);
const APPS = Number(args.apps ?? 10);
const RATE = Number(args.rate ?? 20);
const TARGET = 1.3;
const CLI = join(root, 'dist', 'cli.js');
/** --also NAME=CLI,...: more two-host monitors from other builds, in the same run (the remote side stays dist/cli.js). */
const ALSO = args.also
  ? String(args.also)
      .split(',')
      .map((entry) => ({ name: entry.slice(0, entry.indexOf('=')), cli: entry.slice(entry.indexOf('=') + 1) }))
  : [];

function rchar(pid) {
  try {
    return Number(/rchar:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}
function comm(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}
/** CPU seconds of the ssh clients under `pid` (the rest of the tree is the monitor's node process and its shell). */
const sshCpuSeconds = (pid) => processTree(pid).filter((p) => comm(p) === 'ssh').reduce((sum, p) => sum + cpuSeconds(p), 0);
/** Bytes the ssh clients under `pid` have read (the link, encrypted): the NDJSON streams plus ssh's own framing. */
const linkBytes = (pid) => processTree(pid).filter((p) => comm(p) === 'ssh').reduce((sum, p) => sum + rchar(p), 0);

const dir = mkdtempSync(join(tmpdir(), 'gakuco-bench-hosts-'));
// The sshd harness is TypeScript (shared with the tests): bundle it for this script, inside the project so what it
// requires (pm2, for the test helpers it uses) resolves.
mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
const labFile = join(root, 'node_modules', '.cache', `gakuco-bench-sshd-lab-${process.pid}.mjs`);
await build({ entryPoints: [join(root, 'test/helpers/sshd.ts')], bundle: true, platform: 'node', format: 'esm', outfile: labFile, logLevel: 'error' });
const { createSshLab, sshdMissing } = await import(pathToFileURL(labFile).href);
const missing = sshdMissing();
if (missing !== null) {
  console.log(`bench:hosts skipped: ${missing}`);
  process.exit(0);
}

const homes = ['local', 'a', 'b'].map((name) => {
  const home = join(dir, `pm2-${name}`);
  mkdirSync(home);
  return { name, home, env: { ...process.env, PM2_HOME: home, PM2_DISCRETE_MODE: 'true' } };
});
const apps = [
  ...Array.from({ length: APPS }, (_, i) => ({ name: `worker-${i + 1}`, script: join(root, 'bench/apps/quiet.cjs'), env: { BENCH_QUIET_MS: '2000' } })),
  { name: 'logger', script: join(root, 'bench/apps/flood.cjs'), env: { BENCH_FLOOD_RATE: String(RATE) } },
];
const tmux = createTmux();
let lab = null;
try {
  for (const home of homes) await startApps(home.home, home.env, apps);
  lab = createSshLab();
  const hostA = await lab.addHost('host-a', homes[1].home);
  const hostB = await lab.addHost('host-b', homes[2].home);
  const hostsFile = join(dir, 'hosts.json');
  writeFileSync(hostsFile, JSON.stringify({ command: `'${process.execPath}' '${CLI}'`, sshArgs: ['-F', lab.config] }));
  await tmux.start();
  const monitors = [
    { id: 'one', env: homes[0].env, command: `'${process.execPath}' '${CLI}' --lang en` },
    { id: 'two', env: { ...process.env }, command: `'${process.execPath}' '${CLI}' --lang en --hosts '${hostsFile}' --host host-a --host host-b` },
    ...ALSO.map((also) => ({ id: `two-${also.name}`, env: { ...process.env }, command: `'${process.execPath}' '${also.cli}' --lang en --hosts '${hostsFile}' --host host-a --host host-b` })),
  ];
  for (const m of monitors) {
    m.pipeFile = join(dir, `${m.id}.out`);
    writeFileSync(m.pipeFile, '');
    const env = [];
    for (const key of ['PM2_HOME', 'PATH', 'HOME']) if (m.env[key]) env.push('-e', `${key}=${m.env[key]}`);
    await tmux.tmux('new-session', '-d', '-s', m.id, '-x', '120', '-y', '40', ...env, '-e', 'LANG=C.UTF-8', m.command);
    await tmux.tmux('pipe-pane', '-t', m.id, `cat >> '${m.pipeFile}'`);
    m.pid = await tmux.panePid(m.id);
  }
  // The header counts the services: every app of every host listed.
  const ready = { one: (t) => t.includes(`gakuco-monit (${APPS + 1})`), two: (t) => t.includes('2/2 hosts connected') && t.includes(`gakuco-monit (${2 * (APPS + 1)})`) };
  for (const m of monitors) {
    const deadline = Date.now() + 60_000;
    while (!(ready[m.id] ?? ready.two)(await tmux.capture(m.id).catch(() => ''))) {
      if (Date.now() > deadline) throw new Error(`${m.id}: the list never showed:\n${await tmux.capture(m.id).catch(() => '')}`);
      await sleep(200);
    }
  }
  await sleep(WARMUP_S * 1000);
  const remotes = [hostA, hostB];
  const start = {
    at: now(),
    cpu: monitors.map((m) => treeCpuSeconds(m.pid)),
    bytes: monitors.map((m) => fileSize(m.pipeFile)),
    link: linkBytes(monitors[1].pid),
    ssh: sshCpuSeconds(monitors[1].pid),
    remote: remotes.map((h) => treeCpuSeconds(h.pid())),
  };
  const load = loadavg()[0];
  await sleep(WINDOW_S * 1000);
  const elapsed = (now() - start.at) / 1000;
  const figures = monitors.map((m, i) => ({
    id: m.id,
    cpuPercent: ((treeCpuSeconds(m.pid) - start.cpu[i]) / elapsed) * 100,
    terminalBytesPerSecond: (fileSize(m.pipeFile) - start.bytes[i]) / elapsed,
  }));
  const linkBytesPerSecond = (linkBytes(monitors[1].pid) - start.link) / elapsed;
  const sshCpuPercent = ((sshCpuSeconds(monitors[1].pid) - start.ssh) / elapsed) * 100;
  const remoteCpuPercent = remotes.map((h, i) => ((treeCpuSeconds(h.pid()) - start.remote[i]) / elapsed) * 100);
  const [one, two] = figures;
  const cpuRatio = two.cpuPercent / one.cpuPercent;
  const bytesRatio = two.terminalBytesPerSecond / one.terminalBytesPerSecond;
  const verdict = (ratio) => (ratio <= TARGET ? 'ok' : 'MISS');
  console.log(`bench:hosts: ${APPS + 1} apps per host (one logger at ${RATE} lines/s), window ${WINDOW_S} s, 120x40, load average ${load.toFixed(2)} at start (2 cores, shared)`);
  console.log('monitor                      CPU %   terminal B/s');
  console.log(`one local host              ${one.cpuPercent.toFixed(1).padStart(6)}   ${one.terminalBytesPerSecond.toFixed(0).padStart(12)}`);
  console.log(`two hosts over ssh          ${two.cpuPercent.toFixed(1).padStart(6)}   ${two.terminalBytesPerSecond.toFixed(0).padStart(12)}`);
  console.log(`ratio two/one (target <= ${TARGET}x)  CPU ${cpuRatio.toFixed(2)}x ${verdict(cpuRatio)}   terminal bytes ${bytesRatio.toFixed(2)}x ${verdict(bytesRatio)}`);
  for (const extra of figures.slice(2)) {
    console.log(`${extra.id.padEnd(28)}${extra.cpuPercent.toFixed(1).padStart(6)}   ${extra.terminalBytesPerSecond.toFixed(0).padStart(12)}   ratio to one: CPU ${(extra.cpuPercent / one.cpuPercent).toFixed(2)}x, bytes ${(extra.terminalBytesPerSecond / one.terminalBytesPerSecond).toFixed(2)}x`);
  }
  console.log(`of which the two ssh clients: ${sshCpuPercent.toFixed(1)}% CPU; the ssh link (both hosts): ${(linkBytesPerSecond / 1024).toFixed(1)} KiB/s`);
  console.log(`remote side per host (sshd + remote --json --watch, paid by the host): ${remoteCpuPercent.map((c) => `${c.toFixed(1)}%`).join(', ')}`);
  mkdirSync(join(root, '.bench'), { recursive: true });
  writeFileSync(join(root, '.bench', 'hosts.json'), JSON.stringify({ at: new Date().toISOString(), window: WINDOW_S, apps: APPS + 1, rate: RATE, load, figures, cpuRatio, bytesRatio, linkBytesPerSecond, sshCpuPercent, remoteCpuPercent }, null, 2));
} finally {
  await tmux.killServer().catch(() => {});
  lab?.cleanup();
  for (const home of homes) await killDaemon(home.home, home.env).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
  rmSync(labFile, { force: true });
}
