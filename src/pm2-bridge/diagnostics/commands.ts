// Fix commands as the operator would type them, with the pm2 this setup has: `pm2` when it is on PATH, else
// `npx pm2` (the README's setup puts pm2 only in node_modules). When the PM2 home being checked is not the one a
// plain `pm2` in this shell would use, the command says which (PM2_HOME=... pm2 ...), so copying it fixes the
// right home.
import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

/** The PM2 home a plain `pm2` uses: $PM2_HOME, else ~/.pm2. */
export function defaultPm2Home(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.PM2_HOME;
  return fromEnv ? resolve(fromEnv) : join(homedir(), '.pm2');
}

/**
 * `pm2` when an executable of that name is on PATH, else `npx pm2` (which finds the project's node_modules/.bin).
 * `node_modules/.bin` directories do not count: npm and npx put them on PATH for `npm start` and scripts, but the
 * operator's own shell, where the fix is typed, does not have them.
 */
export function pm2Program(env: NodeJS.ProcessEnv = process.env): string {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '' || /(^|[\\/])node_modules[\\/]\.bin[\\/]?$/.test(dir)) continue;
    const candidate = join(dir, 'pm2');
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return 'pm2';
    } catch {
      // not here
    }
  }
  return 'npx pm2';
}

export type Pm2CommandBuilder = (args: string) => string;

export function pm2CommandBuilder(pm2Home: string, shellHome: string = defaultPm2Home(), program = 'pm2'): Pm2CommandBuilder {
  const prefix = resolve(pm2Home) === resolve(shellHome) ? '' : `PM2_HOME=${shellQuote(pm2Home)} `;
  return (args) => `${prefix}${program} ${args}`;
}

/**
 * The commands that make PM2 read an app's definition again (env, PORT, script): `restart` keeps the old one.
 * `ecosystemDir` is where ecosystem.config.js is, when known: the command starts there, so it runs from anywhere.
 */
export function recreateCommand(pm2: Pm2CommandBuilder, name: string, ecosystemDir: string | null): string {
  const quoted = shellQuote(name);
  const steps = [pm2(`delete ${quoted}`), pm2(`start ecosystem.config.js --only ${quoted}`)];
  return [...(ecosystemDir === null ? [] : [`cd ${shellQuote(ecosystemDir)}`]), ...steps].join(' && ');
}

/** Quotes a word for a POSIX shell when it needs it. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
