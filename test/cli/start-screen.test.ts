import { describe, expect, it } from 'vitest';
import { showStartScreen, startScreenText } from '../../src/cli/start-screen.js';
import { messagesFor } from '../../src/i18n/messages-for.js';
import { asciiGlyphs, unicodeGlyphs } from '../../src/tui/format/glyphs.js';
import { headerRow } from '../../src/tui/layout/header-row.js';
import { FakeTerminal } from '../tui/fixtures/fake-terminal.js';

const connection = { kind: 'connecting', home: '/srv/pm2' } as const;
const display = { messages: messagesFor('ja'), glyphs: unicodeGlyphs, readOnly: false, color: true };

/** What a terminal shows after `text`: its rows, trailing blanks cut. */
function screen(text: string, rows = 5, cols = 80): string[] {
  const terminal = new FakeTerminal(rows, cols);
  terminal.write(text);
  return terminal.text().map((row) => row.trimEnd());
}

describe('startScreenText', () => {
  it('takes the terminal over (alternate screen, cursor hidden, cleared) and draws row one as the header does', () => {
    const text = startScreenText({ connection, width: 80, clock: '09:05:00', display });
    expect(text.startsWith('\u001B[?1049h\u001B[?25l\u001B[m\u001B[H\u001B[2J')).toBe(true);
    const row = headerRow({ connection, serviceCount: 0, shownCount: null, width: 80, clock: '09:05:00', ...display });
    expect(screen(text)).toEqual([(row.left + row.middle + row.gap + row.right).trimEnd(), '', '', '', '']);
    expect(screen(text)[0]).toContain('PM2 に接続しています (/srv/pm2)');
    // The name bold, the state in its tone (yellow), as Ink writes them.
    expect(text).toContain('\u001B[1mgakuco-monit (0) \u001B[22m');
    expect(text).toContain('\u001B[33m◌ PM2 に接続しています (/srv/pm2)\u001B[39m');
  });

  it('without colour: no SGR but the reset; with --ascii: ascii marks; in English', () => {
    const text = startScreenText({ connection, width: 80, clock: '09:05:00', display: { ...display, messages: messagesFor('en'), glyphs: asciiGlyphs, color: false } });
    // eslint-disable-next-line no-control-regex
    expect(text.replace('\u001B[m', '')).not.toMatch(/\u001B\[[\d;]*m/);
    expect(screen(text)[0]).toMatch(/^gakuco-monit \(0\) ~ Connecting to PM2 \(\/srv\/pm2\) +09:05:00$/);
  });

  it('fits the terminal width in cells', () => {
    const text = startScreenText({ connection: { kind: 'connecting', home: '/a/very/long/path/to/the/pm2/home/of/this/host' }, width: 40, clock: '09:05:00', display });
    const [first = '', second] = screen(text, 2, 40);
    expect(first.endsWith('09:05:00')).toBe(true);
    expect(second).toBe('');
  });
});

describe('showStartScreen', () => {
  it('writes the screen at once, restores it once, and no more after the hand-over', () => {
    const stdout = new FakeTerminal(5, 40);
    const listeners = () => process.listenerCount('exit') + process.listenerCount('SIGINT') + process.listenerCount('SIGTERM');
    const before = listeners();
    const shown = showStartScreen(stdout as unknown as NodeJS.WriteStream, 'SCREEN');
    expect(stdout.writes).toEqual(['SCREEN']);
    expect(listeners()).toBe(before + 3);
    shown.restore();
    shown.restore();
    expect(stdout.writes).toEqual(['SCREEN', '\u001B[m\u001B[?1049l\u001B[?25h']);
    expect(listeners()).toBe(before);

    const next = new FakeTerminal(5, 40);
    const handed = showStartScreen(next as unknown as NodeJS.WriteStream, 'SCREEN');
    handed.handOver();
    handed.restore();
    expect(next.writes).toEqual(['SCREEN']);
    expect(listeners()).toBe(before);
  });

  it('draws more over itself until the hand-over, which says what it shows and at which size', () => {
    const stdout = new FakeTerminal(5, 40);
    const screen = showStartScreen(stdout as unknown as NodeJS.WriteStream, 'SCREEN');
    screen.draw('\u001B[2HROWS');
    expect(screen.handOver()).toEqual({ text: 'SCREEN\u001B[2HROWS', rows: 5, columns: 40 });
    screen.draw('LATE');
    expect(stdout.writes).toEqual(['SCREEN', '\u001B[2HROWS']);
    expect(stdout.listenerCount('resize')).toBe(0);
  });

  it('holds the keys in raw mode once asked (the list is on screen), until restored; not after the hand-over', () => {
    const modes: boolean[] = [];
    const stdin = { setRawMode: (mode: boolean) => (modes.push(mode), stdin) } as unknown as NodeJS.ReadStream;
    const screen = showStartScreen(new FakeTerminal(5, 40) as unknown as NodeJS.WriteStream, 'SCREEN');
    screen.holdKeys(stdin);
    screen.holdKeys(stdin);
    expect(modes).toEqual([true]);
    screen.restore();
    expect(modes).toEqual([true, false]);

    const handed = showStartScreen(new FakeTerminal(5, 40) as unknown as NodeJS.WriteStream, 'SCREEN');
    handed.handOver();
    handed.holdKeys(stdin);
    handed.restore();
    expect(modes).toEqual([true, false]);
  });

  it('after a resize: draws nothing more and does not know what it shows (the terminal may have reflowed it)', () => {
    const stdout = new FakeTerminal(5, 40);
    const screen = showStartScreen(stdout as unknown as NodeJS.WriteStream, 'SCREEN');
    stdout.resize(6, 50);
    screen.draw('ROWS');
    expect(stdout.writes).toEqual(['SCREEN']);
    expect(screen.handOver()).toBeNull();
  });
});
