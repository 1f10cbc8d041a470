/** The monitor's command line, parsed. */
export interface CliArgs {
  command: 'monitor' | 'doctor' | 'serve';
  /** For `doctor` and `serve`: their own arguments, passed on untouched. */
  rest: string[];
  lang: string | undefined;
  once: boolean;
  json: boolean;
  /** With --json: keep writing snapshots and log lines as NDJSON records (src/stream/records.ts). */
  watch: boolean;
  intervalMs: number;
  readOnly: boolean;
  ascii: boolean;
  noColor: boolean;
  pm2Home: string | undefined;
  help: boolean;
  version: boolean;
}

export type CliArgsResult = { ok: true; args: CliArgs } | { ok: false; option: string; value?: string };
