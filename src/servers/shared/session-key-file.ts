// The secret behind session ids when no MCP_API_KEY is configured: 32 random bytes in a file only the owner may
// read (created 0600 on first use; every process and cluster worker of the same user reads the same file). A file
// that others can read is not used: sessions then last only as long as the process, with a warning.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export function defaultSessionKeyFile(env: NodeJS.ProcessEnv): string {
  return env.MCP_SESSION_KEY_FILE?.trim() || join(homedir(), '.config', 'gakuco-monit', 'session.key');
}

export type SessionKeyFileResult = { ok: true; secret: Buffer } | { ok: false; message: string };

export function readOrCreateSessionKeyFile(path: string): SessionKeyFileResult {
  try {
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      writeFileSync(path, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const mode = statSync(path).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      return {
        ok: false,
        message: `the session key file ${path} can be read by others (mode ${mode.toString(8)}); run chmod 600 ${path}`,
      };
    }
    const secret = Buffer.from(readFileSync(path, 'utf8').trim(), 'utf8');
    if (secret.length < 32) return { ok: false, message: `the session key file ${path} is too short (delete it to get a new one)` };
    return { ok: true, secret };
  } catch (error) {
    return { ok: false, message: `cannot use the session key file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}` };
  }
}
