import type { FormattedDiagnostic } from '../../i18n/diagnostics.js';
import type { Messages } from '../../i18n/messages.js';
import type { Diagnostic, Service } from '../../pm2-bridge/types.js';
import { formatBytes } from '../format/bytes.js';
import type { Glyphs } from '../format/glyphs.js';
import { formatMetricValue } from '../format/metric-value.js';
import { formatMilliseconds } from '../format/milliseconds.js';
import { severityMark, severityTone } from '../format/severity-mark.js';
import type { Tone } from '../format/tone.js';

export interface DetailLine {
  label: string | null;
  text: string;
  tone: Tone | null;
}

export interface DetailContext {
  messages: Messages;
  glyphs: Glyphs;
  describeDiagnostic: (diagnostic: Diagnostic) => FormattedDiagnostic;
}

function portLines(service: Service, m: Messages['detail']): DetailLine[] {
  if (service.port === null) return [{ label: m.port, text: m.portNone, tone: null }];
  const check = service.portCheck;
  if (check === null || check.listening === null) return [{ label: m.port, text: `${service.port} ${m.checking}`, tone: null }];
  const parts = [String(service.port)];
  parts.push(check.listening ? `${m.listening} ${formatMilliseconds(check.connectMs ?? 0)}` : m.notListening);
  if (check.health === 'ok') parts.push(`${m.health} OK ${formatMilliseconds(check.healthMs ?? 0)}`);
  if (check.health === 'degraded') parts.push(`${m.health} ${m.degraded} ${formatMilliseconds(check.healthMs ?? 0)}`);
  if (check.health === 'failed') parts.push(`${m.health} NG ${check.healthDetail ?? ''}`.trimEnd());
  if (check.health === 'none' && check.listening) parts.push(m.healthNone);
  const tone: Tone | null = check.conflict !== null || check.health === 'failed' || (!check.listening && service.status === 'online')
    ? 'red'
    : check.health === 'degraded' ? 'yellow' : null;
  const lines: DetailLine[] = [{ label: m.port, text: parts.join('  '), tone }];
  if (check.conflict !== null) lines.push({ label: null, text: m.conflict(check.conflict.pid, check.conflict.command), tone: 'red' });
  if (check.upstreamConfigured !== null) {
    lines.push({
      label: null,
      text: check.upstreamConfigured ? m.upstreamConfigured : m.upstreamMissing,
      tone: check.upstreamConfigured ? null : 'yellow',
    });
  }
  return lines;
}

function diagnosticLines(diagnostics: readonly Diagnostic[], context: DetailContext): DetailLine[] {
  const m = context.messages.detail;
  return diagnostics.flatMap((diagnostic) => {
    const described = context.describeDiagnostic(diagnostic);
    const tone = severityTone[diagnostic.severity];
    const lines: DetailLine[] = [{ label: null, text: `${severityMark(diagnostic.severity, context.glyphs)} ${described.text}`, tone }];
    for (const detail of described.details) lines.push({ label: null, text: `  ${detail}`, tone: null });
    if (described.fix !== null) lines.push({ label: null, text: `  ${m.fix}: ${described.fix}`, tone: null });
    return lines;
  });
}

/**
 * What the detail pane says about one service, most useful first (the pane shows as many lines as fit, six at
 * 80x24): the service's own findings with their fixes (why its row is marked), what runs, how it restarts, memory,
 * the port check, the setup-wide findings, metrics, log paths, env (one line until `envExpanded`).
 */
export function detailLines(
  service: Service,
  setupDiagnostics: readonly Diagnostic[],
  context: DetailContext,
  envExpanded = false,
): DetailLine[] {
  const m = context.messages.detail;
  const lines: DetailLine[] = [];
  const ownFindings = diagnosticLines(service.diagnostics, context);
  if (ownFindings.length > 0) lines.push({ label: m.diagnostics, text: '', tone: null }, ...ownFindings);
  lines.push({ label: m.script, text: `${service.script}  (${m.cwd}: ${service.cwd})`, tone: null });
  const mode = [`${m.execMode}: ${context.messages.execMode[service.execMode]}`, `${m.instances}: ${service.instances}`];
  if (service.instanceId !== null) mode.push(m.instance(service.instanceId));
  mode.push(`${m.nodeVersion}: ${service.nodeVersion ?? '-'}`);
  lines.push({ label: null, text: mode.join('  '), tone: null });
  lines.push({
    label: m.restarts,
    text: `${service.restarts}  ${m.unstableRestarts}: ${service.unstableRestarts}  ${m.exitCode}: ${service.exitCode ?? '-'}`,
    tone: service.unstableRestarts > 0 ? 'red' : null,
  });
  const limit = service.maxMemoryRestart;
  const share = limit !== null && limit > 0 ? ` (${Math.round((service.memory / limit) * 100)}%)` : '';
  lines.push({
    label: m.memory,
    text: `${formatBytes(service.memory)} / ${m.maxMemory} ${limit === null ? m.notSet : formatBytes(limit)}${share}`,
    tone: limit !== null && service.memory > limit * 0.8 ? 'yellow' : null,
  });
  lines.push(...portLines(service, m));
  // With several hosts: the findings about this service's host only.
  const setupFindings = diagnosticLines(
    service.host === undefined ? setupDiagnostics : setupDiagnostics.filter((d) => d.host === undefined || d.host === service.host),
    context,
  );
  if (ownFindings.length === 0 || setupFindings.length > 0) {
    lines.push({ label: m.diagnostics, text: ownFindings.length + setupFindings.length === 0 ? m.noDiagnostics : '', tone: null });
    lines.push(...setupFindings);
  }
  if (service.metrics.length > 0) {
    lines.push({
      label: m.metrics,
      text: service.metrics.map((metric) => `${metric.name} ${formatMetricValue(metric.value)}${metric.unit === null ? '' : ` ${metric.unit}`}`).join('  '),
      tone: null,
    });
  }
  lines.push({ label: m.outLog, text: service.outLogPath ?? '-', tone: null });
  lines.push({ label: m.errLog, text: service.errLogPath ?? '-', tone: null });
  // Folded by default: it is mostly the environment of the shell that started PM2.
  if (!envExpanded) {
    if (service.env.length > 0) lines.push({ label: m.env, text: m.envFolded(service.env.length), tone: 'gray' });
    return lines;
  }
  for (const entry of service.env) {
    lines.push({ label: m.env, text: `${entry.key}=${entry.value}`, tone: entry.masked ? 'gray' : null });
  }
  return lines;
}
