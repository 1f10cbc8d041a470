// What a PM2 home tells about its daemon without talking to it: its pid file and, through /proc, its environment.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEnviron } from './redact.js';

/** The daemon's pid from $PM2_HOME/pm2.pid, null when there is none. */
export function readDaemonPid(home: string): number | null {
  try {
    const pid = Number(readFileSync(join(home, 'pm2.pid'), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** The environment the PM2 daemon runs with (the shell that started it); empty when unreadable. */
export async function readDaemonEnv(home: string): Promise<Map<string, string>> {
  const pid = readDaemonPid(home);
  if (pid === null) return new Map();
  try {
    return parseEnviron(await readFile(`/proc/${pid}/environ`, 'utf8'));
  } catch {
    return new Map();
  }
}
