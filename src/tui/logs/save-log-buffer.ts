// Saves what the log pane holds to a file the operator can open, and says where.
import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { SourcedLine } from './log-view.js';

/** `$XDG_STATE_HOME/gakuco-monit/logs`, else `~/.local/state/gakuco-monit/logs`. */
export function savedLogsDir(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const xdg = env.XDG_STATE_HOME;
  const base = xdg !== undefined && xdg !== '' && isAbsolute(xdg) ? xdg : join(home, '.local', 'state');
  return join(base, 'gakuco-monit', 'logs');
}

/** One line as saved: ISO time, stream, the service in a merged view, the text (already masked and terminal-safe). */
export function savedLineText(line: SourcedLine): string {
  const source = line.source === undefined ? '' : `${line.source} `;
  return `${new Date(line.at).toISOString()} ${line.stream === 'err' ? 'err' : 'out'} ${source}${line.text}`;
}

/** A file name from a service name: letters, digits, `.`, `_`, `-` kept, anything else `_`. */
function fileStem(name: string): string {
  const stem = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '');
  return stem === '' ? 'logs' : stem.slice(0, 64);
}

/**
 * Writes `lines` to `<dir>/<name>-<time>.log` (owner-only: logs can say more than they should) and returns the
 * path, or throws with the file system's reason.
 */
export function saveLogBuffer(lines: readonly SourcedLine[], name: string, dir: string, now = Date.now()): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const path = join(dir, `${fileStem(name)}-${stamp}.log`);
  writeFileSync(path, lines.map((line) => `${savedLineText(line)}\n`).join(''), { mode: 0o600, flag: 'wx' });
  return path;
}
