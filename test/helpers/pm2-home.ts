// A private PM2 home for one test file: its own temp PM2_HOME, the pm2 CLI from node_modules run against it,
// and a cleanup that ends that home's daemons (and only those) by pid.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const PM2_BIN: string = join(require.resolve('pm2/package.json'), '..', 'bin', 'pm2');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface PrivatePm2Home {
  home: string;
  /** The environment for anything that should talk to this home (CLI, child processes). */
  env: NodeJS.ProcessEnv;
  /** Runs the pm2 CLI against this home. Note: any pm2 CLI call starts a daemon here if none runs. */
  pm2(args: string[], options?: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<CliResult>;
  /** The daemon's pid from $PM2_HOME/pm2.pid, or null when none is recorded or it is not alive. */
  daemonPid(): number | null;
  /** Ends the daemon of this home (pm2 kill, then SIGKILL by pid if it is still there) and removes the home. */
  cleanup(): Promise<void>;
}

export function createPrivatePm2Home(prefix = 'gakuco-pm2-'): PrivatePm2Home {
  const home = mkdtempSync(join(tmpdir(), prefix));
  const env: NodeJS.ProcessEnv = { ...process.env, PM2_HOME: home, PM2_DISCRETE_MODE: 'true' };
  delete env.CI; // pm2 behaves the same, but Ink-based children would turn non-interactive

  const pm2: PrivatePm2Home['pm2'] = (args, options = {}) =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        [PM2_BIN, ...args],
        { cwd: options.cwd, env: { ...env, ...options.env }, timeout: options.timeoutMs ?? 30_000 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ code, stdout: String(stdout), stderr: String(stderr) });
        },
      );
    });

  const daemonPid = (): number | null => {
    const file = join(home, 'pm2.pid');
    if (!existsSync(file)) return null;
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return null;
    return isAlive(pid) ? pid : null;
  };

  const cleanup = async (): Promise<void> => {
    // Every daemon of this home, not only the one pm2.pid names: a pm2 CLI call made while a daemon was ending
    // starts another (a `pm2 kill` in cleanup once did, and that daemon outlived the run). SIGTERM, as `pm2 kill`
    // but without a CLI that could start one more: the daemon deletes its apps, then exits (pm2's gracefullExit).
    const pids = daemonsOf(home);
    const wait = async (ms: number) => {
      const deadline = Date.now() + ms;
      while (pids.some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    };
    for (const pid of pids) signal(pid, 'SIGTERM');
    await wait(10_000);
    for (const pid of pids.filter(isAlive)) signal(pid, 'SIGKILL');
    await wait(2_000);
    rmSync(home, { recursive: true, force: true });
  };

  return { home, env, pm2, daemonPid, cleanup };
}

/** The running PM2 daemons of `home`: pm2.pid's, and any other whose title names the home (Linux /proc). */
function daemonsOf(home: string): number[] {
  const title = `: God Daemon (${home})`;
  const pids = new Set<number>();
  try {
    const fromFile = Number(readFileSync(join(home, 'pm2.pid'), 'utf8').trim());
    if (Number.isInteger(fromFile) && fromFile > 0 && isAlive(fromFile)) pids.add(fromFile);
  } catch {
    // no pm2.pid
  }
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim().endsWith(title)) pids.add(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return [...pids].filter(isAlive);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** True while `pid` runs. A zombie counts as ended: in a container nobody may reap a detached daemon. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Waits until `check` returns a truthy value, polling every `intervalMs`; throws with `what` after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 10_000,
  intervalMs = 50,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
