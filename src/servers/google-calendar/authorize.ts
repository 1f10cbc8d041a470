// `npm run auth:google`: the one-time OAuth consent that stores a refresh token for the Calendar server.
// Needs the OAuth client (type "Desktop app"): GOOGLE_CLIENT_ID + GOOGLE_CLIENT_SECRET (from the env file, as the
// server reads them, or the environment), or the JSON file Google
// Cloud Console downloads, in GOOGLE_OAUTH_CLIENT_FILE. Writes GOOGLE_TOKEN_FILE (default
// ~/.config/gakuco-monit/google-token.json) with mode 0600.
import { readFileSync } from 'node:fs';
import { runAuthorizeFlow } from './authorize-flow.js';
import { CALENDAR_ENV, DEFAULT_TOKEN_FILE } from './config.js';
import { loadServiceEnv, restartCommand } from '../shared/env-file.js';

interface ClientFile {
  installed?: { client_id?: string; client_secret?: string };
  web?: { client_id?: string; client_secret?: string };
}

function clientFromEnv(env: NodeJS.ProcessEnv, envFile: string): { clientId: string; clientSecret: string } {
  let clientId = env.GOOGLE_CLIENT_ID?.trim();
  let clientSecret = env.GOOGLE_CLIENT_SECRET?.trim();
  const file = env.GOOGLE_OAUTH_CLIENT_FILE?.trim();
  if (file && (!clientId || !clientSecret)) {
    let parsed: ClientFile;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8')) as ClientFile;
    } catch {
      throw new Error(`GOOGLE_OAUTH_CLIENT_FILE (${file}) cannot be read as the JSON Google Cloud Console downloads`);
    }
    const entry = parsed.installed ?? parsed.web;
    clientId ||= entry?.client_id;
    clientSecret ||= entry?.client_secret;
  }
  if (!clientId || !clientSecret) {
    throw new Error(
      `Set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET in the env file ${envFile} (chmod 600)` + ' (an OAuth client of type "Desktop app" from Google Cloud Console, Calendar API enabled), or GOOGLE_OAUTH_CLIENT_FILE to its downloaded JSON, then run `npm run auth:google` again.',
    );
  }
  return { clientId, clientSecret };
}

try {
  const loaded = loadServiceEnv(CALENDAR_ENV, process.env);
  if (!loaded.ok) throw new Error(loaded.message);
  const { env } = loaded;
  const { clientId, clientSecret } = clientFromEnv(env, loaded.file);
  const result = await runAuthorizeFlow({
    clientId,
    clientSecret,
    tokenFile: env.GOOGLE_TOKEN_FILE?.trim() || DEFAULT_TOKEN_FILE,
    ...(env.GOOGLE_OAUTH_AUTH_URL ? { authBaseUrl: env.GOOGLE_OAUTH_AUTH_URL } : {}),
    ...(env.GOOGLE_OAUTH_TOKEN_URL ? { tokenUrl: env.GOOGLE_OAUTH_TOKEN_URL } : {}),
    print: (line) => console.log(line),
  });
  console.log(`Saved the refresh token to ${result.tokenFile} (mode 0600).`);
  console.log(`リフレッシュトークンを ${result.tokenFile} に保存しました (権限 0600)。`);
  console.log(`Restart the server to use it: ${restartCommand('google-calendar-mcp')}`);
  process.exit(0);
} catch (err) {
  console.error(`auth:google failed: ${(err as Error).message}`);
  process.exit(1);
}
