import type { Messages } from '../../i18n/messages.js';
import type { ConnectionState } from '../../pm2-bridge/types.js';
import { cellWidth } from '../format/cell-width.js';
import type { Glyphs } from '../format/glyphs.js';
import type { Tone } from '../format/tone.js';
import { truncateCells } from '../format/truncate-cells.js';

export interface HeaderRowInput {
  connection: ConnectionState;
  serviceCount: number;
  /** Rows the table shows under a filter, null without one: the header then says `shown/total`. */
  shownCount: number | null;
  width: number;
  /** The time as shown at the right end (`HH:MM:SS`). */
  clock: string;
  messages: Messages;
  glyphs: Glyphs;
  readOnly: boolean;
}

/** Row one in its parts, left to right: `left` (bold), `middle` (in `tone`), `gap`, `right`; together `width` cells or less. */
export interface HeaderRow {
  left: string;
  middle: string;
  tone: Tone;
  gap: string;
  /** The badge (with its trailing space, '' when not read-only) and the clock. */
  right: string;
  badge: string;
  /**
   * The clock's first column and its cells: right-aligned after the badge. The clock always keeps its whole width
   * (the state gives way first). When the row is too short even for the name, the badge and the clock, the row runs
   * past the width and Ink cuts its end as it always did (clockFits is false: a clock layer then draws nothing).
   */
  clockAt: number;
  clockWidth: number;
}

/** Where PM2 stands, as the header says it: a mark, words and their tone. */
export function connectionSummary(connection: ConnectionState, messages: Messages, glyphs: Glyphs): { mark: string; text: string; tone: Tone } {
  const c = messages.connection;
  switch (connection.kind) {
    case 'connecting':
      return { mark: glyphs.pending, text: c.connecting(connection.home), tone: 'yellow' };
    case 'connected':
      return { mark: glyphs.online, text: c.connected(connection.home), tone: 'green' };
    case 'no-daemon':
      return { mark: glyphs.errored, text: c.noDaemon(connection.home), tone: 'red' };
    case 'load-failed':
      return { mark: glyphs.severityError, text: c.loadFailed(messages.actionErrors[connection.reason.code](connection.reason.params)), tone: 'red' };
    case 'hosts': {
      // With several hosts: how many are fully up (ssh link and their PM2), green when all, red when none.
      const up = connection.hosts.filter((link) => link.state.kind === 'connected' && link.state.daemon.kind === 'connected').length;
      const text = messages.hosts.summary(up, connection.hosts.length);
      if (up === connection.hosts.length) return { mark: glyphs.online, text, tone: 'green' };
      return { mark: up === 0 ? glyphs.errored : glyphs.severityWarning, text, tone: up === 0 ? 'red' : 'yellow' };
    }
  }
}

/**
 * Row one of the monitor: the name and how many apps, where PM2 stands (mark + words, cut to fit), read-only, the
 * time. The React header, the header clock's screen layer (hooks/use-clock-layer.ts: its cells are the ones the
 * header leaves blank) and the start screen drawn before React loads (src/cli/start-screen.ts) all use it.
 */
export function headerRow({ connection, serviceCount, shownCount, width, clock, messages, glyphs, readOnly }: HeaderRowInput): HeaderRow {
  const state = connectionSummary(connection, messages, glyphs);
  const badge = readOnly ? `[${messages.readOnlyBadge}] ` : '';
  const right = `${badge}${clock}`;
  const left = `gakuco-monit (${shownCount === null ? serviceCount : `${shownCount}/${serviceCount}`}) `;
  const room = Math.max(0, width - cellWidth(left) - cellWidth(right) - 1);
  const middle = truncateCells(`${state.mark} ${state.text}`, room, glyphs.ellipsis);
  const gap = ' '.repeat(Math.max(0, room - cellWidth(middle) + 1));
  const clockWidth = cellWidth(clock);
  return { left, middle, tone: state.tone, gap, right, badge, clockAt: cellWidth(left) + cellWidth(middle) + gap.length + cellWidth(badge), clockWidth };
}

/** Whether the whole clock is on the row (a clock layer draws only then; the same cells the header leaves blank). */
export function clockFits(row: HeaderRow, width: number): boolean {
  return row.clockAt + row.clockWidth <= width;
}
