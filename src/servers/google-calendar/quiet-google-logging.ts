// The Google client libraries print every request and response (access tokens included) to the console when
// GOOGLE_SDK_NODE_LOGGING is set, deciding when they are imported, before any of our code runs. Switching their
// log backend off makes them silent whatever the environment says: our stdout is the request log.
import { setBackend } from 'google-logging-utils';

export function silenceGoogleClientLogging(): void {
  setBackend(null);
}
