import { readHostsOnce, type HostsOnce } from '../remote/read-hosts-once.js';
import type { HostSpec } from '../remote/host-spec.js';
import type { DisplayOptions } from '../tui/display/display-options.js';
import type { CliArgs } from './cli-args.js';
import { onceText } from './once-text.js';

/** A host gets this long to connect, start gakuco-monit there and send a settled snapshot (ssh's own connect is 10 s). */
export const HOSTS_ONCE_TIMEOUT_MS = 20_000;
/**
 * After every host settled, further records are awaited until none came for this long: the remote's findings that
 * need its first list (a second diagnostics run there) usually follow within it.
 */
const QUIET_MS = 1000;
/** Not every host answered (the others are printed all the same). */
export const EXIT_SOME_HOSTS_FAILED = 1;

/**
 * `--once` / `--json` with --host / --context: each host read once over its stream (src/remote/read-hosts-once.ts);
 * one table with a host column, or one JSON document with each host's link and services. Exit 0 when every host
 * answered, EXIT_SOME_HOSTS_FAILED when one did not.
 */
export async function runHostsOnce(args: CliArgs, hosts: readonly HostSpec[], display: DisplayOptions): Promise<number> {
  const once = await readHostsOnce(hosts, { timeoutMs: HOSTS_ONCE_TIMEOUT_MS, quietMs: QUIET_MS, refreshIntervalMs: args.intervalMs });
  const width = process.stdout.isTTY ? process.stdout.columns : Number.POSITIVE_INFINITY;
  process.stdout.write(
    args.json
      ? hostsJson(once)
      : onceText(once.snapshot, { width, messages: display.messages, glyphs: display.glyphs, now: Date.now(), describeDiagnostic: display.describeDiagnostic, pm2: display.pm2 }),
  );
  return once.hosts.every((host) => host.answered) ? 0 : EXIT_SOME_HOSTS_FAILED;
}

/**
 * `--json` over hosts: `{hosts: [{host, answered, link, connection, refreshedAt, services, diagnostics}]}`, each host
 * in the shape of the one-host `--json` (its own pm_ids), with its ssh link (`link.kind`) beside it.
 */
export function hostsJson(once: HostsOnce): string {
  const hosts = once.hosts.map(({ spec, answered, view }) => {
    const { link } = view;
    return {
      host: spec.name,
      answered,
      link: link.kind === 'connected' ? { kind: link.kind, since: link.since } : link,
      connection: link.kind === 'connected' ? link.daemon : null,
      refreshedAt: view.refreshedAt,
      services: view.services,
      diagnostics: view.diagnostics,
    };
  });
  return `${JSON.stringify({ hosts }, null, 2)}\n`;
}
