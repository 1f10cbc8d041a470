import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.js';
import { ja } from '../../../src/i18n/ja.js';
import { formatBytes } from '../../../src/tui/format/bytes.js';
import { formatDuration, nextDurationChange } from '../../../src/tui/format/duration.js';
import { asciiGlyphs, unicodeGlyphs } from '../../../src/tui/format/glyphs.js';
import { formatMilliseconds } from '../../../src/tui/format/milliseconds.js';
import { formatPercent } from '../../../src/tui/format/percent.js';
import { statusStyle } from '../../../src/tui/format/status-style.js';
import { formatUptime } from '../../../src/tui/format/uptime.js';
import type { ServiceStatus } from '../../../src/pm2-bridge/types.js';

describe('formatBytes', () => {
  it('uses binary units with one decimal below 100', () => {
    expect(formatBytes(512)).toBe('512B');
    expect(formatBytes(1536)).toBe('1.5K');
    expect(formatBytes(48 * 1024 * 1024)).toBe('48.0M');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300M');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5G');
  });
  it('shows - for nonsense', () => {
    expect(formatBytes(-1)).toBe('-');
    expect(formatBytes(Number.NaN)).toBe('-');
  });
});

describe('formatDuration and formatUptime', () => {
  it('is coarse like pm2', () => {
    expect(formatDuration(7_900)).toBe('7s');
    // Seconds by tens from 10 s (one figure, as minutes): the cell does not change every second at idle.
    expect(formatDuration(10_000)).toBe('10s');
    expect(formatDuration(45_000)).toBe('40s');
    expect(formatDuration(59_999)).toBe('50s');
    expect(formatDuration(12 * 60_000 + 5000)).toBe('12m');
    expect(formatDuration(3 * 3_600_000)).toBe('3h');
    expect(formatDuration(50 * 3_600_000)).toBe('2D');
    expect(formatDuration(null)).toBe('-');
    expect(formatDuration(-5)).toBe('-');
  });
  it('has no uptime when not online', () => {
    expect(formatUptime({ status: 'online', startedAt: 1000 }, 61_000)).toBe('1m');
    expect(formatUptime({ status: 'stopped', startedAt: 1000 }, 61_000)).toBe('-');
    expect(formatUptime({ status: 'online', startedAt: null }, 61_000)).toBe('-');
  });
});

describe('formatPercent and formatMilliseconds', () => {
  it('formats', () => {
    expect(formatPercent(0.42)).toBe('0.4%');
    expect(formatPercent(12.4)).toBe('12%');
    expect(formatPercent(130)).toBe('130%');
    expect(formatMilliseconds(3.4)).toBe('3ms');
    expect(formatMilliseconds(12_500)).toBe('12.5s');
  });
});

describe('statusStyle', () => {
  const statuses: ServiceStatus[] = ['online', 'launching', 'stopping', 'stopped', 'errored', 'waiting restart', 'one-launch-status', 'unknown'];
  it('gives every status a word and a mark, never colour alone', () => {
    for (const messages of [ja, en]) {
      for (const status of statuses) {
        const style = statusStyle(status, messages, unicodeGlyphs);
        expect(style.label.length).toBeGreaterThan(0);
        expect(style.mark.length).toBeGreaterThan(0);
      }
    }
    expect(statusStyle('online', ja, unicodeGlyphs)).toEqual({ label: '稼働中', mark: '●', tone: 'green' });
    expect(statusStyle('errored', en, asciiGlyphs)).toEqual({ label: 'errored', mark: 'x', tone: 'red' });
  });
  it('tells the main states apart by mark alone too', () => {
    const marks = (['online', 'stopped', 'errored', 'launching'] as const).map((s) => statusStyle(s, ja, asciiGlyphs).mark);
    expect(new Set(marks).size).toBe(4);
  });
});

describe('nextDurationChange', () => {
  it('is the next second, minute, hour or day of the duration as formatDuration shows it', () => {
    const since = 1_000_300;
    for (const at of [since + 5_000, since + 9_999, since + 10_000, since + 45_000, since + 59_999, since + 60_000, since + 125_000, since + 3_599_999, since + 7_200_000, since + 90_000_000]) {
      const next = nextDurationChange(since, at);
      expect(next).toBeGreaterThan(at);
      expect(formatDuration(next - since)).not.toBe(formatDuration(at - since));
      expect(formatDuration(next - 1 - since)).toBe(formatDuration(at - since));
    }
    expect(nextDurationChange(since, since + 125_000)).toBe(since + 180_000);
    expect(nextDurationChange(since, since + 12_000)).toBe(since + 20_000);
  });
  it('is the start itself while it is in the future (the uptime shows - until then)', () => {
    expect(nextDurationChange(10_000, 4_000)).toBe(10_000);
  });
});
