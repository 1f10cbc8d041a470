// notion-mcp in PM2 cluster mode (MCP_INSTANCES=2, from ecosystem.config.js): SDK clients connect (initialize and
// notifications/initialized may land on different workers), and every call succeeds, including calls made while a
// rolling `pm2 reload` replaces both workers: a reload in cluster mode costs no call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { createDeployment, ECOSYSTEM, type Deployment } from './deployment.js';

let d: Deployment;

beforeAll(async () => {
  d = await createDeployment('gakuco-pm2-cluster-', { MCP_INSTANCES: '2', MCP_RATE_LIMIT: '0' });
  const started = await d.home.pm2(['start', ECOSYSTEM, '--env', 'test', '--only', 'notion-mcp'], { env: d.startEnv });
  expect(started.code, started.stderr).toBe(0);
}, 60_000);

afterAll(async () => {
  await d?.cleanup();
});

async function search(client: Client): Promise<void> {
  const result = (await client.callTool({ name: 'notion_search', arguments: { query: 'project' } })) as CallToolResult;
  if (result.isError) throw new Error(JSON.stringify(result.content));
}

describe('cluster mode (2 workers)', () => {
  it('clients connect and call across workers; a rolling pm2 reload costs no call', async () => {
    const workers = await d.waitOnline('notion-mcp', d.ports.notion);
    expect(workers.map((w) => w.pm2_env.exec_mode)).toEqual(['cluster_mode', 'cluster_mode']);
    const clients = await Promise.all(Array.from({ length: 6 }, () => d.connect(d.ports.notion)));
    await Promise.all(clients.map(search));

    let calls = 0;
    const failures: string[] = [];
    let reloading = true;
    const callers = clients.map(async (client) => {
      while (reloading) {
        try {
          await search(client);
          calls += 1;
        } catch (error) {
          failures.push(`${String(error)} ${String((error as { cause?: unknown }).cause ?? "")} at ${new Date().toISOString()}`);
        }
      }
    });
    const reloaded = await d.home.pm2(['reload', 'notion-mcp']);
    expect(reloaded.code, reloaded.stderr).toBe(0);
    const after = await d.waitOnline('notion-mcp', d.ports.notion);
    reloading = false;
    await Promise.all(callers);
    expect(after.map((w) => w.pid).sort()).not.toEqual(workers.map((w) => w.pid).sort());
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(10);
    await Promise.all(clients.map(search));
    console.info(`cluster reload: ${calls} calls during the reload, ${failures.length} failed`);
  }, 90_000);
});
