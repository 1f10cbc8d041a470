// Secret masking, hidden by default rather than by luck. pm2_env.env carries the app's env and the whole
// environment of the shell that launched it: a value is shown only when its name is on an allowlist of names known
// to be harmless (PATH, NODE_ENV, PORT, HOST, LANG, TZ, pm2's own fields...), and masked otherwise. Independently,
// text that looks like a credential (token formats, URLs with a password or a webhook path, --password=… args,
// NAME=value pairs with a secret-looking name, long high-entropy strings) is masked wherever it appears: env values,
// port owners' command lines, log lines (live and history), findings, in every output mode, --json included.
import type { Diagnostic, EnvEntry, Service } from './types.js';

export const MASK = '••••';

// Names whose values are configuration, not credentials. Exact names, and a few families (locale, XDG dirs).
const SAFE_NAMES: ReadonlySet<string> = new Set([
  'PATH', 'NODE_ENV', 'PORT', 'HOST', 'HOSTNAME', 'LANG', 'LANGUAGE', 'TZ', 'HOME', 'USER', 'LOGNAME', 'SHELL',
  'PWD', 'OLDPWD', 'TERM', 'COLORTERM', 'TERM_PROGRAM', 'SHLVL', 'TMPDIR', 'TMP', 'TEMP', 'EDITOR', 'PAGER', 'MAIL',
  'DISPLAY', 'NODE_OPTIONS', 'NODE_PATH', 'NODE_VERSION', 'NODE_APP_INSTANCE', 'NODE_EXTRA_CA_CERTS',
  'NODE_TLS_REJECT_UNAUTHORIZED', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'LOG_LEVEL', 'LOG_FORMAT', 'DEBUG', 'NO_COLOR',
  'FORCE_COLOR', 'CI', 'INIT_CWD', 'SUDO_USER', 'SUDO_UID', 'SUDO_GID', 'SUDO_COMMAND', 'MOTD_SHOWN', 'LS_COLORS',
  // pm2's own fields and settings (PM2_PUBLIC_KEY / PM2_SECRET_KEY are not here: they link to pm2.io).
  'PM2_HOME', 'PM2_USAGE', 'PM2_JSON_PROCESSING', 'PM2_INTERACTOR_PROCESSING', 'PM2_PROGRAMMATIC',
  'PM2_DISCRETE_MODE', 'PM2_SILENT', 'PM2_NO_INTERACTION', 'PM2_WORKER_INTERVAL', 'PM2_KILL_TIMEOUT', 'unique_id',
  'name', 'namespace', 'pm_id', 'status', 'instances', 'exec_mode', 'exec_interpreter', 'pm_cwd', 'pm_exec_path',
  'pm_out_log_path', 'pm_err_log_path', 'pm_pid_path', 'node_args', 'merge_logs', 'vizion_running', 'km_link',
  // this repo's MCP servers (ecosystem.config.js, servers/*/config.ts): host, ports, log directory, limits, retries.
  'MCP_HOST', 'MCP_LOG_DIR', 'MCP_ENV_FILE', 'NOTION_MCP_PORT', 'GCAL_MCP_PORT', 'GCAL_TIME_ZONE', 'MCP_RATE_BURST',
  'MCP_RATE_LIMIT', 'NOTION_MAX_RETRIES', 'NOTION_MAX_RETRY_DELAY_MS', 'NOTION_RETRY_DELAY_MS', 'NOTION_TIMEOUT_MS',
  'NOTION_VERSION', 'NOTION_BASE_URL', 'NOTION_ENV', 'NOTION_SERVICE_NAME', 'NOTION_SERVICE_VERSION', 'GCAL_MAX_RETRIES',
  'GCAL_MAX_RETRY_WAIT_MS', 'GCAL_RETRY_BASE_MS', 'GCAL_TIMEOUT_MS', 'MCP_ALLOWED_HOSTS', 'MCP_ENABLED_TOOLS',
  'MCP_INSTANCES', 'MCP_MAX_SESSIONS', 'MCP_READ_ONLY', 'MCP_SESSION_IDLE_MINUTES', 'MCP_UPSTREAM_MAX_BYTES',
  'MCP_SUBSCRIPTION_POLL_S',
]);
const SAFE_FAMILY = /^(?:LC_[A-Z]+|XDG_[A-Z_]+_(?:DIR|HOME|DIRS|PATH)|XDG_(?:SESSION_[A-Z]+|RUNTIME_DIR))$/;

