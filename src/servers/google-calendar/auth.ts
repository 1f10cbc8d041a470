// The Google auth client for the configured credentials. Token requests get the same timeout as API calls, and
// tests (or a proxy) can move the token endpoint with GOOGLE_OAUTH_TOKEN_URL.
import type { CalendarConfig } from './config.js';
import type { GoogleCalendarModule } from './google-module.js';
import { boundedFetch } from '../shared/bounded-fetch.js';

export const CALENDAR_SCOPES = ['https://www.googleapis.com/auth/calendar'];
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

type Auth = GoogleCalendarModule['auth'];
export type CalendarAuthClient = InstanceType<Auth['OAuth2']> | InstanceType<Auth['JWT']>;

export function createAuthClient(config: CalendarConfig, { auth }: GoogleCalendarModule): CalendarAuthClient | null {
  const { credentials } = config;
  // Token answers are read with the same byte limit as API answers (shared/bounded-fetch.ts).
  const transporterOptions = { timeout: config.timeoutMs, fetchImplementation: boundedFetch(config.maxResponseBytes) };
  if (credentials.kind === 'oauth') {
    const client = new auth.OAuth2({
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      transporterOptions,
      ...(config.oauthTokenUrl ? { endpoints: { oauth2TokenUrl: config.oauthTokenUrl } } : {}),
    });
    client.setCredentials({ refresh_token: credentials.refreshToken });
    return client;
  }
  if (credentials.kind === 'service-account') {
    const client = new auth.JWT({
      keyFile: credentials.keyFile,
      scopes: CALENDAR_SCOPES,
      transporterOptions,
      ...(credentials.subject ? { subject: credentials.subject } : {}),
    });
    const tokenUrl = config.oauthTokenUrl;
    if (tokenUrl) {
      // The service-account token request (gtoken) has Google's address built in; move it on the way out.
      client.transporter.interceptors.request.add({
        resolved: async (options) => {
          if (String(options.url) === GOOGLE_TOKEN_URL) options.url = new URL(tokenUrl);
          return options;
        },
      });
    }
    return client;
  }
  return null;
}
