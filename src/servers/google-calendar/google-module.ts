// @googleapis/calendar is loaded after the server listens (when credentials are set) or on the first upstream call,
// never at start: the server gets ready sooner, and one without credentials does not carry the client's memory. A dynamic import of the
// package itself, because esbuild hoists the static imports of bundled modules to the top of the bundle.
export type GoogleCalendarModule = typeof import('@googleapis/calendar');

let loading: Promise<GoogleCalendarModule> | undefined;

export function loadGoogleCalendar(): Promise<GoogleCalendarModule> {
  // With this set, the Google libraries print every request and response, tokens included, to the console; they
  // read it once as they load. Our stdout is the request log and never carries a secret.
  delete process.env.GOOGLE_SDK_NODE_LOGGING;
  loading ??= import('@googleapis/calendar').then(packageExports);
  return loading;
}

/**
 * The package is CommonJS. Node's ESM loader gives its exports both as named bindings and as `default`; esbuild's
 * split chunk (what dist/ runs) gives only `default`. `default` is module.exports in both.
 */
function packageExports(namespace: GoogleCalendarModule): GoogleCalendarModule {
  const cjs = (namespace as { default?: GoogleCalendarModule }).default;
  const module = cjs !== undefined && typeof cjs.auth === 'object' ? cjs : namespace;
  if (typeof module.auth?.OAuth2 !== 'function' || typeof module.calendar !== 'function') {
    throw new TypeError('@googleapis/calendar loaded without auth.OAuth2 or calendar(): the bundle is broken');
  }
  return module;
}