// Name fragments that mark a value as secret even when it does not look like one; such values are also searched
// for (and masked) in log lines, command lines and findings.
const SECRET_NAME =
  /TOKEN|KEY|SECRET|PASSW|PASSPHRASE|CREDENTIAL|AUTH|PRIVATE|COOKIE|SESSION|SIGNATURE|SALT|DSN|CONNECTION_STRING|WEBHOOK|(^|_)PASS($|_)|_PWD($|_)|(^|_)SIG($|_)|(^|_)PAT($|_)|(^|_)SK($|_)|(^|_)OTP($|_)/i;

/** True when the value of a variable with this name may be shown (still searched for credential-like text). */
export function isSafeName(name: string): boolean {
  return (SAFE_NAMES.has(name) || SAFE_FAMILY.test(name)) && !SECRET_NAME.test(name);
}

const PATH_NAME = /(?:_FILE|_PATH|_DIR|_DIRS|_CERT|_CERTS|_CA)$/;
const PATH_VALUE = /^(?:~|\.{0,2})\/[^\s:;]*$/;

/**
 * A setting that names a file or directory (SSL_CERT_FILE, TLS_CERT_PATH, LOG_DIR) with a path for value: the path
 * is shown, the file it names is not read. Names that look secret are never shown, even with a path.
 */
export function isPathSetting(name: string, value: string): boolean {
  return PATH_NAME.test(name) && PATH_VALUE.test(value) && !SECRET_NAME.test(name);
}

/** True when a variable with this name looks secret: its value is also masked wherever it appears in text. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

// ---- credential-looking text ----

// Known token formats; the mask keeps the prefix (which kind of token), never the rest.
const TOKEN_SOURCE = String.raw`(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|xox[abposre]-[A-Za-z0-9-]{10,}|(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}|(?:AKIA|ASIA)[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{35}|ya29\.[0-9A-Za-z_-]{20,}|(?:ntn|secret)_[A-Za-z0-9]{30,}|sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}|glpat-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{36}|eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}`;
const TOKEN_PREFIX = /^(?:github_pat_|(?:sk|rk)_(?:live|test)_|[a-z]{2,6}_|xox[a-z]-|AKIA|ASIA|AIza|ya29\.|sk-(?:proj-|ant-)?|glpat-|eyJ)/;

const TOKEN_HINT = /gh[pousr]_|github_pat_|xox[a-z]-|_live_|_test_|AKIA|ASIA|AIza|ya29\.|ntn_|secret_|sk-|glpat-|npm_|eyJ/;
const SECRET_QUERY = /[?&](?:access_token|token|api_key|apikey|key|sig|signature|secret|password|auth)=/;
// On the lower-case text: one regex without the i flag is the cheapest test of them all.
const SECRET_WORDS = /pass|pwd|token|secret|key|auth|cred|hook|bearer|basic/;
const hasSecretWord = (_: string, lower: string): boolean => SECRET_WORDS.test(lower);

/** True when `text` has a run of at least `length` characters of [A-Za-z0-9_+=-] (a regex for it backtracks). */
function hasRun(text: string, length: number): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const inRun = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 43 || c === 61 || c === 45;
    run = inRun ? run + 1 : 0;
    if (run >= length) return true;
  }
  return false;
}
// Bounded on both sides of the word: an unbounded run backtracks quadratically on text like `a-a-a-…-key`.
const SECRET_KEYWORD = String.raw`(?:pass(?:word|wd|phrase)?|pwd|token|secret|api[-_]?key|apikey|access[-_]?key|private[-_]?key|auth(?![a-z])|credentials?|webhook)`;
const SECRET_WORD = String.raw`[A-Za-z0-9_.-]{0,32}${SECRET_KEYWORD}[A-Za-z0-9_.-]{0,32}`;

