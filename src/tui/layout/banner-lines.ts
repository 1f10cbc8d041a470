import type { Messages } from '../../i18n/messages.js';
import type { ConnectionState } from '../../pm2-bridge/types.js';
import { formatClockTime } from '../format/clock-time.js';

/** The lines the banner shows for a connection state; none when connected. */
export function bannerLines(connection: ConnectionState, messages: Messages, live = true): string[] {
  const c = messages.connection;
  switch (connection.kind) {
    case 'connected':
      return [];
    case 'connecting':
      return [c.connecting(connection.home)];
    case 'no-daemon':
      return [c.noDaemon(connection.home), live ? `${c.noDaemonHint} ${c.waiting}` : c.noDaemonHint];
    case 'load-failed':
      return [
        c.loadFailed(connection.error),
        `${connection.lastOkAt === null ? '' : c.lastOk(formatClockTime(connection.lastOkAt)) + ' / '}${c.keepsLast}`,
      ];
  }
}
