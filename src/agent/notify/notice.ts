// An alert transition as the notice receivers get: the generic JSON body, and the Slack- and Discord-compatible
// bodies built from it. Every string goes through the bridge's redaction on the way out.
import { redactText } from '../../pm2-bridge/redact.js';
import type { Receiver } from '../agent-config.js';
import type { AlertTransition } from '../rules/evaluate-rules.js';

export interface Notice {
  version: 1;
  source: 'gakuco-monit';
  host: string;
  status: 'firing' | 'resolved';
  /** The rule's name (crash-loop, errored, ...), as Prometheus' `alertname`. */
  alert: string;
  severity: string;
  service: { id: number; name: string } | null;
  /** One readable line (the config's language). */
  summary: string;
  params: Record<string, string | number>;
  startsAt: string;
  endsAt: string | null;
  /** Stable per alert and episode: receivers may dedupe on `${key}|${status}|${startsAt}`. */
  key: string;
}

function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactText(value) as T;
  if (Array.isArray(value)) return value.map(redactDeep) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)])) as T;
  }
  return value;
}

export function toNotice(t: AlertTransition, host: string, summary: string): Notice {
  const a = t.alert;
  return redactDeep({
    version: 1,
    source: 'gakuco-monit',
    host,
    status: t.kind,
    alert: a.rule,
    severity: a.severity,
    service: a.pmId === null ? null : { id: a.pmId, name: a.name ?? '' },
    summary,
    params: { ...a.params },
    startsAt: new Date(a.firedAt ?? a.activeSince).toISOString(),
    endsAt: t.kind === 'resolved' ? new Date(t.at).toISOString() : null,
    key: a.key,
  });
}

/** The dedupe identity of a notice: one firing and one resolved per alert episode. */
export function noticeId(n: Notice): string {
  return `${n.key}|${n.status}|${n.startsAt}`;
}

const DISCORD_LIMIT = 2000;
const COLOURS = { firing: { critical: 0xd0021b, warning: 0xf5a623 }, resolved: 0x2e9e44 } as const;

/** The HTTP body a receiver of this kind takes. */
export function bodyFor(kind: Exclude<Receiver['kind'], 'command'>, n: Notice): string {
  if (kind === 'slack') {
    const colour = n.status === 'resolved' ? COLOURS.resolved : n.severity === 'critical' ? COLOURS.firing.critical : COLOURS.firing.warning;
    return JSON.stringify({
      text: n.summary,
      attachments: [{ color: `#${colour.toString(16).padStart(6, '0')}`, fields: [{ title: 'alert', value: n.alert, short: true }, { title: 'host', value: n.host, short: true }] }],
    });
  }
  if (kind === 'discord') {
    return JSON.stringify({ content: n.summary.slice(0, DISCORD_LIMIT), allowed_mentions: { parse: [] } });
  }
  return JSON.stringify(n);
}
