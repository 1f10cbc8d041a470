// The one-time OAuth "loopback" flow for a Desktop-app OAuth client: listen on 127.0.0.1 (random port), show
// the consent URL, receive the code on the redirect, exchange it (with PKCE) for a refresh token and store it
// with mode 0600. The server later reads that file (GOOGLE_TOKEN_FILE).
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { CALENDAR_SCOPES } from './auth.js';
import { classifyUpstreamError, describeFailure } from './errors.js';
import { loadGoogleCalendar, type GoogleCalendarModule } from './google-module.js';

export interface AuthorizeOptions {
  clientId: string;
  clientSecret: string;
  tokenFile: string;
  /** Consent page base (tests: a fake). Default Google's. */
  authBaseUrl?: string;
  /** Token endpoint (tests: a fake). Default Google's. */
  tokenUrl?: string;
  /** How long to wait for the browser to come back. Default 5 minutes. */
  waitMs?: number;
  /** Where the instructions go (the consent URL first). */
  print: (line: string) => void;
}

export interface AuthorizeResult {
  tokenFile: string;
  scope?: string;
}

const CALLBACK_PATH = '/oauth2callback';

type AuthUrlOptions = NonNullable<Parameters<InstanceType<GoogleCalendarModule['auth']['OAuth2']>['generateAuthUrl']>[0]>;
// The library types this as its own enum, which is not exported through @googleapis/calendar.
const S256 = 'S256' as NonNullable<AuthUrlOptions['code_challenge_method']>;

function page(res: ServerResponse, status: number, text: string): void {
  res
    .writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
    .end(`<!doctype html><meta charset="utf-8"><title>gakuco-monit</title><p>${text}</p>`);
}

/** Writes the token file readable only by its owner (also when it existed before with wider rights). */
export function writeTokenFile(path: string, content: object): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

export async function runAuthorizeFlow(options: AuthorizeOptions): Promise<AuthorizeResult> {
  const state = randomBytes(16).toString('base64url');
  let settle: { resolve: (code: string) => void; reject: (err: Error) => void } | undefined;
  const codeArrived = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // An answer may arrive before the flow waits for it; the rejection is read later by Promise.race.
  codeArrived.catch(() => {});

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== CALLBACK_PATH) {
      page(res, 404, 'Not found.');
      return;
    }
    if (url.searchParams.get('state') !== state) {
      page(res, 400, 'This answer does not belong to the running authorization (state mismatch). Start it again.');
      return;
    }
    const error = url.searchParams.get('error');
    if (error) {
      page(res, 400, `Authorization was not granted (${error.replace(/[^\w.-]/g, '')}). You can close this tab.`);
      settle?.reject(new Error(`authorization was not granted (${error})`));
      return;
    }
    const code = url.searchParams.get('code');
    if (!code) {
      page(res, 400, 'No authorization code in the answer.');
      return;
    }
    page(res, 200, 'gakuco-monit is authorized for Google Calendar. You can close this tab. / 認可が完了しました。このタブを閉じてください。');
    settle?.resolve(code);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const redirectUri = `http://127.0.0.1:${port}${CALLBACK_PATH}`;

  const { auth } = await loadGoogleCalendar();
  const client = new auth.OAuth2({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    redirectUri,
    endpoints: {
      ...(options.authBaseUrl ? { oauth2AuthBaseUrl: options.authBaseUrl } : {}),
      ...(options.tokenUrl ? { oauth2TokenUrl: options.tokenUrl } : {}),
    },
    transporterOptions: { timeout: 30_000 },
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
    const consentUrl = client.generateAuthUrl({
      access_type: 'offline',
      // Without a fresh consent Google sends no refresh token to an app it authorized before.
      prompt: 'consent',
      scope: CALENDAR_SCOPES,
      state,
      ...(codeChallenge ? { code_challenge: codeChallenge, code_challenge_method: S256 } : {}),
    });
    options.print('Open this URL in a browser on this machine and allow access to Google Calendar:');
    options.print('このURLをこのマシンのブラウザで開き、Google カレンダーへのアクセスを許可してください:');
    options.print('');
    options.print(consentUrl);
    options.print('');
    options.print(`Waiting for the answer on ${redirectUri} ...`);

    const waitMs = options.waitMs ?? 5 * 60_000;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from the browser within ${Math.round(waitMs / 1000)} s`)), waitMs);
    });
    const code = await Promise.race([codeArrived, timeout]);
    let tokens;
    try {
      ({ tokens } = await client.getToken({ code, ...(codeVerifier ? { codeVerifier } : {}) }));
    } catch (err) {
      throw new Error(describeFailure(classifyUpstreamError(err), 'token exchange'));
    }
    if (!tokens.refresh_token) {
      throw new Error(
        'Google sent no refresh token. Remove the app at https://myaccount.google.com/permissions and run `npm run auth:google` again.',
      );
    }
    writeTokenFile(options.tokenFile, {
      refresh_token: tokens.refresh_token,
      client_id: options.clientId,
      client_secret: options.clientSecret,
      ...(tokens.scope ? { scope: tokens.scope } : {}),
      created_at: new Date().toISOString(),
    });
    return { tokenFile: options.tokenFile, ...(tokens.scope ? { scope: tokens.scope } : {}) };
  } finally {
    clearTimeout(timer);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
