// The thin I/O layer of the diagnostics: file stats, bounded tails, $PM2_HOME files, init-system units, the
// daemon socket. Every function resolves (never rejects) and reads a bounded amount.
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { SavedList } from './setup-checks.js';

export async function fileExists(path: string): Promise<boolean | null> {
  if (path === '') return null;
  try {
    await stat(path);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR'
      ? false
      : null;
  }
}

/** The nearest directory at or above `from` whose package.json has a "build" script. */
export async function findBuildProject(from: string, maxLevels = 8): Promise<string | null> {
  let dir = resolve(from);
  for (let level = 0; level < maxLevels; level++) {
    try {
      const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, unknown> };
      if (typeof pkg.scripts?.build === 'string') return dir;
    } catch {
      // no package.json here (or not JSON): look higher
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

/** Sizes of the regular files among `paths` (devices such as /dev/null and missing files are left out). */
export async function regularFileSizes(paths: readonly (string | null)[]): Promise<{ path: string; bytes: number }[]> {
  const unique = [...new Set(paths.filter((p): p is string => typeof p === 'string' && p !== ''))];
  const sizes = await Promise.all(unique.map(async (path) => {
    try {
      const info = await stat(path);
      return info.isFile() ? { path, bytes: info.size } : null;
    } catch {
      return null;
    }
  }));
  return sizes.filter((s): s is { path: string; bytes: number } => s !== null);
}

/** The last `maxBytes` of a file as UTF-8 (the first, possibly cut, line dropped when the read started mid-file). */
export async function readTail(path: string, maxBytes: number): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    const start = Math.max(0, size - maxBytes);
    const buffer = Buffer.alloc(size - start);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    return start > 0 ? text.slice(text.indexOf('\n') + 1) : text;
  } catch {
    return '';
  } finally {
    await handle?.close();
  }
}

/** A thrown error's first line (`Error: listen EADDRINUSE ...`, `TypeError: ...`, `Uncaught ...`). */
const ERROR_LINE = /^\s*(?:Uncaught\s+)?(?:[A-Z]\w*(?:Error|Exception)|Error)\b(?:\s*\[\w+\])?:?/;
/** A system error code or a fatal word anywhere in a line (`code: 'EADDRINUSE'`, `FATAL ERROR: ...`). */
const ERROR_WORD = /\b(?:E[A-Z]{3,}|FATAL|panic)\b/;

/**
 * The `count` error-log lines that explain a crash, chosen by content: from the newest error line (the thrown
 * error's message, the EADDRINUSE line, not the tail of its stack such as `port: 3005 }`), else the newest line
 * with an error code, else the last lines.
 */
export function errorExcerpt(text: string, count: number, maxChars: number): string[] {
  const lines = nonEmptyLines(text);
  let at = lines.findLastIndex((line) => ERROR_LINE.test(line));
  if (at === -1) at = lines.findLastIndex((line) => ERROR_WORD.test(line));
  const chosen = at === -1 ? lines.slice(-count) : lines.slice(at, at + count);
  return chosen.map((line) => shortened(line, maxChars));
}

function nonEmptyLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

function shortened(line: string, maxChars: number): string {
  const chars = [...line];
  return chars.length > maxChars ? `${chars.slice(0, maxChars - 3).join('')}...` : line;
}

/** The app names saved by `pm2 save` in $PM2_HOME/dump.pm2 (only names are read; the file holds env values). */
export async function readSavedList(pm2Home: string): Promise<SavedList> {
  let text: string;
  try {
    text = await readFile(join(pm2Home, 'dump.pm2'), 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { kind: 'none' } : { kind: 'unreadable' };
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return { kind: 'unreadable' };
    const names = parsed
      .map((app: unknown) => (app && typeof app === 'object' ? (app as { name?: unknown }).name : undefined))
      .filter((name): name is string => typeof name === 'string');
    return { kind: 'ok', names };
  } catch {
    return { kind: 'unreadable' };
  }
}

export interface Pm2Modules {
  /** Installed module names (pm2 install), from module_conf.json and $PM2_HOME/modules. */
  installed: ReadonlySet<string>;
  /** Settings per module name (pm2 set module:key value), values as strings. */
  settings: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

// pm2 keeps installed npm modules under "module-db-v2" and tarball modules under "tar-modules" in module_conf.json,
// the module's own settings under its name, and the module files under $PM2_HOME/modules/<name>.
export async function readPm2Modules(pm2Home: string): Promise<Pm2Modules> {
  const installed = new Set<string>();
  const settings = new Map<string, Record<string, string>>();
  try {
    const conf = JSON.parse(await readFile(join(pm2Home, 'module_conf.json'), 'utf8')) as Record<string, unknown>;
    for (const registry of ['module-db-v2', 'tar-modules']) {
      const entries = conf[registry];
      if (entries && typeof entries === 'object') Object.keys(entries).forEach((name) => installed.add(name));
    }
    for (const [key, value] of Object.entries(conf)) {
      if (key === 'module-db-v2' || key === 'tar-modules' || !value || typeof value !== 'object') continue;
      const flat: Record<string, string> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') flat[k] = String(v);
      }
      settings.set(key, flat);
    }
  } catch {
    // no module_conf.json yet (no daemon ever ran here) or not JSON: nothing installed
  }
  try {
    for (const entry of await readdir(join(pm2Home, 'modules'), { withFileTypes: true })) {
      if (entry.isDirectory()) installed.add(entry.name);
    }
  } catch {
    // no modules directory
  }
  return { installed, settings };
}

/** Where `pm2 startup` writes its unit or script, per init system (lib/API/Startup.js). */
export function defaultStartupDirs(): string[] {
  return [
    '/etc/systemd/system',
    '/usr/lib/systemd/system',
    '/lib/systemd/system',
    '/etc/init.d',
    '/etc/init',
    '/etc/rc.d',
    '/usr/local/etc/rc.d',
    join(homedir(), 'Library', 'LaunchAgents'),
  ];
}

const STARTUP_NAME = /^pm2[-_.]/;
const MAX_UNIT_BYTES = 64 * 1024;

/** The first pm2 startup unit in `dirs` that names this PM2 home (PM2_HOME=..., PIDFile=.../pm2.pid). */
export async function findStartupUnit(pm2Home: string, dirs: readonly string[]): Promise<string | null> {
  const home = resolve(pm2Home);
  const mentionsHome = new RegExp(`${escapeRegExp(home)}(?=$|[/\\s"'<])`, 'm');
  for (const dir of dirs) {
    let names: string[];
    try {
      names = (await readdir(dir)).filter((name) => STARTUP_NAME.test(name)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(dir, name);
      const text = await readTail(path, MAX_UNIT_BYTES);
      if (mentionsHome.test(text)) return path;
    }
  }
  return null;
}

/** Whether a PM2 daemon accepts connections on $PM2_HOME/rpc.sock. Connects and closes: never starts one. */
export function daemonAnswers(pm2Home: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = createConnection(join(pm2Home, 'rpc.sock'));
    const done = (answer: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolvePromise(answer);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
