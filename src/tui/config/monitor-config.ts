// The monitor's own settings file: the sort and the hidden columns, kept between runs. Small, versioned JSON in the
// XDG config dir; a file that cannot be read as ours is reported and left as it is (never overwritten).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { columnOrder, HIDEABLE_COLUMNS, type ColumnId } from '../table/column-id.js';
import { DEFAULT_SORT, SORT_KEYS, type SortKey, type SortOrder } from '../table/sort-order.js';

export interface MonitorConfig {
  sort: SortOrder;
  hiddenColumns: readonly ColumnId[];
}

export const DEFAULT_CONFIG: MonitorConfig = { sort: DEFAULT_SORT, hiddenColumns: [] };

/** Why the file was not used: `invalid` (not JSON, or not our shape) or `unreadable` (permissions, a directory). */
export type ConfigProblem = { code: 'invalid' | 'unreadable'; path: string; message: string };

export interface LoadedConfig {
  config: MonitorConfig;
  /** null when the file was read (or is absent); otherwise the defaults are used and the file is left alone. */
  problem: ConfigProblem | null;
}

/** `$XDG_CONFIG_HOME/gakuco-monit/config.json`, else `~/.config/gakuco-monit/config.json` (a relative XDG value is ignored, as the spec says). */
export function configPath(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg !== undefined && xdg !== '' && isAbsolute(xdg) ? xdg : join(home, '.config');
  return join(base, 'gakuco-monit', 'config.json');
}

const isSortKey = (value: unknown): value is SortKey => SORT_KEYS.includes(value as SortKey);
// Name and status always show: the table is no use without them.
const HIDEABLE = new Set<ColumnId>(HIDEABLE_COLUMNS);

/** The settings in `raw` (parsed JSON), or a message saying what is wrong with it. */
export function parseMonitorConfig(raw: unknown): { config: MonitorConfig } | { error: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: 'not a JSON object' };
  const record = raw as Record<string, unknown>;
  let sort = DEFAULT_SORT;
  if (record.sort !== undefined) {
    const s = record.sort as Record<string, unknown> | null;
    if (typeof s !== 'object' || s === null || !isSortKey(s.key) || (s.descending !== undefined && typeof s.descending !== 'boolean')) {
      return { error: `sort must be {"key": one of ${SORT_KEYS.join('|')}, "descending": true|false}` };
    }
    sort = { key: s.key, descending: s.descending === true };
  }
  let hiddenColumns: ColumnId[] = [];
  if (record.hiddenColumns !== undefined) {
    const list = record.hiddenColumns;
    if (!Array.isArray(list) || !list.every((id) => HIDEABLE.has(id as ColumnId))) {
      return { error: `hiddenColumns must be a list of ${[...HIDEABLE].join('|')}` };
    }
    hiddenColumns = columnOrder.filter((id) => (list as unknown[]).includes(id));
  }
  return { config: { sort, hiddenColumns } };
}

export function readMonitorConfig(path: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { config: DEFAULT_CONFIG, problem: null };
    return { config: DEFAULT_CONFIG, problem: { code: 'unreadable', path, message: (error as Error).message } };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { config: DEFAULT_CONFIG, problem: { code: 'invalid', path, message: (error as Error).message } };
  }
  const parsed = parseMonitorConfig(raw);
  if ('error' in parsed) return { config: DEFAULT_CONFIG, problem: { code: 'invalid', path, message: parsed.error } };
  return { config: parsed.config, problem: null };
}

/** Writes the settings (whole file, replaced atomically); the error's message when it could not. */
export function writeMonitorConfig(path: string, config: MonitorConfig): string | null {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const body = `${JSON.stringify({ version: 1, sort: config.sort, hiddenColumns: config.hiddenColumns }, null, 2)}\n`;
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, body, { mode: 0o600 });
    renameSync(temporary, path);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
