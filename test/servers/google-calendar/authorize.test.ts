// The OAuth loopback helper against the fake token endpoint: the consent URL, the redirect driven by a local
// HTTP request (as the browser would), the PKCE code exchange, the 0600 token file, and the server using it.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runAuthorizeFlow } from '../../../src/servers/google-calendar/authorize-flow.js';
import {
  FAKE_CLIENT_ID,
  FAKE_CLIENT_SECRET,
  startFakeCalendarApi,
  type FakeCalendarApi,
} from '../../fakes/google-calendar-api.js';
import { callJson, serveCalendar } from './harness.js';

let fake: FakeCalendarApi;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gcal-authorize-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  fake = await startFakeCalendarApi();
});
afterEach(async () => {
  await fake.close();
});

/** Resolves with the consent URL once the flow printed it. */
function consentUrlFrom(output: string[] | (() => string[])): Promise<URL> {
  const lines = (): string[] => (typeof output === 'function' ? output() : output);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = (): void => {
      const line = lines().find((l) => l.startsWith('http'));
      if (line) resolve(new URL(line));
      else if (Date.now() - started > 5000) reject(new Error(`no consent URL in: ${lines().join('\n')}`));
      else setTimeout(poll, 10);
    };
    poll();
  });
}

describe('runAuthorizeFlow', () => {
  it('prints the consent URL, takes the redirected code, stores the refresh token with mode 0600', async () => {
    fake.authCodes.set('code-123', '1//fresh-refresh-token');
    const tokenFile = join(dir, 'nested', 'google-token.json');
    const lines: string[] = [];
    const flow = runAuthorizeFlow({
      clientId: FAKE_CLIENT_ID,
      clientSecret: FAKE_CLIENT_SECRET,
      tokenFile,
      authBaseUrl: `${fake.rootUrl}o/oauth2/v2/auth`,
      tokenUrl: fake.tokenUrl,
      print: (line) => lines.push(line),
    });
    const consent = await consentUrlFrom(lines);
    const params = consent.searchParams;
    expect(consent.origin + consent.pathname).toBe(`${fake.rootUrl}o/oauth2/v2/auth`);
    expect(params.get('client_id')).toBe(FAKE_CLIENT_ID);
    expect(params.get('access_type')).toBe('offline');
    expect(params.get('scope')).toBe('https://www.googleapis.com/auth/calendar');
    expect(params.get('code_challenge_method')).toBe('S256');
    const redirect = new URL(params.get('redirect_uri')!);
    expect(redirect.hostname).toBe('127.0.0.1');

    // A foreign answer (wrong state) is refused and the flow keeps waiting.
    const forged = await fetch(`${redirect}?code=evil&state=wrong`);
    expect(forged.status).toBe(400);

    const answer = await fetch(`${redirect}?code=code-123&state=${params.get('state')}`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toMatch(/close this tab/);
    const result = await flow;
    expect(result.tokenFile).toBe(tokenFile);

    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(tokenFile, 'utf8'))).toMatchObject({
      refresh_token: '1//fresh-refresh-token',
      client_id: FAKE_CLIENT_ID,
      client_secret: FAKE_CLIENT_SECRET,
    });
    const exchange = fake.requestsTo('token')[0]!.body as Record<string, string>;
    expect(exchange).toMatchObject({ grant_type: 'authorization_code', code: 'code-123', redirect_uri: redirect.toString() });
    expect(exchange.code_verifier).toMatch(/^[\w~.-]{43,128}$/);
    for (const line of lines) expect(line).not.toContain(FAKE_CLIENT_SECRET);

    // The server configured with only that file works.
    const h = await serveCalendar({
      GOOGLE_TOKEN_FILE: tokenFile,
      GOOGLE_API_ROOT_URL: fake.rootUrl,
      GOOGLE_OAUTH_TOKEN_URL: fake.tokenUrl,
      GCAL_TIME_ZONE: 'UTC',
    });
    try {
      const calendars = await callJson<{ calendars: unknown[] }>(h.client, 'calendar_list_calendars');
      expect(calendars.calendars).toHaveLength(3);
      expect(fake.requestsTo('token')[1]!.body).toMatchObject({ grant_type: 'refresh_token', refresh_token: '1//fresh-refresh-token' });
    } finally {
      await h.close();
    }
  });

  it('fails cleanly when the user denies access, and when the code is refused', async () => {
    const lines: string[] = [];
    const denied = runAuthorizeFlow({
      clientId: FAKE_CLIENT_ID,
      clientSecret: FAKE_CLIENT_SECRET,
      tokenFile: join(dir, 'denied.json'),
      tokenUrl: fake.tokenUrl,
      print: (line) => lines.push(line),
    });
    const deniedError = denied.then(() => null, (err: Error) => err);
    const consent = await consentUrlFrom(lines);
    const redirect = consent.searchParams.get('redirect_uri')!;
    const state = consent.searchParams.get('state')!;
    await fetch(`${redirect}?error=access_denied&state=${state}`);
    expect((await deniedError)?.message).toMatch(/not granted \(access_denied\)/);

    const lines2: string[] = [];
    const refused = runAuthorizeFlow({
      clientId: FAKE_CLIENT_ID,
      clientSecret: FAKE_CLIENT_SECRET,
      tokenFile: join(dir, 'refused.json'),
      tokenUrl: fake.tokenUrl,
      print: (line) => lines2.push(line),
    });
    const refusedError = refused.then(() => null, (err: Error) => err);
    const consent2 = await consentUrlFrom(lines2);
    await fetch(`${consent2.searchParams.get('redirect_uri')}?code=unknown&state=${consent2.searchParams.get('state')}`);
    expect((await refusedError)?.message).toMatch(/token exchange failed: the token is invalid or expired \(invalid_grant\)/);
    expect(() => statSync(join(dir, 'refused.json'))).toThrow();
  });

  it('gives up when the browser never comes back', async () => {
    await expect(
      runAuthorizeFlow({
        clientId: FAKE_CLIENT_ID,
        clientSecret: FAKE_CLIENT_SECRET,
        tokenFile: join(dir, 'late.json'),
        tokenUrl: fake.tokenUrl,
        waitMs: 200,
        print: () => {},
      }),
    ).rejects.toThrow(/no answer from the browser within 0 s/);
  });
});

