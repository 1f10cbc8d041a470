// @googleapis/calendar is loaded after the server listens (when credentials are set) or on the first upstream call,
// never at start: the server gets ready sooner, and one without credentials does not carry the client's memory. A dynamic import of the
// package itself, because esbuild hoists the static imports of bundled modules to the top of the bundle.
export type GoogleCalendarModule = typeof import('@googleapis/calendar');

let loading: Promise<GoogleCalendarModule> | undefined;

export function loadGoogleCalendar(): Promise<GoogleCalendarModule> {
  // With this set, the Google libraries print every request and response, tokens included, to the console; they
  // read it once as they load. Our stdout is the request log and never carries a secret.
  delete process.env.GOOGLE_SDK_NODE_LOGGING;
  loading ??= import('@googleapis/calendar');
  return loading;
}
