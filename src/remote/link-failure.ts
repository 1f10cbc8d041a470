import type { HostLinkState } from '../pm2-bridge/types.js';

/** What ssh said last, without its banner noise: the last non-empty line, cut to a bound. */
export function lastWords(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('@'));
  return (lines[lines.length - 1] ?? '').slice(0, 200);
}

/**
 * Why an ssh link ended, from ssh's exit code and what it wrote on stderr: the host key (BatchMode refuses an
 * unknown or changed key instead of asking), the login, the remote command missing (exit 127 from the remote
 * shell, or npx refusing to install), else lost (network, sshd gone, the remote ended).
 */
export function linkFailure(
  exit: { code: number | null; stderr: string; gotHello: boolean },
  context: { command: string; attempt: number; retryAt: number },
): HostLinkState {
  const { stderr } = exit;
  const { retryAt } = context;
  if (!exit.gotHello) {
    if (/Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|No .* host key is known/i.test(stderr)) return { kind: 'host-key-refused', retryAt };
    if (/Permission denied \(/i.test(stderr)) return { kind: 'auth-refused', retryAt };
    if (exit.code === 127 || /command not found|npx canceled due to missing packages|could not determine executable to run|E404/i.test(stderr)) {
      return { kind: 'remote-missing', command: context.command, retryAt };
    }
  }
  return { kind: 'lost', detail: lastWords(stderr) || (exit.code === null ? '' : `exit ${exit.code}`), attempt: context.attempt, retryAt };
}
