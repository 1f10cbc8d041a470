import type { Messages } from '../../i18n/messages.js';
import type { ConnectionState } from '../../pm2-bridge/types.js';
import { formatClockTime } from '../format/clock-time.js';

/** The lines the banner shows for a connection state; none when connected. */
export function bannerLines(connection: ConnectionState, messages: Messages): string[] {
  const c = messages.connection;
  switch (connection.kind) {
    case 'connected':
      return [];
    case 'connecting':
      return [c.connecting(connection.home)];
    case 'no-daemon':
      return [c.noDaemon(connection.home), c.noDaemonHint];
    case 'load-failed':
      return [
        c.loadFailed(connection.error),
        `${connection.lastOkAt === null ? '' : c.lastOk(formatClockTime(connection.lastOkAt)) + ' / '}${c.keepsLast}`,
      ];
  }
}
