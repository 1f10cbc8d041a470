import type { Messages } from '../i18n/messages.js';
import type { Diagnostic, Snapshot } from '../pm2-bridge/types.js';
import type { FormattedDiagnostic } from '../i18n/diagnostics.js';
import type { Glyphs } from '../tui/format/glyphs.js';
import { bannerLines } from '../tui/layout/banner-lines.js';
import { severityMark } from '../tui/format/severity-mark.js';
import { tableText } from '../tui/table/table-text.js';

export interface OnceTextOptions {
  /** Terminal width in cells; Infinity (a pipe) keeps every column at full width. */
  width: number;
  messages: Messages;
  glyphs: Glyphs;
  now: number;
  describeDiagnostic: (diagnostic: Diagnostic) => FormattedDiagnostic;
  /** How this setup calls pm2 in the commands it prints (`pm2`, or `npx pm2`). */
  pm2: string;
}

/** `--once`: the connection state, the table, then every finding with its fix; plain text, no colour. */
export function onceText(snapshot: Snapshot, options: OnceTextOptions): string {
  const { messages } = options;
  const lines: string[] = [];
  const { connection } = snapshot;
  const banner = bannerLines(connection, messages, { live: false, diagnostics: snapshot.diagnostics, pm2: options.pm2 });
  // Several hosts: how many answered, then a line for each host that did not (or whose PM2 is not up).
  if (connection.kind === 'hosts') lines.push(messages.hosts.summary(connection.hosts.filter((link) => link.state.kind === 'connected').length, connection.hosts.length));
  lines.push(...(banner.length > 0 || connection.kind === 'hosts' ? banner : [messages.connection.connected(connection.home)]));
  lines.push('');
  if (snapshot.services.length === 0) lines.push(messages.table.noServices(options.pm2));
  else lines.push(...tableText(snapshot.services, options));
  // Every finding's text names its service already.
  const finding = (diagnostic: Diagnostic) => {
    const described = options.describeDiagnostic(diagnostic);
    // A setup finding of one of several hosts names its host first.
    lines.push(`${severityMark(diagnostic.severity, options.glyphs)} ${diagnostic.host === undefined ? '' : `${diagnostic.host}: `}${described.text}`);
    for (const detail of described.details) lines.push(`      | ${detail}`);
    if (described.fix !== null) lines.push(`    ${messages.detail.fix}: ${described.fix}`);
  };
  const findings = snapshot.services.filter((service) => service.diagnostics.length > 0);
  if (findings.length > 0 || snapshot.diagnostics.length > 0) {
    lines.push('', `${messages.detail.diagnostics}:`);
    for (const service of findings) for (const d of service.diagnostics) finding(d);
    for (const d of snapshot.diagnostics) finding(d);
  }
  return `${lines.join('\n')}\n`;
}
