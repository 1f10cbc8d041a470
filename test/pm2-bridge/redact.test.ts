import { describe, expect, it } from 'vitest';
import { isSecretName, maskEnv, MASK, parseEnviron, scrubSecrets, secretValues } from '../../src/pm2-bridge/redact.js';

describe('secret masking', () => {
  it.each([
    'NOTION_TOKEN', 'MCP_API_KEY', 'GOOGLE_CLIENT_SECRET', 'DB_PASSWORD', 'GOOGLE_APPLICATION_CREDENTIALS',
    'AUTH_HEADER', 'PRIVATE_KEY_PEM', 'SESSION_COOKIE', 'api_key', 'DB_PASS', 'MYSQL_PWD', 'SENTRY_DSN', 'SSH_AUTH_SOCK',
  ])('treats %s as secret', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each(['PORT', 'NODE_ENV', 'PATH', 'HOME', 'PWD', 'OLDPWD', 'LANG', 'PM2_HOME', 'PASSENGER_APP_ENV', 'NOTION_DATABASE_ID'])(
    'shows %s',
    (name) => {
      expect(isSecretName(name)).toBe(false);
    },
  );

  it('masks secret values, keeps the rest, sorted by name', () => {
    expect(
      maskEnv({ PORT: '3001', NOTION_TOKEN: 'ntn_abcdef', EMPTY_TOKEN: '', NESTED: { a: 1 }, DATABASE_URL: 'postgres://u:hunter2@h/db' }),
    ).toEqual([
      { key: 'DATABASE_URL', value: MASK, masked: true },
      { key: 'EMPTY_TOKEN', value: '', masked: false },
      { key: 'NESTED', value: '{"a":1}', masked: false },
      { key: 'NOTION_TOKEN', value: MASK, masked: true },
      { key: 'PORT', value: '3001', masked: false },
    ]);
    expect(maskEnv(undefined)).toEqual([]);
  });

  it("puts the app's own entries first and marks those equal to the daemon's environment as inherited", () => {
    const shell = parseEnviron('PATH=/usr/bin\0HOME=/root\0NOTION_TOKEN=same\0EQ=a=b\0');
    expect(shell.get('EQ')).toBe('a=b');
    expect(maskEnv({ PATH: '/usr/bin', PORT: '3001', HOME: '/home/other', NOTION_TOKEN: 'same' }, shell)).toEqual([
      { key: 'HOME', value: '/home/other', masked: false, inherited: false },
      { key: 'PORT', value: '3001', masked: false, inherited: false },
      { key: 'NOTION_TOKEN', value: MASK, masked: true, inherited: true },
      { key: 'PATH', value: '/usr/bin', masked: false, inherited: true },
    ]);
  });

  it('scrubs secret values out of a text, longest first', () => {
    const secrets = secretValues({ NOTION_TOKEN: 'ntn_abcdef', LONG_SECRET: 'ntn_abcdef_more', PORT: '300100', SHORT_KEY: 'x' });
    expect(secrets).toEqual(['ntn_abcdef_more', 'ntn_abcdef']);
    expect(scrubSecrets('token ntn_abcdef and ntn_abcdef_more at 300100', secrets)).toBe(`token ${MASK} and ${MASK} at 300100`);
    expect(scrubSecrets('nothing here', [])).toBe('nothing here');
  });
});