/** Bits per character of `text` (Shannon entropy of its characters). */
export function entropyBits(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** A long run that is random, not a word, a path piece, a hex hash or a UUID. */
export function looksRandom(text: string): boolean {
  if (text.length < 32 || /^[0-9a-f-]+$/i.test(text)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(text)).length;
  return classes >= 2 && entropyBits(text) >= 4.2;
}

interface Rule {
  /**
   * A cheap test on the text and its lower-case form: text that fails it cannot match `pattern` (most log lines skip
   * every rule for a few includes()).
   */
  maybe: (text: string, lower: string) => boolean;
  pattern: RegExp;
  mask: (match: string, ...groups: string[]) => string;
}

/** `kept` + mask, unless the value is a mask already (a known secret replaced before, with its hint). */
const keepMasked =
  (end = '') =>
  (match: string, kept: string, value: string): string =>
    value.replace(/^["']/, '').startsWith(MASK) ? match : `${kept}${MASK}${end}`;

// Each rule keeps what says what it was (the scheme and user, the flag, the name) and masks the value.
const RULES: readonly Rule[] = [
  // scheme://user:password@host: the password only
  { maybe: (text) => text.includes('@') && text.includes('://'), pattern: /(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@"'<>]*:)([^/\s@"'<>]+)@/gi, mask: keepMasked('@') },
  // webhook URLs: everything after the webhook path
  {
    maybe: hasSecretWord,
    pattern:
      /(\bhttps?:\/\/(?:hooks\.slack\.com\/(?:services|workflows|triggers)\/|(?:discord|discordapp)\.com\/api\/webhooks\/|[^\s/"'<>]{1,255}\/(?:[^\s?#"'<>]{0,255}\/)?webhooks?\/))([^\s"'<>]+)/gi,
    mask: keepMasked(),
  },
  // ?token=… &api_key=… in a URL
  {
    maybe: (text, lower) => text.includes('=') && SECRET_QUERY.test(lower),
    pattern: /([?&](?:access_token|token|api_key|apikey|key|sig|signature|secret|password|auth)=)([^&\s"'<>#]+)/gi,
    mask: keepMasked(),
  },
  // Authorization: Bearer …
  { maybe: hasSecretWord, pattern: /(\b(?:Bearer|Basic|token)\s+)([A-Za-z0-9._~+/-]{8,}=*)/gi, mask: keepMasked() },
  // --password=…, --api-key …, -token=…
  { maybe: hasSecretWord, pattern: new RegExp(String.raw`((?:^|\s)--?${SECRET_WORD}(?:=|\s+))("[^"]*"|'[^']*'|[^\s"']+)`, 'gi'), mask: keepMasked() },
  // "password": "…" in JSON logs
  { maybe: hasSecretWord, pattern: new RegExp(String.raw`("${SECRET_WORD}"\s*:\s*")([^"]+)"`, 'gi'), mask: keepMasked('"') },
  // DB_PASS=… or password: … in text and command lines
  {
    maybe: hasSecretWord,
    // Tried where a run of name characters starts, or right after a separator inside one with the word itself
    // (`…-api-token=`): from every position inside a run (`token-token-…`) the bounded prefix and suffix would be
    // retried, ~14 ms for one 8 KiB line; this way it is linear.
    pattern: new RegExp(String.raw`((?:(?<![A-Za-z0-9_.-])[A-Za-z0-9_.-]{0,32}|(?<=[_.-]))${SECRET_KEYWORD}[A-Za-z0-9_.-]{0,32}(?:=|:[ \t]*))(?!(?:Bearer|Basic|token)\s)("[^"\s]+"|'[^'\s]+'|[^\s,;&"'<>]+)`, 'gi'),
    mask: keepMasked(),
  },
  // known token formats: the prefix says which kind, the rest is masked
  { maybe: (text) => TOKEN_HINT.test(text), pattern: new RegExp(TOKEN_SOURCE, 'g'), mask: (match) => `${TOKEN_PREFIX.exec(match)?.[0] ?? ''}${MASK}` },
  // anything long and random enough to be a key
  {
    maybe: (text) => hasRun(text, 32),
    pattern: /(?<![A-Za-z0-9_+=-])[A-Za-z0-9_+=-]{32,}(?![A-Za-z0-9_+=-])/g,
    mask: (match) => (looksRandom(match) ? MASK : match),
  },
];

/** True when the text holds something that looks like a credential (a token, a URL password, a key...). */
export function looksLikeCredential(text: string): boolean {
  return maskCredentials(text) !== text;
}

/** `text` with every credential-looking part masked (see RULES); the rest is kept as it is. */
export function maskCredentials(text: string): string {
  const lower = text.toLowerCase();
  let out = text;
  let words: boolean | undefined; // hasSecretWord gates five rules: tested once
  for (const rule of RULES) {
    const maybe = rule.maybe === hasSecretWord ? (words ??= hasSecretWord(out, lower)) : rule.maybe(out, lower);
    if (maybe) out = out.replace(rule.pattern, rule.mask);
  }
  return out;
}

// ---- known secret values ----

/** The secret values of one environment, by value, each with the name it came from (the mask's hint). */
export type KnownSecrets = ReadonlyMap<string, string>;

/**
 * The values of an env worth looking for in text: those of secret-looking names, and values that look like
 * credentials whatever their name. Short values (under 6 characters) are left out: masking every "1" or "true" in a
 * log would hide the log, and such a value is no secret worth the name.
 */
export function secretValues(env: Record<string, unknown> | null | undefined): Map<string, string> {
  const found = new Map<string, string>();
  if (!env || typeof env !== 'object') return found;
  for (const [key, raw] of Object.entries(env)) {
    if (typeof raw !== 'string' || raw.length < 6 || isSafeName(key) || isPathSetting(key, raw)) continue;
    if (isSecretName(key) || looksLikeCredential(raw)) found.set(raw, key);
  }
  return found;
}

/** Merges several sets of known secrets into one, longest value first (a secret containing another is masked whole). */
export function mergeSecrets(sets: Iterable<KnownSecrets>): KnownSecrets {
  const all = new Map<string, string>();
  for (const set of sets) for (const [value, name] of set) if (!all.has(value)) all.set(value, name);
  return new Map([...all].sort((a, b) => b[0].length - a[0].length));
}

/** The mask for a known value: says which variable it was, never what it held. */
export function namedMask(name: string): string {
  return `${MASK}(${name})`;
}

/**
 * Text that may echo a secret (a log line, a command line, a finding): every known secret value replaced by a mask
 * naming its variable, then every credential-looking part masked.
 */
export function redactText(text: string, known: KnownSecrets = new Map()): string {
  let out = text;
  for (const [value, name] of known) if (out.includes(value)) out = out.split(value).join(namedMask(name));
  return maskCredentials(out);
}

// ---- env ----

/**
 * The env as the UI may show it: values of allowlisted names (still searched for credential-looking text), every
 * other value replaced by MASK. Empty values stay visible (an empty token says "not configured" and reveals
 * nothing). Non-string values (pm2 stores nested config as JSON) are shown as JSON, masked the same way. With
 * `shellEnv` (the PM2 daemon's own environment), entries found there with the same value are marked inherited and
 * sorted after the app's own; otherwise all are sorted by name.
 */
export function maskEnv(
  env: Record<string, unknown> | null | undefined,
  shellEnv?: ReadonlyMap<string, string>,
): EnvEntry[] {
  if (!env || typeof env !== 'object') return [];
  const own: EnvEntry[] = [];
  const inherited: EnvEntry[] = [];
  for (const key of Object.keys(env).sort()) {
    const raw = env[key];
    const value = typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : JSON.stringify(raw);
    let shown = value;
    let masked = false;
    if (value !== '') {
      shown = isSafeName(key) || isPathSetting(key, value) ? maskCredentials(value) : MASK;
      masked = shown !== value;
    }
    const entry: EnvEntry = { key, value: shown, masked };
    if (shellEnv?.get(key) === value) inherited.push({ ...entry, inherited: true });
    else own.push(shellEnv ? { ...entry, inherited: false } : entry);
  }
  return [...own, ...inherited];
}

/** Parses /proc/PID/environ (NUL-separated NAME=value). */
export function parseEnviron(text: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const pair of text.split('\0')) {
    const eq = pair.indexOf('=');
    if (eq > 0) env.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return env;
}

// ---- findings ----

/** A finding with its params and fix redacted (they quote command lines, log excerpts, env names). */
export function redactDiagnostic(diagnostic: Diagnostic, known: KnownSecrets): Diagnostic {
  const params: Diagnostic['params'] = {};
  for (const [key, value] of Object.entries(diagnostic.params)) params[key] = typeof value === 'string' ? redactText(value, known) : value;
  return { ...diagnostic, params, fix: diagnostic.fix === null ? null : redactText(diagnostic.fix, known) };
}

/** A service with its findings and its port owner's command line redacted (the env is masked by maskEnv already). */
export function redactFindings(service: Service, known: KnownSecrets): Service {
  const check = service.portCheck;
  const conflict = check?.conflict;
  return {
    ...service,
    portCheck: check && conflict ? { ...check, conflict: { ...conflict, command: redactText(conflict.command, known) } } : check,
    diagnostics: service.diagnostics.map((d) => redactDiagnostic(d, known)),
  };
}
