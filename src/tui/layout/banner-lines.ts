import type { Messages } from '../../i18n/messages.js';
import type { ConnectionState, Diagnostic, HostLink } from '../../pm2-bridge/types.js';
import { formatClockTime } from '../format/clock-time.js';

/**
 * The lines the banner shows for a connection state; none when connected. With no daemon it gives the command the
 * daemon-down finding worked out (`pm2 resurrect` when a saved list exists, `npx pm2` when pm2 is not on PATH).
 */
export interface BannerContext {
  /** The monitor keeps waiting (not `--once`). */
  live: boolean;
  /** Setup-wide findings: the daemon-down one holds the command to start PM2 again. */
  diagnostics: readonly Diagnostic[];
  /** How this setup calls pm2 (`pm2`, or `npx pm2` when it is not on PATH), for the fallback hint. */
  pm2: string;
}

export function bannerLines(connection: ConnectionState, messages: Messages, { live, diagnostics, pm2 }: BannerContext): string[] {
  const c = messages.connection;
  switch (connection.kind) {
    case 'connected':
      return [];
    case 'connecting':
      return [c.connecting(connection.home)];
    case 'no-daemon': {
      const fix = diagnostics.find((d) => d.code === 'daemon-down')?.fix ?? null;
      const hint = fix === null ? c.noDaemonHint(pm2) : c.noDaemonStart(fix);
      return [c.noDaemon(connection.home), live ? `${hint} ${c.waiting}` : hint];
    }
    case 'load-failed':
      return [
        c.loadFailed(messages.actionErrors[connection.reason.code](connection.reason.params)),
        `${connection.lastOkAt === null ? '' : c.lastOk(formatClockTime(connection.lastOkAt)) + ' / '}${c.keepsLast}`,
      ];
    case 'hosts':
      return connection.hosts.flatMap((link) => hostLinkLine(link, messages, pm2, live));
  }
}

/** One line for a host that is not fully up (its ssh link, or its own PM2); none for a host that is. */
function hostLinkLine({ host, state }: HostLink, messages: Messages, pm2: string, live: boolean): string[] {
  const h = messages.hosts;
  // --once tries each host once: no retry to announce.
  const retry = (retryAt: number) => (live ? h.retryAt(formatClockTime(retryAt)) : '');
  switch (state.kind) {
    case 'connecting':
      return [h.connecting(host)];
    case 'connected': {
      const daemon = bannerLines(state.daemon, messages, { live: false, diagnostics: [], pm2 })[0];
      return daemon === undefined ? [] : [h.daemon(host, daemon)];
    }
    case 'host-key-refused':
      return [h.hostKeyRefused(host) + retry(state.retryAt)];
    case 'auth-refused':
      return [h.authRefused(host) + retry(state.retryAt)];
    case 'remote-missing':
      return [h.remoteMissing(host, state.command) + retry(state.retryAt)];
    case 'incompatible':
      return [h.incompatible(host, state.version) + retry(state.retryAt)];
    case 'lost':
      return [h.lost(host, state.detail) + retry(state.retryAt)];
    case 'no-answer':
      return [h.noAnswer(host, Math.round(state.waitedMs / 1000))];
  }
}
