// The agent's config file (`gakuco-monit serve --config FILE`, JSON): where it listens, the built-in rules'
// settings and the receivers of alert notices. Pure: text in, a checked config or every problem found out.
import { DEFAULT_RULES, RULE_NAMES, type AlertSeverity, type RuleName, type RulesConfig } from './rules/rules-config.js';

export type ReceiverKind = 'webhook' | 'slack' | 'discord' | 'command';

export type Receiver =
  | { name: string; kind: 'webhook' | 'slack' | 'discord'; url: string; headers: Readonly<Record<string, string>> }
  /** argv run without a shell; the notice goes to its stdin as JSON. */
  | { name: string; kind: 'command'; command: readonly string[] };

export interface NotifySettings {
  /** One attempt's limit. */
  timeoutMs: number;
  /** Attempts after the first one fails. */
  retries: number;
  /** The first retry's delay; each next one doubles it. */
  backoffMs: number;
  /** Notices per receiver per minute; more are dropped (and counted). */
  perMinute: number;
  /** Notices waiting per receiver; beyond it the oldest is dropped. */
  queue: number;
}

export interface AgentConfig {
  host: string;
  port: number;
  /** Extra names the Host header may carry when exposed (a reverse proxy's name). */
  allowedHosts: readonly string[];
  /** A file holding the API key (chmod 600), so the key never passes through PM2's environment. */
  apiKeyFile: string | null;
  lang: 'ja' | 'en' | undefined;
  evaluateIntervalMs: number;
  rules: RulesConfig;
  receivers: readonly Receiver[];
  notify: NotifySettings;
}

export const DEFAULT_PORT = 9209;

export const DEFAULT_CONFIG: AgentConfig = {
  host: '127.0.0.1',
  port: DEFAULT_PORT,
  allowedHosts: [],
  apiKeyFile: null,
  lang: undefined,
  evaluateIntervalMs: 5000,
  rules: DEFAULT_RULES,
  receivers: [],
  notify: { timeoutMs: 5000, retries: 3, backoffMs: 1000, perMinute: 20, queue: 100 },
};

export type ConfigProblemCode = 'unreadable' | 'bad-json' | 'unknown-key' | 'wrong-type' | 'bad-value' | 'missing' | 'duplicate';

export interface ConfigProblem {
  /** Where in the file, as a dotted path (`rules.crash-loop.for`); '' for the file itself. */
  path: string;
  code: ConfigProblemCode;
  /** What was expected (a type, a range, a list of values); language-neutral. */
  expected: string;
}

export type ConfigResult = { ok: true; config: AgentConfig } | { ok: false; problems: ConfigProblem[] };

type Json = unknown;

/** "500ms", "30s", "5m", "1h", or a number of seconds. */
export function parseDuration(value: Json): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : null;
  if (typeof value !== 'string') return null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)\s*$/.exec(value);
  if (!match) return null;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] as 'ms' | 's' | 'm' | 'h'];
  return Math.round(Number(match[1]) * unit);
}

class Checker {
  readonly problems: ConfigProblem[] = [];

  problem(path: string, code: ConfigProblemCode, expected: string): void {
    this.problems.push({ path, code, expected });
  }

