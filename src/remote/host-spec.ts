/** One host to watch over ssh, as the command line and the hosts file name it. */
export interface HostSpec {
  /** Shown in the host column and the link states. */
  name: string;
  /** What ssh connects to: a Host alias of the operator's ssh config, `user@host`, `host`. */
  destination: string;
  /** The remote command line that runs gakuco-monit there (a shell command: words separated by spaces). */
  command: string;
  /** PM2_HOME there, when not the remote user's default. */
  pm2Home: string | null;
  /** Extra ssh arguments before the destination (e.g. `-J bastion`, `-F file`). */
  sshArgs: readonly string[];
}

export const DEFAULT_REMOTE_COMMAND = 'npx --no-install gakuco-monit';
