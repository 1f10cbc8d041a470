// The Notion client's own log calls, turned into one formatted line each. Without a logger the client prints
// `@notionhq/client warn: { ...object }` to the console; here only known, secret-free fields are kept.
import type { Logger } from '@notionhq/client';
import { redactSecrets } from '../shared/redact-secrets.js';

export type LogSink = (line: string) => void;

const KEPT_FIELDS = ['method', 'path', 'code', 'status', 'attempt', 'delayMs', 'requestId'] as const;

export function stderrSink(line: string): void {
  process.stderr.write(`${line}\n`);
}

export function formatUpstreamLog(
  level: string,
  message: string,
  extra: Record<string, unknown>,
  secrets: readonly string[],
): string {
  const parts = [`[notion-mcp] upstream ${level}: ${message}`];
  for (const key of KEPT_FIELDS) {
    const value = extra[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      parts.push(`${key}=${String(value)}`);
    }
  }
  if (typeof extra.message === 'string') parts.push(`detail=${JSON.stringify(extra.message)}`);
  return redactSecrets(parts.join(' '), secrets).replace(/[\r\n]+/g, ' ');
}

export function makeUpstreamLogger(sink: LogSink, secrets: readonly string[]): Logger {
  return (level, message, extra) => sink(formatUpstreamLog(level, message, extra ?? {}, secrets));
}