  object(value: Json, path: string, keys: readonly string[]): Record<string, Json> | null {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.problem(path, 'wrong-type', 'object');
      return null;
    }
    const record = value as Record<string, Json>;
    for (const key of Object.keys(record)) if (!keys.includes(key)) this.problem(join(path, key), 'unknown-key', keys.join(', '));
    return record;
  }

  integer(value: Json, path: string, min: number, max: number, fallback: number): number {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.problem(path, 'bad-value', `integer ${min}-${max}`);
      return fallback;
    }
    return value;
  }

  number(value: Json, path: string, min: number, max: number, fallback: number): number {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= min || value > max) {
      this.problem(path, 'bad-value', `number > ${min} and <= ${max}`);
      return fallback;
    }
    return value;
  }

  duration(value: Json, path: string, fallback: number, min = 0): number {
    if (value === undefined) return fallback;
    const ms = parseDuration(value);
    if (ms === null || ms < min) {
      this.problem(path, 'bad-value', `duration >= ${min} ms ("500ms", "30s", "5m", "1h" or seconds)`);
      return fallback;
    }
    return ms;
  }

  string(value: Json, path: string, required: boolean): string | null {
    if (value === undefined) {
      if (required) this.problem(path, 'missing', 'string');
      return null;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.problem(path, 'wrong-type', 'non-empty string');
      return null;
    }
    return value;
  }

  boolean(value: Json, path: string, fallback: boolean): boolean {
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') {
      this.problem(path, 'wrong-type', 'true or false');
      return fallback;
    }
    return value;
  }

  oneOf<T extends string>(value: Json, path: string, values: readonly T[], fallback: T): T {
    if (value === undefined) return fallback;
    if (typeof value !== 'string' || !values.includes(value as T)) {
      this.problem(path, 'bad-value', values.join(' | '));
      return fallback;
    }
    return value as T;
  }
}

function join(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

const RULE_EXTRA_KEYS: Record<RuleName, readonly string[]> = {
  'crash-loop': ['restarts', 'window'],
  errored: [],
  'port-down': [],
  'health-degraded': [],
  'memory-high': ['ratio'],
  'new-exception': ['window'],
  'daemon-gone': [],
};

function checkRules(c: Checker, value: Json): RulesConfig {
  if (value === undefined) return DEFAULT_RULES;
  const raw = c.object(value, 'rules', RULE_NAMES);
  if (!raw) return DEFAULT_RULES;
  const rules = { ...DEFAULT_RULES } as Record<RuleName, RulesConfig[RuleName]>;
  for (const name of RULE_NAMES) {
    if (raw[name] === undefined) continue;
    const path = join('rules', name);
    const entry = c.object(raw[name], path, ['enabled', 'for', 'severity', ...RULE_EXTRA_KEYS[name]]);
    if (!entry) continue;
    const base = DEFAULT_RULES[name];
    const settings = {
      ...base,
      enabled: c.boolean(entry.enabled, join(path, 'enabled'), base.enabled),
      forMs: c.duration(entry.for, join(path, 'for'), base.forMs),
      severity: c.oneOf<AlertSeverity>(entry.severity, join(path, 'severity'), ['critical', 'warning'], base.severity),
    };
    if ('restarts' in settings) settings.restarts = c.integer(entry.restarts, join(path, 'restarts'), 1, 1000, settings.restarts);
    if ('windowMs' in settings) settings.windowMs = c.duration(entry.window, join(path, 'window'), settings.windowMs, 1000);
    if ('ratio' in settings) settings.ratio = c.number(entry.ratio, join(path, 'ratio'), 0, 1, settings.ratio);
    rules[name] = settings;
  }
  return rules as RulesConfig;
}

function checkUrl(c: Checker, value: Json, path: string): string | null {
  const text = c.string(value, path, true);
  if (text === null) return null;
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return text;
  } catch {
    // reported below
  }
  // Never echo the value: a webhook URL is itself a credential.
  c.problem(path, 'bad-value', 'http:// or https:// URL');
  return null;
}

