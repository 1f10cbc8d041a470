// Secret masking: the only way an environment leaves the bridge. pm2_env.env carries the app's env and the whole
// environment of the shell that launched it, so every value whose name looks secret is replaced by a mask.
import type { EnvEntry } from './types.js';

export const MASK = '••••';

// Name fragments that mark a value as secret. Over-masking a harmless value costs little; a leak costs a lot.
const SECRET_NAME =
  /TOKEN|KEY|SECRET|PASSW|PASSPHRASE|CREDENTIAL|AUTH|PRIVATE|COOKIE|SESSION|SIGNATURE|SALT|CERT|DSN|CONNECTION_STRING|(^|_)PASS($|_)|_PWD($|_)|(^|_)SIG($|_)/i;
// A URL with a password in it (postgres://user:pw@host) is a secret whatever the variable is called.
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i;

/** True when a variable with this name should never be shown. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** True when `value` must be masked: a secret-looking name, or a value that embeds credentials. */
export function isSecretEntry(name: string, value: string): boolean {
  return isSecretName(name) || URL_WITH_PASSWORD.test(value);
}

/**
 * The env as the UI may show it, secret values replaced by MASK. Empty values stay visible (an empty token says
 * "not configured" and reveals nothing). Non-string values (pm2 stores nested config as JSON) are shown as JSON,
 * masked the same way. With `shellEnv` (the PM2 daemon's own environment), entries found there with the same value
 * are marked inherited and sorted after the app's own; otherwise all are sorted by name.
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
    const secret = value !== '' && isSecretEntry(key, value);
    const entry: EnvEntry = { key, value: secret ? MASK : value, masked: secret };
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

/** The secret values of an env worth looking for in text (long enough not to mask every "1" or "true"). */
export function secretValues(env: Record<string, unknown> | null | undefined): string[] {
  if (!env || typeof env !== 'object') return [];
  const values = new Set<string>();
  for (const [key, raw] of Object.entries(env)) {
    if (typeof raw === 'string' && raw.length >= 6 && isSecretEntry(key, raw)) values.add(raw);
  }
  // Longest first, so a secret that contains another is masked whole.
  return [...values].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of the given secret values in `text` (log lines or messages that echo one). */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(MASK);
  return out;
}
