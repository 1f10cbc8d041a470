import { describe, expect, it } from 'vitest';
import { sanitizeDeep, sanitizeField, sanitizeLogText } from '../../src/pm2-bridge/sanitize.js';

// Every byte that could make a terminal act (ESC, C0, C1, DEL) or read text differently (bidi) must be gone.
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

const hostile = [
  'evil\u001b]0;PWNED\u0007',
  'x\u001b]52;c;ZWNobyBwd25lZA==\u0007',
  '\u001b[?1049h\u001b[2J',
  'c1 \u009b31m \u009d0;t\u009c \u0090dcs\u009c \u009fapc \u009epm \u0098sos',
  'line\nbreak\r\n',
  'bidi \u202eevil\u202c \u2066iso\u2069',
  'lone \ud800 surrogate',
  'del\u007f nul\u0000 bel\u0007',
];

describe('sanitizeField', () => {
  it.each(hostile)('shows every control of %j visibly, never raw', (text) => {
    const safe = sanitizeField(text);
    expect(safe).not.toMatch(ACTIVE);
    expect(safe).not.toMatch(/[\ud800-\udfff]/);
  });

  it('uses readable stand-ins', () => {
    expect(sanitizeField('evil\u001b]0;PWNED\u0007')).toBe('evil⎋]0;PWNED␇');
    expect(sanitizeField('a\nb')).toBe('a⏎b');
    expect(sanitizeField('\u009b2J')).toBe('\\x9b2J');
    expect(sanitizeField('\u202eabc')).toBe('\\u202eabc');
    expect(sanitizeField('tab\there')).toBe('tab␉here');
  });

  it('returns clean text as it is (the same string)', () => {
    const text = 'notion-mcp カレンダー 👍🏽';
    expect(sanitizeField(text)).toBe(text);
  });
});

describe('sanitizeLogText', () => {
  it('drops colours, expands tabs, shows every other escape visibly', () => {
    expect(sanitizeLogText('\u001b[31mred\u001b[0m ok')).toBe('red ok');
    expect(sanitizeLogText('a\tb')).toBe('a    b');
    expect(sanitizeLogText('a\u001b[2Jb')).toBe('a⎋[2Jb');
    expect(sanitizeLogText('\u001b]0;title\u0007x')).toBe('⎋]0;title␇x');
    expect(sanitizeLogText('日本語のログ')).toBe('日本語のログ');
    for (const text of hostile) expect(sanitizeLogText(text)).not.toMatch(ACTIVE);
  });
});

describe('sanitizeDeep', () => {
  it('makes every string of plain data safe, keeps multi-line params multi-line, and returns clean data unchanged', () => {
    const value = { name: 'a\u001b[2J', env: [{ key: 'K', value: '\u0007' }], params: { lastErrors: 'one\u001b\ntwo', pid: 3 } };
    expect(sanitizeDeep(value)).toEqual({ name: 'a⎋[2J', env: [{ key: 'K', value: '␇' }], params: { lastErrors: 'one⎋\ntwo', pid: 3 } });
    const clean = { name: 'ok', list: [1, 'two'] };
    expect(sanitizeDeep(clean)).toBe(clean);
  });
});

describe('every field of a service from a hostile pm2 list', () => {
  it('is terminal-safe after sanitizeDeep, whatever field the escape was in', async () => {
    const { toService } = await import('../../src/pm2-bridge/to-service.js');
    const evil = 'x\u001b]0;PWNED\u0007\u009b2J\n\u202e';
    const service = toService({
      pid: 1,
      name: evil,
      pm_id: 0,
      pm2_env: {
        status: 'online',
        namespace: evil,
        pm_exec_path: `/srv/${evil}.js`,
        pm_cwd: `/srv/${evil}`,
        exec_interpreter: evil,
        node_version: evil,
        pm_out_log_path: `/logs/${evil}.log`,
        pm_err_log_path: `/logs/${evil}.err`,
        env: { PATH: evil, NODE_ENV: evil, [`K${evil}`]: 'v', SECRET: evil },
        axm_monitor: { [evil]: { value: evil, unit: evil } },
      },
    });
    const stringsOf = (value: unknown): string[] =>
      typeof value === 'string'
        ? [value]
        : value && typeof value === 'object'
          ? Object.values(value).flatMap(stringsOf)
          : [];
    expect(stringsOf(service).some((text) => ACTIVE.test(text))).toBe(true); // the raw service is hostile
    const safe = stringsOf(sanitizeDeep(service));
    expect(safe.filter((text) => ACTIVE.test(text))).toEqual([]);
    expect(safe).toContain('x⎋]0;PWNED␇\\x9b2J⏎\\u202e');
  });
});
