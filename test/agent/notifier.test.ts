// The notifier against real local HTTP receivers: dedupe, retry with backoff, rate limit, a hung receiver that
// delays only itself, and the chat payloads.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { NotifySettings, Receiver } from '../../src/agent/agent-config.js';
import { deliver } from '../../src/agent/notify/deliver.js';
import { bodyFor, toNotice, type Notice } from '../../src/agent/notify/notice.js';
import { createNotifier, type Outcome } from '../../src/agent/notify/notifier.js';
import type { AlertTransition } from '../../src/agent/rules/evaluate-rules.js';

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

async function receiver(handle: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => handle(req, res, body));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

const settings: NotifySettings = { timeoutMs: 500, retries: 2, backoffMs: 50, perMinute: 20, queue: 100 };

function transition(kind: 'firing' | 'resolved', name = 'api', extra: Record<string, string | number> = {}): AlertTransition {
  return {
    kind,
    at: 2_000_000,
    alert: { key: `crash-loop/0:${name}`, rule: 'crash-loop', severity: 'critical', pmId: 0, name, params: { restarts: 3, windowS: 60, ...extra }, activeSince: 1_000_000, firedAt: 1_000_000 },
  };
}

const notice = (kind: 'firing' | 'resolved', name = 'api'): Notice => toNotice(transition(kind, name), 'host-a', `${kind} ${name}`);

function run(receivers: Receiver[], s: NotifySettings = settings) {
  const outcomes: { receiver: string; outcome: Outcome; detail: string; status: string }[] = [];
  const notifier = createNotifier({
    receivers,
    settings: s,
    deliver,
    onOutcome: (r, n, outcome, detail) => outcomes.push({ receiver: r, outcome, detail, status: n.status }),
  });
  return { notifier, outcomes };
}

describe('notifier', () => {
  it('sends each notice once, however often it is handed over', async () => {
    const got: string[] = [];
    const url = await receiver((_req, res, body) => {
      got.push((JSON.parse(body) as Notice).status);
      res.writeHead(200).end();
    });
    const { notifier, outcomes } = run([{ name: 'hook', kind: 'webhook', url, headers: {} }]);
    for (const n of [notice('firing'), notice('firing'), notice('resolved'), notice('resolved')]) notifier.notify(n);
    await notifier.idle();
    expect(got).toEqual(['firing', 'resolved']);
    expect(outcomes.map((o) => o.outcome)).toEqual(['sent', 'sent']);
  });

  it('retries a failing receiver with doubling backoff, then gives up and says why', async () => {
    const times: number[] = [];
    const url = await receiver((_req, res) => {
      times.push(Date.now());
      res.writeHead(times.length < 3 ? 503 : 200).end();
    });
    const { notifier, outcomes } = run([{ name: 'flaky', kind: 'webhook', url, headers: {} }]);
    notifier.notify(notice('firing'));
    await notifier.idle();
    expect(times).toHaveLength(3);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(90); // 50 ms, then 100 ms
    expect(outcomes).toEqual([{ receiver: 'flaky', outcome: 'sent', detail: '', status: 'firing' }]);

    const dead = await receiver((_req, res) => res.writeHead(500).end());
    const second = run([{ name: 'dead', kind: 'webhook', url: `${dead}/path-with-token-abc`, headers: {} }]);
    second.notifier.notify(notice('firing'));
    await second.notifier.idle();
    expect(second.outcomes).toEqual([{ receiver: 'dead', outcome: 'failed', detail: '3 attempts, last: HTTP 500', status: 'firing' }]);
  });

  it('a receiver that never answers delays only itself, each attempt cut at the timeout', async () => {
    let hung = 0;
    const stuck = await receiver(() => {
      hung += 1;
    });
    const got: number[] = [];
    const ok = await receiver((_req, res) => {
      got.push(Date.now());
      res.writeHead(204).end();
    });
    const started = Date.now();
    const { notifier, outcomes } = run([
      { name: 'stuck', kind: 'webhook', url: stuck, headers: {} },
      { name: 'ok', kind: 'webhook', url: ok, headers: {} },
    ], { ...settings, retries: 1, timeoutMs: 1000 });
    notifier.notify(notice('firing'));
    notifier.notify(notice('resolved'));
    // Both sent while the stuck one still waits on its first attempt.
    await new Promise((r) => setTimeout(r, 600));
    expect(got).toHaveLength(2);
    expect(got[1]! - started).toBeLessThan(900);
    await notifier.idle();
    expect(hung).toBe(4);
    expect(outcomes.filter((o) => o.receiver === 'stuck').map((o) => o.detail)).toEqual([
      '2 attempts, last: timeout after 1000 ms',
      '2 attempts, last: timeout after 1000 ms',
    ]);
  });

  it('drops notices over the per-minute limit and counts them', async () => {
    let got = 0;
    const url = await receiver((_req, res) => {
      got += 1;
      res.writeHead(200).end();
    });
    const { notifier, outcomes } = run([{ name: 'hook', kind: 'webhook', url, headers: {} }], { ...settings, perMinute: 2 });
    for (const name of ['a', 'b', 'c', 'd']) notifier.notify(notice('firing', name));
    await notifier.idle();
    expect(got).toBe(2);
    expect(outcomes.map((o) => o.outcome)).toEqual(['sent', 'sent', 'dropped', 'dropped']);
  });

  it('runs a command with the notice on stdin and none of the agent environment', async () => {
    process.env.AGENT_TEST_SECRET = 'must-not-leak-123456';
    const { notifier, outcomes } = run([
      // Fails unless stdin is the notice and the secret is absent from the environment.
      { name: 'cmd', kind: 'command', command: ['sh', '-c', 'grep -q "\\"alert\\":\\"crash-loop\\"" && [ -z "$AGENT_TEST_SECRET" ] && [ "$GAKUCO_ALERT_STATUS" = firing ]'] },
    ]);
    notifier.notify(notice('firing'));
    await notifier.idle();
    delete process.env.AGENT_TEST_SECRET;
    expect(outcomes.map((o) => o.outcome)).toEqual(['sent']);
  });
});

describe('notices', () => {
  it('mask credential-looking text and carry no URL of a receiver', () => {
    const n = toNotice(transition('firing', 'api', { detail: 'token=ghp_abcdefghijklmnopqrstuvwxyz0123456789' }), 'host-a', 'api crashed, NOTION_TOKEN=secret_abcdefghijklmnopqrstuvwxyz0123456789ABCD');
    const all = JSON.stringify(n);
    expect(all).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    expect(all).not.toContain('secret_abcdefghijklmnopqrstuvwxyz0123456789ABCD');
    expect(n).toMatchObject({ status: 'firing', alert: 'crash-loop', service: { id: 0, name: 'api' }, startsAt: new Date(1_000_000).toISOString(), endsAt: null });
  });

  it('come as Slack and Discord bodies', () => {
    const slack = JSON.parse(bodyFor('slack', notice('firing'))) as { text: string; attachments: { color: string }[] };
    expect(slack.text).toBe('firing api');
    expect(slack.attachments[0]!.color).toBe('#d0021b');
    const discord = JSON.parse(bodyFor('discord', notice('resolved'))) as { content: string; allowed_mentions: unknown };
    expect(discord).toEqual({ content: 'resolved api', allowed_mentions: { parse: [] } });
    expect(JSON.parse(bodyFor('webhook', notice('resolved')))).toMatchObject({ version: 1, endsAt: new Date(2_000_000).toISOString() });
  });
});
