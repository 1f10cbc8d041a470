// A private tmux server (its own socket, killed afterwards) holding one session: what a person at a terminal
// sees (capture-pane) and types (send-keys).
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../helpers/pm2-home.js';

export function hasTmux(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface TmuxSessionOptions {
  command: string;
  cols: number;
  rows: number;
  env: Record<string, string | undefined>;
  /** Environment names passed into the session. */
  pass: string[];
}

export class TmuxSession {
  readonly socket = `gakuco-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  readonly name = 'monitor';
  private readonly dirs: string[] = [];

  run(args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile('tmux', ['-u', '-L', this.socket, ...args], { timeout: 10_000 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`tmux ${args[0]}: ${String(stderr).trim() || error.message}`));
        else resolve(String(stdout));
      });
    });
  }

  async start(options: TmuxSessionOptions): Promise<void> {
    const env: string[] = [];
    for (const key of options.pass) {
      const value = options.env[key];
      if (value !== undefined) env.push('-e', `${key}=${value}`);
    }
    // The monitor keeps its sort and columns in the XDG config dir: a test never reads or writes the operator's own.
    const own = mkdtempSync(join(tmpdir(), 'gakuco-e2e-xdg-'));
    this.dirs.push(own);
    for (const [key, dir] of [['XDG_CONFIG_HOME', 'config'], ['XDG_STATE_HOME', 'state']] as const) {
      if (!options.pass.includes(key) || options.env[key] === undefined) env.push('-e', `${key}=${join(own, dir)}`);
    }
    await this.run([
      '-f', '/dev/null', 'new-session', '-d', '-s', this.name,
      '-x', String(options.cols), '-y', String(options.rows), ...env, options.command,
      ';', 'set-option', '-g', 'remain-on-exit', 'on',
    ]);
  }

  capture(): Promise<string> {
    return this.run(['capture-pane', '-p', '-t', this.name]);
  }

  async keys(...keys: string[]): Promise<void> {
    await this.run(['send-keys', '-t', this.name, ...keys]);
  }

  async kill(): Promise<void> {
    await this.run(['kill-server']).catch(() => undefined);
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits until the captured screen passes `check` and returns it; on a timeout the error shows the last screen. */
export async function waitForScreen(tmux: TmuxSession, check: (screen: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
  let last = '';
  try {
    return await waitFor(async () => (check((last = await tmux.capture())) ? last : null), what, timeoutMs, 100);
  } catch (error) {
    throw new Error(`${(error as Error).message}\nlast screen:\n${last}`);
  }
}
