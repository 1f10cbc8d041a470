import { describe, expect, it } from 'vitest';
import {
  isSafeName,
  isSecretName,
  maskCredentials,
  maskEnv,
  MASK,
  mergeSecrets,
  parseEnviron,
  redactDiagnostic,
  redactText,
  secretValues,
} from '../../src/pm2-bridge/redact.js';

describe('secret masking: env', () => {
  it.each([
    'NOTION_TOKEN', 'MCP_API_KEY', 'GOOGLE_CLIENT_SECRET', 'DB_PASSWORD', 'GOOGLE_APPLICATION_CREDENTIALS',
    'AUTH_HEADER', 'PRIVATE_KEY_PEM', 'SESSION_COOKIE', 'api_key', 'DB_PASS', 'MYSQL_PWD', 'SENTRY_DSN', 'SSH_AUTH_SOCK',
    'GITHUB_PAT', 'SLACK_WEBHOOK_URL', 'STRIPE_SK',
  ])('treats the name %s as secret', (name) => {
    expect(isSecretName(name)).toBe(true);
    expect(isSafeName(name)).toBe(false);
  });

  it.each(['PORT', 'NODE_ENV', 'PATH', 'HOME', 'PWD', 'LANG', 'LC_ALL', 'TZ', 'HOST', 'PM2_HOME', 'SSL_CERT_FILE', 'NODE_EXTRA_CA_CERTS'])(
    'shows the value of %s (allowlisted)',
    (name) => {
      expect(isSafeName(name)).toBe(true);
    },
  );

  it('masks every value whose name is not allowlisted, whatever it is called; empty values stay visible', () => {
    expect(
      maskEnv({
        PORT: '3001',
        GITHUB_PAT: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
        STRIPE_SK: 'sk_live_abcdefghij1234567890',
        SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/xyz',
        APP_MODE: 'blue',
        EMPTY_TOKEN: '',
        NESTED: { a: 1 },
      }),
    ).toEqual([
      { key: 'APP_MODE', value: MASK, masked: true },
      { key: 'EMPTY_TOKEN', value: '', masked: false },
      { key: 'GITHUB_PAT', value: MASK, masked: true },
      { key: 'NESTED', value: MASK, masked: true },
      { key: 'PORT', value: '3001', masked: false },
      { key: 'SLACK_WEBHOOK_URL', value: MASK, masked: true },
      { key: 'STRIPE_SK', value: MASK, masked: true },
    ]);
    expect(maskEnv(undefined)).toEqual([]);
  });

  it('shows *CERT* paths (no secret) and still masks a credential inside an allowlisted value', () => {
    expect(maskEnv({ SSL_CERT_FILE: '/etc/ssl/cert.pem', NODE_OPTIONS: '--require x --password=hunter2' })).toEqual([
      { key: 'NODE_OPTIONS', value: `--require x --password=${MASK}`, masked: true },
      { key: 'SSL_CERT_FILE', value: '/etc/ssl/cert.pem', masked: false },
    ]);
  });

  it('shows paths of file and directory settings (TLS_CERT_PATH, LOG_DIR), never for a secret-looking name', () => {
    expect(maskEnv({ TLS_CERT_PATH: '/etc/tls/server.crt', LOG_DIR: './logs', TOKEN_FILE: '/run/secrets/t', API_CERT: 'MIIB...' })).toEqual([
      { key: 'API_CERT', value: MASK, masked: true },
      { key: 'LOG_DIR', value: './logs', masked: false },
      { key: 'TLS_CERT_PATH', value: '/etc/tls/server.crt', masked: false },
      { key: 'TOKEN_FILE', value: MASK, masked: true },
    ]);
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
});

describe('secret masking: text', () => {
  it.each([
    ['token ghp_abcdefghijklmnopqrstuvwxyz0123 x', 'ghp_abcdefghijklmnopqrstuvwxyz0123'],
    ['pat github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz', 'github_pat_11ABCDEFG'],
    ['slack xoxb-1234567890-abcdefghij', '1234567890-abcdefghij'],
    ['stripe sk_live_abcdefghij1234567890', 'abcdefghij1234567890'],
    ['aws AKIAIOSFODNN7EXAMPLE', 'IOSFODNN7EXAMPLE'],
    ['notion ntn_abcdefghijklmnopqrstuvwxyz0123456789AB', 'abcdefghijklmnopqrstuvwxyz0123456789AB'],
    ['db postgres://app:hunter2@db.local:5432/app', 'hunter2'],
    ['hook https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXX ok', 'T000/B000'],
    ['generic https://example.com/api/webhooks/123/abcdef', '123/abcdef'],
    ['node server.js --password=hunter2 --port 3000', 'hunter2'],
    ['node x --api-key abc123 y', 'abc123'],
    ['{"password":"hunter2","user":"bob"}', 'hunter2'],
    ['DB_PASS=s3cr3t-pass node app', 's3cr3t-pass'],
    ['Authorization: Bearer abcdefghijklmnop.qrs', 'abcdefghijklmnop'],
    ['GET /cb?code=1&access_token=zzzyyyxxx HTTP/1.1', 'zzzyyyxxx'],
    ['blob Zx9Qm2Lp8Vt4Rk7Ws1Yn6Hb3Jc5Fd0Ga9Ek2 end', 'Zx9Qm2Lp8Vt4Rk7Ws1Yn6Hb3Jc5Fd0Ga9Ek2'],
  ])('masks the credential in %j', (text, secret) => {
    const masked = maskCredentials(text);
    expect(masked).not.toContain(secret);
    expect(masked).toContain(MASK);
  });

  it('keeps the hint of the token kind', () => {
    expect(maskCredentials('ghp_abcdefghijklmnopqrstuvwxyz0123')).toBe(`ghp_${MASK}`);
    expect(maskCredentials('x sk_live_abcdefghij1234567890')).toBe(`x sk_live_${MASK}`);
    expect(maskCredentials('postgres://app:hunter2@db/app')).toBe(`postgres://app:${MASK}@db/app`);
  });

  it.each([
    '12:00:01 GET /api/users 200 15ms',
    'sha 3b28958a0f8e6c1d2b4a5e6f7a8b9c0d1e2f3a4b',
    'uuid 123e4567-e89b-12d3-a456-426614174000',
    'path /home/user/app/dist/servers/notion/index.js',
    'listening on http://127.0.0.1:3001/mcp',
    'author: bob',
    'カレンダー連携サーバー 起動',
  ])('leaves ordinary text alone: %j', (text) => {
    expect(maskCredentials(text)).toBe(text);
  });

  it('masks known secret values with the name of their variable, longest first', () => {
    const known = mergeSecrets([
      secretValues({ NOTION_TOKEN: 'tok-abcdef', LONG_SECRET: 'tok-abcdef_more', PORT: '300100', SHORT_KEY: 'x', MODE: 'production' }),
    ]);
    expect([...known]).toEqual([
      ['tok-abcdef_more', 'LONG_SECRET'],
      ['tok-abcdef', 'NOTION_TOKEN'],
    ]);
    expect(redactText('t tok-abcdef and tok-abcdef_more at 300100 production', known)).toBe(
      `t ${MASK}(NOTION_TOKEN) and ${MASK}(LONG_SECRET) at 300100 production`,
    );
    expect(redactText('DB_PASS=hunter2-db', new Map([['hunter2-db', 'DB_PASS']]))).toBe(`DB_PASS=${MASK}(DB_PASS)`);
  });

  it('redacts the params and the fix of a finding', () => {
    const d = redactDiagnostic(
      { code: 'port-conflict', severity: 'error', params: { name: 'a', pid: 7, command: 'node squat.js --password=hunter2' }, fix: null },
      new Map(),
    );
    expect(d.params.command).toBe(`node squat.js --password=${MASK}`);
    expect(d.params.pid).toBe(7);
  });
});

describe('secret masking: text of hostile shapes', () => {
  it('masks a setting whose name is the tail of a long run (`a-b-…-api-token=`)', () => {
    expect(redactText(`${'token-'.repeat(1365)}=s3cretvalue`)).toMatch(/-token-=••••$/);
    expect(redactText('--some-long-option-api-token=abcdef')).toBe('--some-long-option-api-token=••••');
    expect(redactText('export MY_DB_PASSWORD=hunter22')).toBe('export MY_DB_PASSWORD=••••');
  });

  it('leaves a long run of secret words without a value as it is', () => {
    const line = 'token-'.repeat(1365);
    expect(redactText(line)).toBe(line);
  });
});

describe('secret masking: this repo\'s server settings', () => {
  it('knows every setting the MCP servers read: shown when safe, masked when secret, never by luck', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const files = (await readdir('src/servers', { recursive: true })).filter((f) => f.endsWith('.ts'));
    const names = new Set<string>();
    for (const file of files) {
      for (const match of (await readFile(`src/servers/${file}`, 'utf8')).matchAll(/'((?:MCP|NOTION|GCAL)_[A-Z_]+)'/g)) names.add(match[1]!);
    }
    expect(names.size).toBeGreaterThan(10);
    const unknown = [...names].filter((name) => !isSecretName(name) && !isSafeName(name) && !/_FILE$/.test(name));
    expect(unknown, 'settings neither allowlisted nor secret-named (add them to SAFE_NAMES in redact.ts)').toEqual([]);
  });
});
