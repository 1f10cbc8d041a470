// The insights overlay's rows as plain text: timeline events, exception groups and a stack, custom actions.
import type { InsightsMessages } from '../../i18n/insights.js';
import type { ExceptionGroup, Service, TimelineEvent } from '../../pm2-bridge/types.js';
import { formatBytes } from '../format/bytes.js';
import { formatClockTime } from '../format/clock-time.js';

/** `HH:MM:SS`, with the date before it when not on `now`'s day. */
export function eventTime(at: number, now: number): string {
  const d = new Date(at);
  const sameDay = new Date(now).toDateString() === d.toDateString();
  const date = `${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} `;
  return `${sameDay ? '' : date}${formatClockTime(at)}`;
}

/** What happened, in words: kind, cause and details (exit code and signal, memory, restarts). */
export function describeEvent(e: TimelineEvent, m: InsightsMessages): string {
  const parts = [m.kinds[e.kind]];
  if (e.cause) parts.push(`(${m.causes[e.cause]})`);
  if (e.kind === 'memory-limit' && e.memory !== undefined && e.limit !== undefined) parts.push(m.memoryLimit(formatBytes(e.memory), formatBytes(e.limit)));
  else if (e.kind === 'errored' && e.restarts !== undefined) parts.push(m.erroredAfter(e.restarts));
  else if (e.exitCode !== undefined || e.signal) parts.push(m.exit(e.exitCode ?? null, e.signal ?? null));
  return parts.join(' ');
}

/** One row per event, newest first. */
export function timelineRows(events: readonly TimelineEvent[], m: InsightsMessages, now: number, withName: boolean): string[] {
  const rows: string[] = [];
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    const before = e.source === 'pm2-log' ? ` ${m.beforeStart}` : '';
    rows.push(`${eventTime(e.at, now)}  ${withName ? `${e.name}  ` : ''}${describeEvent(e, m)}${before}`);
  }
  return rows;
}

export function exceptionTime(at: number | null, m: InsightsMessages, now: number): string {
  return at === null ? m.unknownTime : eventTime(at, now);
}

export function exceptionRows(groups: readonly ExceptionGroup[], m: InsightsMessages, now: number): string[] {
  return groups.map((g) => `${g.message}  ${m.exceptionRow(g.count, g.name, exceptionTime(g.lastSeen, m, now))}`);
}

/** The restart (or exit, or errored) of the same service that followed the group's last occurrence. */
export function followingEvent(group: ExceptionGroup, events: readonly TimelineEvent[]): TimelineEvent | null {
  if (group.lastSeen === null) return null;
  const from = Math.floor(group.lastSeen / 1000) * 1000; // pm2.log has whole seconds
  return events.find((e) => e.pmId === group.pmId && e.name === group.name && e.at >= from && (e.kind === 'restart' || e.kind === 'errored' || e.kind === 'exit')) ?? null;
}

/** The open exception: its heading lines, then the stack whole. */
export function stackLines(group: ExceptionGroup, events: readonly TimelineEvent[], m: InsightsMessages, now: number): string[] {
  const next = followingEvent(group, events);
  return [
    `${group.name}  ${m.exceptionRow(group.count, group.name, exceptionTime(group.lastSeen, m, now)).split('  ')[0]}  ${m.firstLast(exceptionTime(group.firstSeen, m, now), exceptionTime(group.lastSeen, m, now))}`,
    next ? m.followedBy(`${eventTime(next.at, now)} ${describeEvent(next, m)}`) : m.nothingFollowed,
    '',
    ...group.stack.split('\n'),
  ];
}

export function actionRows(service: Service | null, m: InsightsMessages): string[] {
  if (!service) return [];
  return service.actions.map((a) => `${a.name}${a.takesParam ? `  ${m.actionTakesParam}` : ''}`);
}
