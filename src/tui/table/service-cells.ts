import type { Messages } from '../../i18n/messages.js';
import type { Service } from '../../pm2-bridge/types.js';
import { formatBytes } from '../format/bytes.js';
import type { Glyphs } from '../format/glyphs.js';
import { formatMilliseconds } from '../format/milliseconds.js';
import { formatPercent } from '../format/percent.js';
import { statusStyle } from '../format/status-style.js';
import type { Tone } from '../format/tone.js';
import { formatUptime } from '../format/uptime.js';
import type { ColumnId } from './column-id.js';
import { displayName } from './display-name.js';

export interface Cell {
  text: string;
  tone: Tone | null;
}

export interface CellContext {
  messages: Messages;
  glyphs: Glyphs;
  now: number;
  /** The CPU sparkline of a service (TREND_WIDTH cells); absent where there is no history (--once). */
  trend?: (service: Service) => string;
}

function healthCell(service: Service, { messages, glyphs }: CellContext): Cell {
  const check = service.portCheck;
  if (service.port === null) return { text: messages.health.noPort, tone: null };
  if (check === null || check.listening === null) return { text: messages.health.checking, tone: null };
  if (check.conflict !== null) return { text: `${glyphs.errored} ${messages.health.conflict}`, tone: 'red' };
  if (!check.listening) {
    // A stopped service with a closed port is as expected; an online one is a problem.
    return service.status === 'online'
      ? { text: `${glyphs.errored} ${messages.health.closed}`, tone: 'red' }
      : { text: messages.health.closed, tone: 'gray' };
  }
  switch (check.health) {
    case 'ok':
      return { text: `${messages.health.ok} ${formatMilliseconds(check.healthMs ?? check.connectMs ?? 0)}`, tone: 'green' };
    case 'degraded':
      return { text: `${glyphs.severityWarning} ${messages.health.degraded}`, tone: 'yellow' };
    case 'failed':
      return { text: `${glyphs.errored} ${messages.health.failed}`, tone: 'red' };
    default:
      return { text: `${messages.health.tcpOnly} ${formatMilliseconds(check.connectMs ?? 0)}`, tone: null };
  }
}

/** The text and colour of each table cell for one service (pure; the --once output and the TUI share it). */
export function serviceCells(service: Service, context: CellContext): Record<ColumnId, Cell> {
  const status = statusStyle(service.status, context.messages, context.glyphs);
  const running = service.pid > 0;
  return {
    host: { text: service.host ?? '', tone: null },
    name: { text: displayName(service), tone: null },
    status: { text: `${status.mark} ${status.label}`, tone: status.tone },
    pid: { text: running ? String(service.pid) : '-', tone: null },
    cpu: { text: running ? formatPercent(service.cpu) : '-', tone: null },
    memory: { text: running ? formatBytes(service.memory) : '-', tone: null },
    trend: { text: context.trend?.(service) ?? '', tone: null },
    restarts: {
      text: String(service.restarts),
      tone: service.unstableRestarts > 0 ? 'red' : service.restarts > 0 ? 'yellow' : null,
    },
    uptime: { text: formatUptime(service, context.now), tone: null },
    port: { text: service.port === null ? '-' : String(service.port), tone: null },
    health: healthCell(service, context),
  };
}

/** A cluster app as one row: instances online of all, summed CPU and memory, summed restarts, the longest uptime. */
export function appCells(name: string, instances: readonly Service[], expanded: boolean, context: CellContext): Record<ColumnId, Cell> {
  const online = instances.filter((s) => s.status === 'online');
  const worst = instances.find((s) => s.status === 'errored') ?? instances.find((s) => s.status !== 'online') ?? instances[0]!;
  const status = statusStyle(online.length === instances.length ? 'online' : worst.status, context.messages, context.glyphs);
  const running = instances.filter((s) => s.pid > 0);
  const oldest = online.reduce<Service | null>((best, s) => (best === null || (s.startedAt ?? Infinity) < (best.startedAt ?? Infinity) ? s : best), null);
  const first = serviceCells(oldest ?? instances[0]!, context);
  const restarts = instances.reduce((sum, s) => sum + s.restarts, 0);
  const unstable = instances.some((s) => s.unstableRestarts > 0);
  return {
    ...first,
    name: { text: `${name} ${expanded ? '[-]' : `[+${instances.length}]`}`, tone: null },
    status: { text: `${status.mark} ${context.messages.table.appStatus(online.length, instances.length)}`, tone: online.length === instances.length ? status.tone : 'yellow' },
    pid: { text: running.length === 0 ? '-' : `x${running.length}`, tone: null },
    cpu: { text: running.length === 0 ? '-' : formatPercent(running.reduce((sum, s) => sum + s.cpu, 0)), tone: null },
    memory: { text: running.length === 0 ? '-' : formatBytes(running.reduce((sum, s) => sum + s.memory, 0)), tone: null },
    restarts: { text: String(restarts), tone: unstable ? 'red' : restarts > 0 ? 'yellow' : null },
    uptime: oldest === null ? { text: formatUptime(instances[0]!, context.now), tone: null } : first.uptime,
  };
}