describe('auth:google command', () => {
  it('runs as a process: prints the URL, saves the token, exits 0; exits 1 with advice when unconfigured', async () => {
    // Bundled inside the project so that the external packages resolve from its node_modules.
    const outfile = join(process.cwd(), 'node_modules', '.cache', `gcal-authorize-${process.pid}.js`);
    await build({
      entryPoints: ['src/servers/google-calendar/authorize.ts'],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
    });
    try {
      fake.authCodes.set('cli-code', '1//cli-refresh');
      const tokenFile = join(dir, 'cli', 'token.json');
      const child = spawn(process.execPath, [outfile], {
        env: {
          PATH: process.env.PATH,
          HOME: dir,
          GOOGLE_CLIENT_ID: FAKE_CLIENT_ID,
          GOOGLE_CLIENT_SECRET: FAKE_CLIENT_SECRET,
          GOOGLE_TOKEN_FILE: tokenFile,
          GOOGLE_OAUTH_TOKEN_URL: fake.tokenUrl,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const consent = await consentUrlFrom(() => stdout.split('\n'));
      await fetch(`${consent.searchParams.get('redirect_uri')}?code=cli-code&state=${consent.searchParams.get('state')}`);
      expect(await exited).toBe(0);
      expect(stdout).toContain(`Saved the refresh token to ${tokenFile}`);
      expect(stdout).not.toContain(FAKE_CLIENT_SECRET);
      expect(statSync(tokenFile).mode & 0o777).toBe(0o600);

      const bare = spawn(process.execPath, [outfile], { env: { PATH: process.env.PATH, HOME: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      bare.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      expect(await new Promise((resolve) => bare.on('exit', resolve))).toBe(1);
      expect(stderr).toMatch(/Set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET/);
    } finally {
      rmSync(outfile, { force: true });
      rmSync(`${outfile}.map`, { force: true });
    }
  });
});
