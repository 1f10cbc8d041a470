import type { HostSpec } from './host-spec.js';
import { shellQuote } from './shell-quote.js';

/**
 * ssh's arguments to run `remoteArgs` (words, each quoted for the remote shell) after the host's command there.
 * The operator's ssh config, agent and known_hosts apply as they are; BatchMode makes ssh fail instead of asking
 * for a password or a host key (nobody could answer inside the TUI); keepalives notice a dead link in ~15 s.
 */
export function sshArgv(host: HostSpec, remoteArgs: readonly string[]): string[] {
  const words = [...remoteArgs, ...(host.pm2Home === null ? [] : ['--pm2-home', host.pm2Home])];
  return [
    ...host.sshArgs,
    '-T',
    '-o', 'BatchMode=yes',
    '-o', 'ServerAliveInterval=5',
    '-o', 'ServerAliveCountMax=3',
    '-o', 'ConnectTimeout=10',
    '--',
    host.destination,
    [host.command, ...words.map(shellQuote)].join(' '),
  ];
}
