// Pure pieces behind "this and following" and exact all-day listings.
import { describe, expect, it } from 'vitest';
import { endSeriesBefore, followingRecurrence, ruleCount, untilBefore } from '../../../src/servers/google-calendar/recurrence.js';
import { allDayWithin, coveredDays } from '../../../src/servers/google-calendar/time.js';

describe('series split', () => {
  it('ends a series one second before a timed occurrence, or the day before an all-day one', () => {
    expect(untilBefore({ dateTime: '2025-06-09T10:00:00+09:00', timeZone: 'Asia/Tokyo' })).toBe('20250609T005959Z');
    expect(untilBefore({ date: '2025-06-01' })).toBe('20250531');
    expect(endSeriesBefore(['RRULE:FREQ=WEEKLY;COUNT=5;BYDAY=MO', 'EXDATE:20250616T010000Z'], { date: '2025-06-09' })).toEqual([
      'RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20250608',
      'EXDATE:20250616T010000Z',
    ]);
  });

  it('gives the new series what is left of a COUNT', () => {
    expect(ruleCount(['RRULE:FREQ=DAILY;COUNT=10'])).toBe(10);
    expect(ruleCount(['RRULE:FREQ=DAILY;UNTIL=20250630'])).toBeUndefined();
    expect(followingRecurrence(['RRULE:FREQ=DAILY;COUNT=10'], 4)).toEqual(['RRULE:FREQ=DAILY;COUNT=6']);
    expect(followingRecurrence(['RRULE:FREQ=DAILY;UNTIL=20250630'], 4)).toEqual(['RRULE:FREQ=DAILY;UNTIL=20250630']);
  });
});

describe('covered days', () => {
  it('counts the days of a range in the asked zone; a range ending at midnight leaves that day out', () => {
    expect(coveredDays('2025-06-05T00:00:00+09:00', '2025-06-06T00:00:00+09:00', 'Asia/Tokyo')).toEqual({
      first: '2025-06-05',
      afterLast: '2025-06-06',
    });
    expect(coveredDays('2025-06-05T09:00:00+09:00', '2025-06-05T18:00:00+09:00', 'Asia/Tokyo')).toEqual({
      first: '2025-06-05',
      afterLast: '2025-06-06',
    });
    expect(coveredDays('2025-06-04T23:00:00Z', undefined, 'Asia/Tokyo')).toEqual({ first: '2025-06-05' });
    const days = { first: '2025-06-05', afterLast: '2025-06-06' };
    expect(allDayWithin('2025-06-04', '2025-06-05', days)).toBe(false);
    expect(allDayWithin('2025-06-04', '2025-06-06', days)).toBe(true);
    expect(allDayWithin('2025-06-06', '2025-06-07', days)).toBe(false);
  });
});
