// Fix commands as the operator would type them. When the PM2 home being checked is not the one a plain `pm2`
// in this shell would use, the command says which (PM2_HOME=... pm2 ...), so copying it fixes the right home.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The PM2 home a plain `pm2` uses: $PM2_HOME, else ~/.pm2. */
export function defaultPm2Home(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.PM2_HOME;
  return fromEnv ? resolve(fromEnv) : join(homedir(), '.pm2');
}

export type Pm2CommandBuilder = (args: string) => string;

export function pm2CommandBuilder(pm2Home: string, shellHome: string = defaultPm2Home()): Pm2CommandBuilder {
  const prefix = resolve(pm2Home) === resolve(shellHome) ? '' : `PM2_HOME=${shellQuote(pm2Home)} `;
  return (args) => `${prefix}pm2 ${args}`;
}

/** Quotes a word for a POSIX shell when it needs it. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
