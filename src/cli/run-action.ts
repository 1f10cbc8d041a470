// `gakuco-monit action <action> <pm_id> --expect-name NAME [--expect-daemon PID|unknown] [--pm2-home DIR]`: one
// action, as a monitor on another host runs it over ssh. The same identity check as the TUI's actions (the daemon
// and the name the operator confirmed); the outcome as one NDJSON record on stdout; exit 0 when done, 1 when not.
import { parseFlags, pm2HomeFlag, valueFlag, type Flag } from './flags.js';
import { resolvePm2Home, runActionOnce } from '../pm2-bridge/index.js';
import type { ServiceAction } from '../pm2-bridge/types.js';
import { actionAnswerLine } from '../stream/action-answer.js';

const ACTIONS = {
  restart: true,
  stop: true,
  delete: true,
  start: true,
  reload: true,
  scaleUp: true,
  scaleDown: true,
  flush: true,
  resetCounters: true,
} satisfies Record<ServiceAction, true>;

const ACTION_TIMEOUT_MS = 15_000;

export type ActionCommand = { ok: true; action: ServiceAction; pmId: number; name: string; daemonPid: number | null; pm2Home: string | undefined } | { ok: false; problem: string };

interface ActionFlags {
  name: string | undefined;
  daemon: string;
  pm2Home: string | undefined;
}

const ACTION_FLAGS: readonly Flag<ActionFlags>[] = [
  pm2HomeFlag(),
  valueFlag('expect-name', (a, v) => v !== '' && Boolean((a.name = v))),
  valueFlag('expect-daemon', (a, v) => {
    if (v !== 'unknown' && !(/^\d+$/.test(v) && Number(v) > 0)) return false;
    a.daemon = v;
    return true;
  }),
];

export function parseActionCommand(argv: readonly string[]): ActionCommand {
  const parsed = parseFlags(argv, ACTION_FLAGS, { name: undefined, daemon: 'unknown', pm2Home: undefined });
  if (!parsed.ok) return { ok: false, problem: `${parsed.value === undefined ? 'unknown option' : 'bad value for'} ${parsed.option}${parsed.value ? ` ${parsed.value}` : ''}` };
  const [action, id, ...extra] = parsed.positionals;
  if (action === undefined || !Object.hasOwn(ACTIONS, action)) return { ok: false, problem: `unknown action ${action ?? '(none)'}: ${Object.keys(ACTIONS).join(', ')}` };
  const pmId = Number(id);
  if (id === undefined || !/^\d+$/.test(id) || !Number.isSafeInteger(pmId)) return { ok: false, problem: `bad pm_id ${id ?? '(none)'}` };
  if (extra.length > 0) return { ok: false, problem: `unexpected ${extra.join(' ')}` };
  const { name, daemon, pm2Home } = parsed.args;
  if (name === undefined) return { ok: false, problem: '--expect-name is required: the name the operator confirmed' };
  return { ok: true, action: action as ServiceAction, pmId, name, daemonPid: daemon === 'unknown' ? null : Number(daemon), pm2Home };
}

/** Runs the command; resolves with the exit code. */
export async function runActionCommand(argv: readonly string[]): Promise<number> {
  const command = parseActionCommand(argv);
  if (!command.ok) {
    process.stderr.write(`gakuco-monit action: ${command.problem}\n`);
    return 64;
  }
  const result = await runActionOnce(resolvePm2Home(command.pm2Home), command.action, { pmId: command.pmId, name: command.name, daemonPid: command.daemonPid }, ACTION_TIMEOUT_MS);
  process.stdout.write(actionAnswerLine(result));
  return result.ok ? 0 : 1;
}
