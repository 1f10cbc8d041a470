import type { Messages } from '../../i18n/messages.js';
import type { ConnectionState, Diagnostic } from '../../pm2-bridge/types.js';
import { formatClockTime } from '../format/clock-time.js';

/**
 * The lines the banner shows for a connection state; none when connected. With no daemon it gives the command the
 * daemon-down finding worked out (`pm2 resurrect` when a saved list exists, `npx pm2` when pm2 is not on PATH).
 */
export function bannerLines(connection: ConnectionState, messages: Messages, live = true, diagnostics: readonly Diagnostic[] = []): string[] {
  const c = messages.connection;
  switch (connection.kind) {
    case 'connected':
      return [];
    case 'connecting':
      return [c.connecting(connection.home)];
    case 'no-daemon': {
      const fix = diagnostics.find((d) => d.code === 'daemon-down')?.fix ?? null;
      const hint = fix === null ? c.noDaemonHint : c.noDaemonStart(fix);
      return [c.noDaemon(connection.home), live ? `${hint} ${c.waiting}` : hint];
    }
    case 'load-failed':
      return [
        c.loadFailed(messages.actionErrors[connection.reason.code](connection.reason.params)),
        `${connection.lastOkAt === null ? '' : c.lastOk(formatClockTime(connection.lastOkAt)) + ' / '}${c.keepsLast}`,
      ];
  }
}
