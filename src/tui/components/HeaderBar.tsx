import { Box, Text } from 'ink';
import { memo, useContext } from 'react';
import type { Messages } from '../../i18n/messages.js';
import type { ConnectionState } from '../../pm2-bridge/types.js';
import { DisplayContext } from '../display/display-context.js';
import { cellWidth } from '../format/cell-width.js';
import { formatClockTime } from '../format/clock-time.js';
import type { Glyphs } from '../format/glyphs.js';
import type { Tone } from '../format/tone.js';
import { truncateCells } from '../format/truncate-cells.js';
import { Toned } from './Toned.js';

export interface HeaderBarProps {
  connection: ConnectionState;
  serviceCount: number;
  /** Rows the table shows under a filter, null without one: the header then says `shown/total`. */
  shownCount: number | null;
  width: number;
  now: number;
}

/** With several hosts: how many are fully up (ssh link and their PM2), green when all, red when none. */
function hostsState(connection: ConnectionState, messages: Messages, glyphs: Glyphs): { mark: string; text: string; tone: Tone } {
  const hosts = connection.kind === 'hosts' ? connection.hosts : [];
  const up = hosts.filter((link) => link.state.kind === 'connected' && link.state.daemon.kind === 'connected').length;
  const text = messages.hosts.summary(up, hosts.length);
  if (up === hosts.length) return { mark: glyphs.online, text, tone: 'green' };
  return { mark: up === 0 ? glyphs.errored : glyphs.severityWarning, text, tone: up === 0 ? 'red' : 'yellow' };
}

/** Row one: the name, where PM2 stands (mark + words), read-only, the time. */
export const HeaderBar = memo(function HeaderBar({ connection, serviceCount, shownCount, width, now }: HeaderBarProps) {
  const { messages, glyphs, readOnly } = useContext(DisplayContext);
  const c = messages.connection;
  const states: Record<ConnectionState['kind'], { mark: string; text: string; tone: Tone }> = {
    connecting: { mark: glyphs.pending, text: c.connecting(connection.home), tone: 'yellow' },
    connected: { mark: glyphs.online, text: c.connected(connection.home), tone: 'green' },
    'no-daemon': { mark: glyphs.errored, text: c.noDaemon(connection.home), tone: 'red' },
    'load-failed': {
      mark: glyphs.severityError,
      text: c.loadFailed(connection.kind === 'load-failed' ? messages.actionErrors[connection.reason.code](connection.reason.params) : ''),
      tone: 'red',
    },
    hosts: hostsState(connection, messages, glyphs),
  };
  const state = states[connection.kind];
  const right = `${readOnly ? `[${messages.readOnlyBadge}] ` : ''}${formatClockTime(now)}`;
  const left = `gakuco-monit (${shownCount === null ? serviceCount : `${shownCount}/${serviceCount}`}) `;
  const room = Math.max(0, width - cellWidth(left) - cellWidth(right) - 1);
  const middle = truncateCells(`${state.mark} ${state.text}`, room, glyphs.ellipsis);
  const gap = ' '.repeat(Math.max(0, room - cellWidth(middle) + 1));
  return (
    <Box height={1} width={width}>
      <Text wrap="truncate-end">
        <Toned bold>{left}</Toned>
        <Toned tone={state.tone}>{middle}</Toned>
        {gap}
        {right}
      </Text>
    </Box>
  );
});
