import { homedir } from 'node:os';
import { join } from 'node:path';

/** The PM2 home a bridge watches: the one given, else process.env.PM2_HOME, else ~/.pm2. */
export function resolvePm2Home(pm2Home?: string): string {
  return pm2Home ?? process.env.PM2_HOME ?? join(homedir(), '.pm2');
}
