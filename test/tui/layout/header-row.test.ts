import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../../src/i18n/messages-for.js';
import type { ConnectionState } from '../../../src/pm2-bridge/types.js';
import { cellWidth } from '../../../src/tui/format/cell-width.js';
import { asciiGlyphs, unicodeGlyphs } from '../../../src/tui/format/glyphs.js';
import { clockFits, headerRow, type HeaderRow } from '../../../src/tui/layout/header-row.js';

const text = (row: HeaderRow) => row.left + row.middle + row.gap + row.right;
const connecting: ConnectionState = { kind: 'connecting', home: '/home/ops/.pm2' };
const base = { connection: connecting, serviceCount: 0, shownCount: null, width: 80, clock: '12:34:56', messages: messagesFor('en'), glyphs: unicodeGlyphs, readOnly: false };

describe('headerRow', () => {
  it('says the name, the count, where PM2 stands and the time, the time at the right edge', () => {
    const row = headerRow(base);
    expect(row.left).toBe('gakuco-monit (0) ');
    expect(row.middle).toBe('◌ Connecting to PM2 (/home/ops/.pm2)');
    expect(row.tone).toBe('yellow');
    expect(text(row).endsWith(' 12:34:56')).toBe(true);
    expect(cellWidth(text(row))).toBe(80);
  });

  it('in Japanese, with ascii glyphs, read-only and a filter', () => {
    const row = headerRow({ ...base, messages: messagesFor('ja'), glyphs: asciiGlyphs, readOnly: true, serviceCount: 9, shownCount: 2, width: 100 });
    expect(row.left).toBe('gakuco-monit (2/9) ');
    expect(row.middle).toBe('~ PM2 に接続しています (/home/ops/.pm2)');
    expect(row.right).toBe(`[${messagesFor('ja').readOnlyBadge}] 12:34:56`);
    expect(cellWidth(text(row))).toBe(100);
  });

  it('cuts the state to the room left, in cells, never the name or the time', () => {
    const row = headerRow({ ...base, messages: messagesFor('ja'), width: 40 });
    expect(row.middle.endsWith('…')).toBe(true);
    expect(cellWidth(text(row))).toBeLessThanOrEqual(40);
    expect(row.left).toBe('gakuco-monit (0) ');
    expect(row.right).toBe('12:34:56');
  });

  it('each state in its tone: connected green, no daemon red, hosts by how many are up', () => {
    expect(headerRow({ ...base, connection: { kind: 'connected', home: 'h', since: 0, daemonPid: 1 } }).tone).toBe('green');
    expect(headerRow({ ...base, connection: { kind: 'no-daemon', home: 'h', since: 0 } }).tone).toBe('red');
    const hosts: ConnectionState = { kind: 'hosts', home: 'a, b', hosts: [{ host: 'a', state: { kind: 'connecting' } }, { host: 'b', state: { kind: 'connecting' } }] };
    const row = headerRow({ ...base, connection: hosts });
    expect(row.middle).toBe('✖ 0/2 hosts connected');
    expect(row.tone).toBe('red');
  });
});

describe('headerRow: where the clock goes (the clock layer draws exactly there)', () => {
  it('is the row\'s last cells, after the badge, at the narrowest monitor (60 cells, ja, read-only, a long home)', () => {
    const connected: ConnectionState = { kind: 'connected', home: '/tmp/a-very-long-pm2-home-directory/for/this/test', since: 0, daemonPid: 1 };
    const row = headerRow({ ...base, connection: connected, messages: messagesFor('ja'), readOnly: true, serviceCount: 60, shownCount: 12, width: 60 });
    expect(row.middle.endsWith('…')).toBe(true);
    expect(row.clockAt).toBe(52);
    expect(row.clockWidth).toBe(8);
    const line = row.left + row.middle + row.gap + row.badge;
    expect(cellWidth(line)).toBe(row.clockAt);
    expect(line.endsWith(`… [${messagesFor('ja').readOnlyBadge}] `)).toBe(true);
    expect(clockFits(row, 60)).toBe(true);
  });

  it('does not fit on a row too short for the name, the badge and the clock (then nothing is drawn there by a layer)', () => {
    const row = headerRow({ ...base, readOnly: true, width: 30 });
    expect(row.middle).toBe('');
    expect(clockFits(row, 30)).toBe(false);
    expect(clockFits(headerRow({ ...base, glyphs: asciiGlyphs, width: 40 }), 40)).toBe(true);
  });
});