function checkReceivers(c: Checker, value: Json): Receiver[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    c.problem('receivers', 'wrong-type', 'array');
    return [];
  }
  const receivers: Receiver[] = [];
  const names = new Set<string>();
  value.forEach((item: Json, index) => {
    const path = join('receivers', index);
    const entry = c.object(item, path, ['name', 'type', 'url', 'headers', 'command']);
    if (!entry) return;
    const name = c.string(entry.name, join(path, 'name'), false) ?? `receiver-${index + 1}`;
    if (names.has(name)) c.problem(join(path, 'name'), 'duplicate', 'unique name');
    names.add(name);
    const kind = c.oneOf<ReceiverKind | ''>(entry.type, join(path, 'type'), ['webhook', 'slack', 'discord', 'command'], '');
    if (entry.type === undefined) c.problem(join(path, 'type'), 'missing', 'webhook | slack | discord | command');
    if (kind === 'command') {
      const command = entry.command;
      if (!Array.isArray(command) || command.length === 0 || !command.every((part) => typeof part === 'string' && part !== '')) {
        c.problem(join(path, 'command'), command === undefined ? 'missing' : 'wrong-type', 'array of strings (argv, no shell)');
        return;
      }
      receivers.push({ name, kind, command });
    } else if (kind !== '') {
      const url = checkUrl(c, entry.url, join(path, 'url'));
      const headers: Record<string, string> = {};
      if (entry.headers !== undefined) {
        const raw = c.object(entry.headers, join(path, 'headers'), Object.keys(entry.headers ?? {}));
        for (const [key, header] of Object.entries(raw ?? {})) {
          if (typeof header === 'string') headers[key] = header;
          else c.problem(join(join(path, 'headers'), key), 'wrong-type', 'string');
        }
      }
      if (url !== null) receivers.push({ name, kind, url, headers });
    }
  });
  return receivers;
}

function checkNotify(c: Checker, value: Json): NotifySettings {
  const base = DEFAULT_CONFIG.notify;
  if (value === undefined) return base;
  const raw = c.object(value, 'notify', ['timeout', 'retries', 'backoff', 'perMinute', 'queue']);
  if (!raw) return base;
  return {
    timeoutMs: c.duration(raw.timeout, 'notify.timeout', base.timeoutMs, 100),
    retries: c.integer(raw.retries, 'notify.retries', 0, 10, base.retries),
    backoffMs: c.duration(raw.backoff, 'notify.backoff', base.backoffMs, 10),
    perMinute: c.integer(raw.perMinute, 'notify.perMinute', 1, 10_000, base.perMinute),
    queue: c.integer(raw.queue, 'notify.queue', 1, 10_000, base.queue),
  };
}

/** Checks a config file's text; every problem is reported, not only the first. */
export function parseAgentConfig(text: string): ConfigResult {
  let json: Json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', code: 'bad-json', expected: error instanceof Error ? error.message : 'JSON' }] };
  }
  const c = new Checker();
  const raw = c.object(json, '', ['listen', 'lang', 'evaluateInterval', 'rules', 'receivers', 'notify']);
  if (!raw) return { ok: false, problems: c.problems };
  const listen = raw.listen === undefined ? {} : (c.object(raw.listen, 'listen', ['host', 'port', 'allowedHosts', 'apiKeyFile']) ?? {});
  const allowedHosts = listen.allowedHosts;
  if (allowedHosts !== undefined && (!Array.isArray(allowedHosts) || !allowedHosts.every((h) => typeof h === 'string'))) {
    c.problem('listen.allowedHosts', 'wrong-type', 'array of host names');
  }
  const config: AgentConfig = {
    host: c.string(listen.host, 'listen.host', false) ?? DEFAULT_CONFIG.host,
    port: c.integer(listen.port, 'listen.port', 1, 65535, DEFAULT_CONFIG.port),
    allowedHosts: Array.isArray(allowedHosts) ? allowedHosts.filter((h): h is string => typeof h === 'string') : [],
    apiKeyFile: c.string(listen.apiKeyFile, 'listen.apiKeyFile', false),
    lang: raw.lang === undefined ? undefined : c.oneOf<'ja' | 'en'>(raw.lang, 'lang', ['ja', 'en'], 'ja'),
    evaluateIntervalMs: c.duration(raw.evaluateInterval, 'evaluateInterval', DEFAULT_CONFIG.evaluateIntervalMs, 200),
    rules: checkRules(c, raw.rules),
    receivers: checkReceivers(c, raw.receivers),
    notify: checkNotify(c, raw.notify),
  };
  return c.problems.length > 0 ? { ok: false, problems: c.problems } : { ok: true, config };
}
