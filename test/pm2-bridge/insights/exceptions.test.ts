import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findErrorStacks } from '../../../src/pm2-bridge/insights/error-log-stacks.js';
import { addExceptions, exceptionMessage, exceptionsOf, MAX_GROUPS } from '../../../src/pm2-bridge/insights/exception-groups.js';

// Error logs written by a real PM2 7.0.4 daemon for test/fixtures/plus/thrower.cjs (plain, and log_date_format).
const plain = readFileSync(new URL('../../fixtures/plus/thrower-error.log', import.meta.url), 'utf8').split('\n');
const dated = readFileSync(new URL('../../fixtures/plus/dated-error.log', import.meta.url), 'utf8').split('\n');
const MESSAGE = 'Error: listen EADDRINUSE: address already in use 127.0.0.1:3001';

describe('stacks in an error log', () => {
  it('finds each uncaught error with its frames', () => {
    const stacks = findErrorStacks(plain);
    expect(stacks).toHaveLength(3);
    expect(stacks[0]).toEqual({
      message: MESSAGE,
      stack: `${MESSAGE}\n    at Timeout._onTimeout (/srv/app/test/fixtures/plus/thrower.cjs:4:9)\n    at listOnTimeout (node:internal/timers:581:17)\n    at process.processTimers (node:internal/timers:519:7)`,
      at: null,
    });
  });

  it('reads the time from log_date_format prefixes and drops them from the stack', () => {
    const [stack] = findErrorStacks(dated);
    expect(stack?.at).toBe(Date.parse('2026-12-01T11:05:57'));
    expect(stack?.stack.split('\n')[1]).toBe('    at Timeout._onTimeout (/srv/app/test/fixtures/plus/thrower.cjs:4:9)');
  });

  it('ignores an Error: line without frames, and knows other error names and codes', () => {
    const lines = ['Error: just text', 'ok', 'TypeError [ERR_INVALID_ARG_TYPE]: bad', '    at f (x.js:1:1)', 'RangeError', '    at g (y.js:2:2)', 'nope Error: x', '    at h'];
    expect(findErrorStacks(lines).map((s) => s.message)).toEqual(['TypeError [ERR_INVALID_ARG_TYPE]: bad', 'RangeError']);
  });
});

describe('exception groups', () => {
  const key = { pmId: 0, name: 'thrower' };
  it('groups by message per service with count, first and last seen', () => {
    const found = findErrorStacks(plain).map((s) => ({ ...key, ...s, source: 'error-log' as const }));
    let groups = addExceptions([], found);
    expect(groups).toEqual([{ ...key, message: MESSAGE, count: 3, firstSeen: null, lastSeen: null, stack: found[2]!.stack, source: 'error-log' }]);
    groups = addExceptions(groups, [
      { ...key, message: MESSAGE, stack: 'new', at: 1000, source: 'bus' },
      { ...key, message: 'Error: other', stack: 'Error: other', at: 2000, source: 'bus' },
      { pmId: 1, name: 'x', message: MESSAGE, stack: 's', at: 1500, source: 'bus' },
    ]);
    expect(groups.map((g) => [g.name, g.message, g.count, g.firstSeen, g.lastSeen, g.source])).toEqual([
      ['x', MESSAGE, 1, 1500, 1500, 'bus'],
      ['thrower', 'Error: other', 1, 2000, 2000, 'bus'],
      ['thrower', MESSAGE, 4, null, 1000, 'bus'],
    ]);
    expect(exceptionsOf(groups, key)).toHaveLength(2);
  });

  it('keeps at most MAX_GROUPS, dropping the least recently seen', () => {
    const many = Array.from({ length: MAX_GROUPS + 5 }, (_, i) => ({ ...key, message: `Error: ${i}`, stack: '', at: i, source: 'bus' as const }));
    const groups = addExceptions([], many);
    expect(groups).toHaveLength(MAX_GROUPS);
    expect(groups[0]?.message).toBe(`Error: ${MAX_GROUPS + 4}`);
    expect(groups.at(-1)?.message).toBe('Error: 5');
  });

  it('takes the message from a process:exception error object', () => {
    expect(exceptionMessage({ message: 'boom', stack: 'Error: boom\n    at x' })).toEqual({ message: 'Error: boom', stack: 'Error: boom\n    at x' });
    expect(exceptionMessage({ message: 'no stack', name: 'TypeError' }).message).toBe('TypeError: no stack');
    expect(exceptionMessage(42).message).toBe('Error');
  });
});
