// Custom actions (tx2.action / @pm2/io io.action) run the way `pm2 trigger` does (pm2 lib/API/Extra.js): the
// daemon's msgProcess RPC sends the action's name (and its parameter) to the app, and the app answers on the bus
// with `axm:reply`. Each run resolves (never rejects) within its timeout, with the reply or a code saying why not.
import { checkIdentity } from '../actions.js';
import { DaemonGoneError, RpcTimeoutError } from '../client.js';
import type { ActionTarget } from '../types.js';
import type { CustomAction, CustomActionErrorCode, CustomActionResult } from './types.js';

/** An app's reply as the bus carries it: `{process: {pm_id, name}, data: {return, action_name}}`. */
export interface ReplyPacket {
  process?: { pm_id?: unknown };
  data?: { return?: unknown; action_name?: unknown };
}

/** What running an action needs of the bridge: its daemon link, and a way to wait for one reply on its bus. */
export interface CustomActionLink {
  home: string;
  call<T>(method: string, arg: unknown, timeoutMs: number): Promise<T>;
  /** Resolves with the first reply of `pmId` to `action` within `timeoutMs`, or null. Listens from the call on. */
  waitForReply(pmId: number, action: string, timeoutMs: number): Waiting;
  /** Masks the apps' secrets in the reply. */
  maskText(text: string): string;
}

/** Characters of a reply kept for the screen (the whole reply is the app's; a screenful is enough). */
export const MAX_REPLY_CHARS = 4000;

const failed = (code: CustomActionErrorCode, params: Record<string, string | number> = {}): CustomActionResult => ({ ok: false, error: { code, params } });

/**
 * The actions a pm2 list item declares (pm2_env.axm_actions), without duplicates, in declaration order. The
 * `internal` ones @pm2/io adds by itself (km:heapdump, km:cpu:profiling:*) are not the app's: left out.
 */
export function toCustomActions(raw: unknown): CustomAction[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const actions: CustomAction[] = [];
  for (const item of raw as { action_name?: unknown; arity?: unknown; action_type?: unknown }[]) {
    const name = item?.action_name;
    if (typeof name !== 'string' || name === '' || seen.has(name) || item.action_type === 'internal') continue;
    seen.add(name);
    actions.push({ name, takesParam: typeof item.arity === 'number' && item.arity >= 2 });
  }
  return actions;
}

/** A reply as text: a string as it is, anything else as JSON (tx2 renames an array's `length` to `_length`). */
export function replyText(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > MAX_REPLY_CHARS ? `${text.slice(0, MAX_REPLY_CHARS)}…` : text;
}

export async function runCustomAction(
  link: CustomActionLink,
  target: ActionTarget,
  action: string,
  param: string | null,
  timeoutMs: number,
): Promise<CustomActionResult> {
  const { pmId, name } = target;
  let waiting: Waiting | null = null;
  try {
    const checked = await checkIdentity(link, target, Math.min(timeoutMs, 3000));
    if ('mismatch' in checked) {
      const error = checked.mismatch.ok ? null : checked.mismatch.error;
      return failed(error?.code === 'daemon-replaced' || error?.code === 'process-replaced' || error?.code === 'process-gone' ? 'not-declared' : 'pm2-refused', { name, action, ...(error?.params ?? {}) });
    }
    const env = checked.now.pm2_env ?? {};
    if (!toCustomActions(env.axm_actions).some((a) => a.name === action)) return failed('not-declared', { name, action });
    if (env.status !== 'online' && env.status !== 'launching') return failed('not-online', { name, action, status: String(env.status) });
    // Listen before asking: a fast app replies before msgProcess's own answer arrives.
    waiting = link.waitForReply(pmId, action, timeoutMs);
    const command: { id: number; msg: string; opts?: string } = { id: pmId, msg: action };
    if (param !== null) command.opts = param;
    await link.call('msgProcess', command, Math.min(timeoutMs, 5000));
    const reply = await waiting.reply;
    if (reply === null) return failed('no-reply', { name, action, ms: timeoutMs });
    return { ok: true, reply: link.maskText(replyText(reply.value)) };
  } catch (error) {
    waiting?.cancel();
    if (error instanceof DaemonGoneError) return failed('no-daemon');
    if (error instanceof RpcTimeoutError) return failed('timeout', { name, action, ms: timeoutMs });
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    if (/doesn't exist/i.test(message)) return failed('not-declared', { name, action });
    if (/offline/i.test(message)) return failed('not-online', { name, action, status: 'offline' });
    return failed('pm2-refused', { name, action, message: link.maskText(message) });
  }
}

/** A reply being waited for: `{value}` once it came, null on timeout or cancel. */
export interface Waiting {
  reply: Promise<{ value: unknown } | null>;
  cancel(): void;
}

/** Waiters for `axm:reply` packets, fed by the bridge's bus. */
export class ReplyWaiters {
  private readonly waiting = new Set<{ pmId: number; action: string; resolve(value: { value: unknown } | null): void }>();

  wait(pmId: number, action: string, timeoutMs: number): Waiting {
    let cancel = (): void => undefined;
    const reply = new Promise<{ value: unknown } | null>((resolve) => {
      const entry = {
        pmId,
        action,
        resolve: (value: { value: unknown } | null) => {
          clearTimeout(timer);
          this.waiting.delete(entry);
          resolve(value);
        },
      };
      const timer = setTimeout(() => entry.resolve(null), timeoutMs);
      this.waiting.add(entry);
      cancel = () => entry.resolve(null);
    });
    return { reply, cancel };
  }

  /** An `axm:reply` packet from the bus: the first waiter for that process and action gets its `return`. */
  receive(packet: unknown): void {
    const p = packet as ReplyPacket | undefined;
    const pmId = p?.process?.pm_id;
    const action = p?.data?.action_name;
    for (const entry of this.waiting) {
      if (entry.pmId === pmId && entry.action === action) {
        entry.resolve({ value: p?.data?.return });
        return;
      }
    }
  }

  cancelAll(): void {
    for (const entry of [...this.waiting]) entry.resolve(null);
  }
}
