// Sends notices to every receiver without ever making the caller wait: one queue per receiver, drained by its own
// loop, so a slow or hung receiver delays only itself. Each notice is sent once per receiver (dedupe), at most
// `perMinute` per receiver (the rest dropped and counted), retried with doubling backoff, and bounded in time.
import type { NotifySettings, Receiver } from '../agent-config.js';
import type { Deliver } from './deliver.js';
import { noticeId, type Notice } from './notice.js';

export type Outcome = 'sent' | 'failed' | 'dropped';

export interface NotifierOptions {
  receivers: readonly Receiver[];
  settings: NotifySettings;
  deliver: Deliver;
  /** Called once per notice and receiver with how it ended; `detail` never holds a URL or a body. */
  onOutcome?: (receiver: string, notice: Notice, outcome: Outcome, detail: string) => void;
  now?: () => number;
}

export interface Notifier {
  notify(notice: Notice): void;
  /** Resolves when every queue is empty (tests, shutdown). */
  idle(): Promise<void>;
  close(): void;
}

const REMEMBERED_IDS = 2000;

export function createNotifier(options: NotifierOptions): Notifier {
  const { settings } = options;
  const now = options.now ?? Date.now;
  const report = options.onOutcome ?? (() => undefined);
  const seen = new Set<string>();
  let closed = false;
  const idleWaiters: (() => void)[] = [];

  const lanes = options.receivers.map((receiver) => ({ receiver, queue: [] as Notice[], sentAt: [] as number[], busy: false }));

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
    });

  const settleIdle = (): void => {
    if (lanes.some((lane) => lane.busy || lane.queue.length > 0)) return;
    for (const resolve of idleWaiters.splice(0)) resolve();
  };

  async function drain(lane: (typeof lanes)[number]): Promise<void> {
    lane.busy = true;
    while (!closed && lane.queue.length > 0) {
      const notice = lane.queue.shift()!;
      const t = now();
      lane.sentAt = lane.sentAt.filter((at) => at > t - 60_000);
      if (lane.sentAt.length >= settings.perMinute) {
        report(lane.receiver.name, notice, 'dropped', `rate limit ${settings.perMinute}/min`);
        continue;
      }
      lane.sentAt.push(t);
      let lastError = '';
      let sent = false;
      for (let attempt = 0; attempt <= settings.retries && !closed; attempt += 1) {
        if (attempt > 0) await sleep(settings.backoffMs * 2 ** (attempt - 1));
        try {
          await options.deliver(lane.receiver, notice, settings.timeoutMs);
          sent = true;
          break;
        } catch (error) {
          lastError = error instanceof Error ? error.message : String(error);
        }
      }
      report(lane.receiver.name, notice, sent ? 'sent' : 'failed', sent ? '' : `${settings.retries + 1} attempts, last: ${lastError}`);
    }
    lane.busy = false;
    settleIdle();
  }

  return {
    notify(notice) {
      if (closed) return;
      const id = noticeId(notice);
      if (seen.has(id)) return;
      seen.add(id);
      if (seen.size > REMEMBERED_IDS) seen.delete(seen.values().next().value!);
      for (const lane of lanes) {
        lane.queue.push(notice);
        while (lane.queue.length > settings.queue) report(lane.receiver.name, lane.queue.shift()!, 'dropped', 'queue full');
        if (!lane.busy) void drain(lane);
      }
    },
    idle() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
    close() {
      closed = true;
      for (const lane of lanes) lane.queue.length = 0;
      settleIdle();
    },
  };
}
