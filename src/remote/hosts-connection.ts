import type { ConnectionState, HostLink } from '../pm2-bridge/types.js';

/** Where the monitor stands with several hosts: every host's link; `home` names them all. */
export function hostsConnection(links: readonly HostLink[]): ConnectionState {
  return { kind: 'hosts', home: links.map((link) => link.host).join(', '), hosts: links };
}
