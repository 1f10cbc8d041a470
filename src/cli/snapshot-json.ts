import type { Snapshot } from '../pm2-bridge/types.js';

/** `--json`: the snapshot without logs (services with their port checks and findings, connection, setup findings). */
export function snapshotJson(snapshot: Snapshot): string {
  const { connection, services, diagnostics, refreshedAt } = snapshot;
  return `${JSON.stringify({ connection, refreshedAt, services, diagnostics }, null, 2)}\n`;
}
