import { describe, expect, it } from 'vitest';
import {
  addDays,
  currentTime,
  defaultEnd,
  eventRangeProblem,
  isValidTimeZone,
  parseTimeInput,
  toEventTime,
  toInstantRfc3339,
  toZonedRfc3339,
  wallTimeToInstant,
  zoneOffsetMinutes,
} from '../../../src/servers/google-calendar/time.js';

describe('parseTimeInput', () => {
  it('tells dates, wall-clock times and instants apart', () => {
    expect(parseTimeInput('2025-06-01')).toEqual({ kind: 'date', date: '2025-06-01' });
    expect(parseTimeInput('2025-06-01T10:00')).toEqual({ kind: 'local', wall: '2025-06-01T10:00:00' });
    expect(parseTimeInput('2025-06-01 10:00:30')).toEqual({ kind: 'local', wall: '2025-06-01T10:00:30' });
    expect(parseTimeInput('2025-06-01T10:00:00+09:00')).toEqual({ kind: 'instant', instant: new Date('2025-06-01T01:00:00Z') });
    expect(parseTimeInput('2025-06-01T01:00:00Z')).toEqual({ kind: 'instant', instant: new Date('2025-06-01T01:00:00Z') });
  });

  it('rejects impossible dates and prose with a hint at the formats', () => {
    expect(() => parseTimeInput('2025-02-30')).toThrow(/not a valid date/);
    expect(() => parseTimeInput('2025-06-01T25:00')).toThrow(/not a valid date and time/);
    expect(() => parseTimeInput('next friday')).toThrow(/YYYY-MM-DD/);
  });
});

describe('zones', () => {
  it('knows valid IANA zones and their offsets, across DST', () => {
    expect(isValidTimeZone('Asia/Tokyo')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(zoneOffsetMinutes(new Date('2025-06-01T00:00:00Z'), 'Asia/Tokyo')).toBe(540);
    expect(zoneOffsetMinutes(new Date('2025-01-15T12:00:00Z'), 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(new Date('2025-07-15T12:00:00Z'), 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes(new Date('2025-01-15T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });

  it('turns wall-clock times into instants, also on DST change days', () => {
    expect(wallTimeToInstant('2025-06-01T10:00:00', 'Asia/Tokyo').toISOString()).toBe('2025-06-01T01:00:00.000Z');
    // New York springs forward on 2025-03-09 at 02:00; 03:30 that day is already EDT (-4).
    expect(wallTimeToInstant('2025-03-09T03:30:00', 'America/New_York').toISOString()).toBe('2025-03-09T07:30:00.000Z');
    expect(wallTimeToInstant('2025-03-08T23:00:00', 'America/New_York').toISOString()).toBe('2025-03-09T04:00:00.000Z');
    expect(toZonedRfc3339(new Date('2025-03-09T07:30:00Z'), 'America/New_York')).toBe('2025-03-09T03:30:00-04:00');
  });

  it('converts range bounds to instants in the zone', () => {
    expect(toInstantRfc3339('2025-06-03', 'Asia/Tokyo')).toBe('2025-06-03T00:00:00+09:00');
    expect(toInstantRfc3339('2025-06-03T18:00', 'Europe/London')).toBe('2025-06-03T18:00:00+01:00');
    expect(toInstantRfc3339('2025-06-03T00:00:00Z', 'Asia/Tokyo')).toBe('2025-06-03T09:00:00+09:00');
  });
});

describe('event times', () => {
  it('makes all-day or timed event times, and default ends', () => {
    expect(toEventTime('2025-06-01', 'Asia/Tokyo')).toEqual({ date: '2025-06-01' });
    const start = toEventTime('2025-06-01T23:30', 'Asia/Tokyo');
    expect(start).toEqual({ dateTime: '2025-06-01T23:30:00+09:00', timeZone: 'Asia/Tokyo' });
    expect(defaultEnd(start)).toEqual({ dateTime: '2025-06-02T00:30:00+09:00', timeZone: 'Asia/Tokyo' });
    expect(defaultEnd({ date: '2025-12-31' })).toEqual({ date: '2026-01-01' });
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('checks that the end is after the start and of the same kind', () => {
    expect(eventRangeProblem({ date: '2025-06-01' }, { date: '2025-06-01' })).toMatch(/exclusive/);
    expect(eventRangeProblem({ date: '2025-06-01' }, { date: '2025-06-02' })).toBeNull();
    expect(eventRangeProblem({ date: '2025-06-01' }, { dateTime: '2025-06-01T10:00:00Z', timeZone: 'UTC' })).toMatch(/both/);
    expect(
      eventRangeProblem(
        { dateTime: '2025-06-01T10:00:00+09:00', timeZone: 'Asia/Tokyo' },
        { dateTime: '2025-06-01T01:00:00Z', timeZone: 'UTC' },
      ),
    ).toMatch(/after start/);
  });
});

describe('currentTime', () => {
  it('describes now in a zone', () => {
    expect(currentTime(new Date('2025-12-31T15:30:45.123Z'), 'Asia/Tokyo')).toEqual({
      timeZone: 'Asia/Tokyo',
      now: '2026-01-01T00:30:45+09:00',
      date: '2026-01-01',
      time: '00:30:45',
      weekday: 'Thursday',
      utcOffset: '+09:00',
      utc: '2025-12-31T15:30:45Z',
    });
  });
});
