// ServerMetrics' one-minute windows and the PM2 action parameter, as pure arithmetic with a given clock.
import { describe, expect, it } from 'vitest';
import { ServerMetrics } from '../../../src/servers/shared/metrics.js';
import { idleSecondsParam } from '../../../src/servers/shared/pm2-metrics.js';

describe('ServerMetrics', () => {
  it('counts tool calls and failures of the last minute, and keeps the failure total', () => {
    const m = new ServerMetrics();
    m.toolCall(1_000);
    m.toolCall(30_000);
    m.toolError(30_000);
    expect(m.toolCallsPerMinute(61_500)).toBe(1);
    expect(m.toolFailuresPerMinute(61_500)).toBe(1);
    expect(m.toolFailuresPerMinute(90_000)).toBe(0);
    expect(m.toolErrors).toBe(1);
  });

  it('gives the mean upstream latency of the last minute, and null without calls', () => {
    const m = new ServerMetrics();
    expect(m.upstreamMeanMs(0)).toBeNull();
    m.upstreamLatency(100, 0);
    m.upstreamLatency(20, 50_000);
    m.upstreamLatency(41, 55_000);
    expect(m.upstreamMeanMs(55_000)).toBe(54);
    expect(m.upstreamMeanMs(70_000)).toBe(31);
    expect(m.upstreamMs()).toBe(41);
    expect(m.upstreamMeanMs(200_000)).toBeNull();
  });
});

describe('the "close idle sessions" parameter', () => {
  it('is seconds, 60 when none is given, and refuses anything else', () => {
    expect(idleSecondsParam(undefined)).toBe(60);
    expect(idleSecondsParam({})).toBe(60);
    expect(idleSecondsParam('300')).toBe(300);
    expect(idleSecondsParam(' 0 ')).toBe(0);
    expect(idleSecondsParam('soon')).toBeNull();
    expect(idleSecondsParam('-5')).toBeNull();
  });
});
