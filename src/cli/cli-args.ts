/** The monitor's command line, parsed. */
export interface CliArgs {
  command: 'monitor' | 'doctor' | 'serve' | 'action';
  /** For `doctor`, `serve` and `action`: their own arguments, passed on untouched. */
  rest: string[];
  lang: string | undefined;
  once: boolean;
  json: boolean;
  /** With --json: keep writing snapshots and log lines as NDJSON records (src/stream/records.ts). */
  watch: boolean;
  intervalMs: number;
  /** Log lines read back from the files when a service's log is first shown (the `H` key reads to other depths). */
  historyLines: number;
  readOnly: boolean;
  /** Neither read nor write the settings file (sort, columns). */
  noConfig: boolean;
  ascii: boolean;
  noColor: boolean;
  pm2Home: string | undefined;
  /** --host, each time given: hosts-file names or ssh destinations, watched over ssh in one table. */
  hosts: string[];
  /** --hosts FILE instead of $XDG_CONFIG_HOME/gakuco-monit/hosts.json. */
  hostsFile: string | undefined;
  /** --context NAME: the hosts of that context in the hosts file. */
  context: string | undefined;
  /** The resident agent whose history the monitor reads at start (--agent URL); null: none (--agent none). */
  agentUrl: string | null;
  help: boolean;
  version: boolean;
}

export type CliArgsResult = { ok: true; args: CliArgs } | { ok: false; option: string; value?: string };
