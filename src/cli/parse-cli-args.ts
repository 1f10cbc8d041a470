import { resolve } from 'node:path';
import { DEFAULT_AGENT_URL, parseAgentUrl } from '../agent/agent-url.js';
import type { CliArgs, CliArgsResult } from './cli-args.js';
import { helpFlag, langFlag, parseFlags, pm2HomeFlag, switchFlag, valueFlag, type Flag } from './flags.js';

const MIN_INTERVAL_MS = 100;
/** The log buffer keeps 2000 lines per service: more history than that would not be held. */
const MAX_HISTORY_LINES = 2000;

/** Subcommands: `gakuco-monit NAME ...` passes what follows NAME to that command's own parser, untouched. */
export const SUBCOMMANDS = ['doctor', 'serve', 'action'] as const satisfies readonly CliArgs['command'][];

/** The monitor's flags (`gakuco-monit [options]`): add a flag here, and its field to CliArgs. */
const MONITOR_FLAGS: readonly Flag<CliArgs>[] = [
  langFlag(),
  pm2HomeFlag(),
  helpFlag(),
  switchFlag('once', (a) => void (a.once = true)),
  switchFlag('json', (a) => void (a.json = true)),
  switchFlag('watch', (a) => void (a.watch = true)),
  switchFlag('read-only', (a) => void (a.readOnly = true)),
  switchFlag('no-config', (a) => void (a.noConfig = true)),
  switchFlag('ascii', (a) => void (a.ascii = true)),
  switchFlag('no-color', (a) => void (a.noColor = true), { aliases: ['no-colour'] }),
  switchFlag('version', (a) => void (a.version = true), { short: 'v' }),
  // Several hosts over ssh (src/remote/): --host is repeated, one host each.
  valueFlag('host', (a, v) => v.trim() !== '' && a.hosts.push(v.trim()) > 0),
  valueFlag('hosts', (a, v) => v !== '' && Boolean((a.hostsFile = resolve(v)))),
  valueFlag('context', (a, v) => v !== '' && Boolean((a.context = v))),
  // The resident agent's history at start: a URL (plain http to this machine only) or none.
  valueFlag('agent', (a, v) => {
    const url = parseAgentUrl(v);
    if (url === undefined) return false;
    a.agentUrl = url;
    return true;
  }),
  valueFlag('history-lines', (a, v) => /^\d+$/.test(v) && (a.historyLines = Number(v)) <= MAX_HISTORY_LINES),
  valueFlag('interval', (a, v) => {
    const ms = Number(v);
    if (v.trim() === '' || !Number.isInteger(ms) || ms < MIN_INTERVAL_MS) return false;
    a.intervalMs = ms;
    return true;
  }),
];

/** Parses `gakuco-monit [options]` and `gakuco-monit SUBCOMMAND …` (both `--opt value` and `--opt=value`). */
export function parseCliArgs(argv: readonly string[]): CliArgsResult {
  const args: CliArgs = {
    command: 'monitor',
    rest: [],
    lang: undefined,
    once: false,
    json: false,
    watch: false,
    intervalMs: 1000,
    historyLines: 200,
    readOnly: false,
    noConfig: false,
    ascii: false,
    noColor: false,
    pm2Home: undefined,
    hosts: [],
    hostsFile: undefined,
    context: undefined,
    agentUrl: DEFAULT_AGENT_URL,
    help: false,
    version: false,
  };
  const command = SUBCOMMANDS.find((name) => name === argv[0]);
  if (command !== undefined) return { ok: true, args: { ...args, command, rest: argv.slice(1) } };
  const parsed = parseFlags(argv, MONITOR_FLAGS, args);
  if (!parsed.ok) return parsed.value === undefined ? { ok: false, option: parsed.option } : { ok: false, option: parsed.option, value: parsed.value };
  const stray = parsed.positionals[0];
  return stray === undefined ? { ok: true, args } : { ok: false, option: stray };
}
