// The hosts file: named hosts and named contexts (sets of hosts) for `--host` / `--context`, in the XDG config dir
// beside the monitor's config.json, or `--hosts FILE`. JSON:
//   { "command": "npx --no-install gakuco-monit",          remote command for every host (optional)
//     "sshArgs": ["-J", "bastion"],                        extra ssh arguments for every host (optional)
//     "hosts": { "prod-a": "deploy@prod-a",                 a name and its ssh destination, or
//                "prod-b": { "ssh": "prod-b", "command": "/opt/gakuco/bin/gakuco-monit", "pm2Home": "/srv/pm2" } },
//     "contexts": { "prod": ["prod-a", "prod-b"] } }
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { configPath } from '../tui/config/monitor-config.js';
import { DEFAULT_REMOTE_COMMAND, type HostSpec } from './host-spec.js';

interface HostEntry {
  ssh: string;
  command: string | null;
  pm2Home: string | null;
}

export interface HostsFile {
  command: string;
  sshArgs: readonly string[];
  hosts: ReadonlyMap<string, HostEntry>;
  contexts: ReadonlyMap<string, readonly string[]>;
}

export const EMPTY_HOSTS_FILE: HostsFile = { command: DEFAULT_REMOTE_COMMAND, sshArgs: [], hosts: new Map(), contexts: new Map() };

export function hostsFilePath(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  return join(dirname(configPath(env, home)), 'hosts.json');
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** The hosts file in `raw` (parsed JSON), or what is wrong with it (in the file's own terms: keys and types). */
export function parseHostsFile(raw: unknown): { file: HostsFile } | { error: string } {
  if (!isRecord(raw)) return { error: 'not a JSON object' };
  if (raw.command !== undefined && !isText(raw.command)) return { error: '"command" must be a command line' };
  if (raw.sshArgs !== undefined && !(Array.isArray(raw.sshArgs) && raw.sshArgs.every((a) => typeof a === 'string'))) return { error: '"sshArgs" must be a list of strings' };
  const hosts = new Map<string, HostEntry>();
  if (raw.hosts !== undefined) {
    if (!isRecord(raw.hosts)) return { error: '"hosts" must be an object of name: destination' };
    for (const [name, value] of Object.entries(raw.hosts)) {
      if (isText(value)) {
        hosts.set(name, { ssh: value, command: null, pm2Home: null });
        continue;
      }
      if (!isRecord(value) || !isText(value.ssh)) return { error: `hosts."${name}" must be a destination or {"ssh": destination}` };
      if (value.command !== undefined && !isText(value.command)) return { error: `hosts."${name}".command must be a command line` };
      if (value.pm2Home !== undefined && !isText(value.pm2Home)) return { error: `hosts."${name}".pm2Home must be a path` };
      hosts.set(name, { ssh: value.ssh, command: value.command ?? null, pm2Home: value.pm2Home ?? null });
    }
  }
  const contexts = new Map<string, readonly string[]>();
  if (raw.contexts !== undefined) {
    if (!isRecord(raw.contexts)) return { error: '"contexts" must be an object of name: [hosts]' };
    for (const [name, value] of Object.entries(raw.contexts)) {
      if (!Array.isArray(value) || !value.every(isText)) return { error: `contexts."${name}" must be a list of host names` };
      contexts.set(name, value);
    }
  }
  return {
    file: {
      command: (raw.command as string | undefined) ?? DEFAULT_REMOTE_COMMAND,
      sshArgs: (raw.sshArgs as string[] | undefined) ?? [],
      hosts,
      contexts,
    },
  };
}

export type HostsProblem =
  | { code: 'file-missing'; path: string }
  | { code: 'file-bad'; path: string; problem: string }
  | { code: 'unknown-context'; name: string; path: string }
  | { code: 'no-hosts' };

/**
 * The hosts to watch for `--host` (each a hosts-file name or an ssh destination), `--context` and `--hosts FILE`;
 * an empty list when none of them was given (the local monitor). The default file may be absent; a named one not.
 */
export function resolveHosts(
  request: { hosts: readonly string[]; context: string | undefined; hostsFile: string | undefined },
  defaultPath: string,
): { ok: true; hosts: HostSpec[] } | { ok: false; problem: HostsProblem } {
  if (request.hosts.length === 0 && request.context === undefined && request.hostsFile === undefined) return { ok: true, hosts: [] };
  const path = request.hostsFile ?? defaultPath;
  let file = EMPTY_HOSTS_FILE;
  if (existsSync(path)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      return { ok: false, problem: { code: 'file-bad', path, problem: error instanceof Error ? error.message : String(error) } };
    }
    const parsed = parseHostsFile(raw);
    if ('error' in parsed) return { ok: false, problem: { code: 'file-bad', path, problem: parsed.error } };
    file = parsed.file;
  } else if (request.hostsFile !== undefined) {
    return { ok: false, problem: { code: 'file-missing', path } };
  }
  let names: readonly string[] = [];
  if (request.context !== undefined) {
    const context = file.contexts.get(request.context);
    if (context === undefined) return { ok: false, problem: { code: 'unknown-context', name: request.context, path } };
    names = context;
  }
  const unique = [...new Set([...names, ...request.hosts])];
  if (unique.length === 0) return { ok: false, problem: { code: 'no-hosts' } };
  return {
    ok: true,
    hosts: unique.map((name) => {
      const entry = file.hosts.get(name);
      return { name, destination: entry?.ssh ?? name, command: entry?.command ?? file.command, pm2Home: entry?.pm2Home ?? null, sshArgs: file.sshArgs };
    }),
  };
}
