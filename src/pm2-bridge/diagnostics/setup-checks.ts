// Setup-wide checks (the daemon, log rotation, the saved list, start at boot): facts in, findings out.
import type { Diagnostic } from '../types.js';
import { diagnostic } from './codes.js';
import type { Pm2CommandBuilder } from './commands.js';

/** pm2-logrotate's own defaults, shown when a setting was never changed. */
export const LOGROTATE_DEFAULTS: Readonly<Record<string, string>> = {
  max_size: '10M',
  retain: '30',
  compress: 'false',
  rotateInterval: '0 0 * * *',
};

export type SavedList =
  | { kind: 'none' }
  | { kind: 'unreadable' }
  | { kind: 'ok'; names: readonly string[] };

export interface SetupFacts {
  pm2Home: string;
  daemonAnswers: boolean;
  /** `running`: its module process is online in the list (null when no daemon answers, so nothing runs). */
  logrotate: { installed: false } | { installed: true; running: boolean | null; settings: Readonly<Record<string, string>> };
  saved: SavedList;
  /** Names running now (modules excluded). Empty when the daemon is down. */
  runningNames: readonly string[];
  /** Path of an init-system unit that starts this PM2 home, or null. */
  startupUnit: string | null;
}

export function checkDaemon(facts: SetupFacts, pm2: Pm2CommandBuilder): Diagnostic[] {
  if (facts.daemonAnswers) return [];
  const fix = facts.saved.kind === 'ok' ? pm2('resurrect') : pm2('start ecosystem.config.js');
  return [diagnostic('daemon-down', { home: facts.pm2Home }, fix)];
}

export function checkLogrotate(facts: SetupFacts, pm2: Pm2CommandBuilder): Diagnostic[] {
  if (!facts.logrotate.installed) {
    return [diagnostic('logrotate-missing', {},
      [pm2('install pm2-logrotate'), pm2('set pm2-logrotate:max_size 10M'), pm2('set pm2-logrotate:retain 5')]
        .join(' && '))];
  }
  // Configured is not rotating: only the module's own process rotates the files.
  if (facts.logrotate.running === false) return [diagnostic('logrotate-stopped', {}, pm2('restart pm2-logrotate'))];
  const settings = { ...LOGROTATE_DEFAULTS, ...facts.logrotate.settings };
  const interval = [settings.interval_unit, settings.interval].filter(Boolean).join(' ');
  return [diagnostic('logrotate-settings', {
    max_size: settings.max_size ?? '',
    retain: settings.retain ?? '',
    compress: settings.compress ?? '',
    rotateInterval: settings.rotateInterval ?? '',
    interval,
  }, null)];
}

export function checkSavedList(facts: SetupFacts, pm2: Pm2CommandBuilder): Diagnostic[] {
  // With no daemon nothing runs: comparing would call every saved app missing. checkDaemon already says resurrect.
  if (!facts.daemonAnswers) return [];
  const save = pm2('save');
  if (facts.saved.kind === 'unreadable') return [diagnostic('dump-unreadable', {}, save)];
  if (facts.saved.kind === 'none') {
    return facts.runningNames.length > 0
      ? [diagnostic('dump-missing', { running: uniqueSorted(facts.runningNames).join(', ') }, save)]
      : [];
  }
  const saved = new Set(facts.saved.names);
  const running = new Set(facts.runningNames);
  const missing = [...saved].filter((name) => !running.has(name)).sort();
  const extra = [...running].filter((name) => !saved.has(name)).sort();
  if (missing.length === 0 && extra.length === 0) return [];
  return [diagnostic('dump-differs', { missing: missing.join(', '), extra: extra.join(', ') }, save)];
}

export function checkStartup(facts: SetupFacts, pm2: Pm2CommandBuilder): Diagnostic[] {
  if (facts.startupUnit !== null) return [diagnostic('startup-found', { path: facts.startupUnit }, null)];
  return [diagnostic('startup-missing', {}, pm2('startup'))];
}

export function checkSetup(facts: SetupFacts, pm2: Pm2CommandBuilder): Diagnostic[] {
  return [
    ...checkDaemon(facts, pm2),
    ...checkLogrotate(facts, pm2),
    ...checkSavedList(facts, pm2),
    ...checkStartup(facts, pm2),
  ];
}

function uniqueSorted(names: readonly string[]): string[] {
  return [...new Set(names)].sort();
}
