// The one @notionhq/client Client the server shares across sessions: retries (Retry-After honoured), a
// per-attempt timeout that also aborts the socket, upstream latency reported to the metrics, logs as one line.
import { Client, LogLevel } from '@notionhq/client';
import type { NotionConfig } from './config.js';
import type { ServerMetrics } from '../shared/metrics.js';
import { makeUpstreamLogger, stderrSink, type LogSink } from './upstream-log.js';
import { limitResponse } from '../shared/bounded-fetch.js';

type ClientFetch = NonNullable<NonNullable<ConstructorParameters<typeof Client>[0]>['fetch']>;

/**
 * Global fetch with an abort after timeoutMs (the client's own timeout only stops waiting; the stalled
 * connection would stay open; the signal covers reading the body too), the body limited to maxBytes
 * (shared/bounded-fetch.ts) and the latency of every attempt reported, failures included.
 */
export function measuredFetch(timeoutMs: number, maxBytes: number, metrics: ServerMetrics): ClientFetch {
  return async (url, init) => {
    const started = performance.now();
    try {
      return await limitResponse(await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) } as RequestInit), maxBytes);
    } finally {
      metrics.upstreamLatency(Math.round(performance.now() - started));
    }
  };
}

export function createNotionClient(config: NotionConfig, metrics: ServerMetrics, sink: LogSink = stderrSink): Client {
  return new Client({
    auth: config.token ?? undefined,
    notionVersion: config.notionVersion,
    baseUrl: config.baseUrl,
    timeoutMs: config.timeoutMs,
    retry: {
      maxRetries: config.maxRetries,
      initialRetryDelayMs: config.initialRetryDelayMs,
      maxRetryDelayMs: config.maxRetryDelayMs,
    },
    logLevel: LogLevel.WARN,
    logger: makeUpstreamLogger(sink, config.token ? [config.token] : []),
    fetch: measuredFetch(config.timeoutMs, config.maxResponseBytes, metrics),
  });
}
