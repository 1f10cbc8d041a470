// The one place credentials are set: the env file (~/.config/gakuco-monit/mcp.env, or $MCP_ENV_FILE), read by each
// server itself at start. A server takes only its own names from it, so notion-mcp never holds a Google secret and
// the calendar server never holds NOTION_TOKEN; nothing secret goes through PM2 (its env, `pm2 save`'s dump.pm2),
// and a plain `pm2 restart <app>` reads the file again. The file must be private to its owner (chmod 600).
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

type Env = Record<string, string | undefined>;

/** The env file when MCP_ENV_FILE is not set. ecosystem.config.js passes the path it resolved as MCP_ENV_FILE. */
export const DEFAULT_ENV_FILE = join(homedir(), '.config', 'gakuco-monit', 'mcp.env');

export function envFilePath(env: Env): string {
  return env.MCP_ENV_FILE?.trim() || DEFAULT_ENV_FILE;
}

export interface ServiceEnvSpec {
  /** The variables this server reads from the file (its secrets and its own settings). */
  names: readonly string[];
  /** This server's own API key name (NOTION_MCP_API_KEY, GCAL_MCP_API_KEY); it wins over the shared MCP_API_KEY. */
  apiKeyName: string;
}

export type ServiceEnvResult =
  | {
      ok: true;
      /** The process environment with this server's names from the file laid over it, MCP_API_KEY resolved. */
      env: Env;
      file: string;
      /** The names that came from the file (never values). */
      fromFile: string[];
    }
  | { ok: false; message: string };

/**
 * The environment a server runs with. Its own names from the env file win over the process environment (which
 * PM2 fills from the shell that ran it); a missing file is not an error (the server starts and says what is
 * missing). A file that other users can read or write is refused, naming the file and the fix.
 */
export function loadServiceEnv(spec: ServiceEnvSpec, processEnv: Env): ServiceEnvResult {
  const file = envFilePath(processEnv);
  let mode: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { ok: false, message: `the env file ${file} is not a regular file` };
    mode = stat.mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return withApiKey(spec, { ...processEnv }, file, []);
    return { ok: false, message: `cannot read the env file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}` };
  }
  if ((mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8).padStart(3, '0');
    return {
      ok: false,
      message:
        `refusing to read secrets from ${file}: its mode is ${octal}, so other users can read or change it. ` +
        `Make it private, then restart: chmod 600 ${file}`,
    };
  }
  let parsed: NodeJS.Dict<string>;
  try {
    parsed = parseEnv(readFileSync(file, 'utf8'));
  } catch (error) {
    return { ok: false, message: `cannot read the env file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}` };
  }
  const env: Env = { ...processEnv };
  const fromFile: string[] = [];
  for (const name of spec.names) {
    const value = parsed[name];
    if (value === undefined) continue;
    env[name] = value;
    fromFile.push(name);
  }
  return withApiKey(spec, env, file, fromFile);
}

function withApiKey(spec: ServiceEnvSpec, env: Env, file: string, fromFile: string[]): ServiceEnvResult {
  const own = env[spec.apiKeyName]?.trim();
  if (own) env.MCP_API_KEY = own;
  return { ok: true, env, file, fromFile };
}

/** The restart that applies a changed env file. `npx pm2` works where pm2 is only in the project's node_modules. */
export function restartCommand(app: string): string {
  return `npx pm2 restart ${app}`;
}

/** The one way to set credentials, as every answer that asks for them words it. `names` e.g. "NOTION_TOKEN". */
export function howToSetCredentials(app: string, names: string, envFile: string): string {
  return (
    `put ${names} in the env file ${envFile} (one NAME=value per line, chmod 600), then restart the server: ` +
    `\`${restartCommand(app)}\` in the project directory`
  );
}
