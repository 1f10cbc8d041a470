// The tools/list cache: hooked into the SDK's handler (fails here first if an SDK update removes the hook), filled
// by the first answer, and the same answer for every later session.
import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { cacheToolsList, type ToolsListCache } from '../../../src/servers/shared/tools-list-cache.js';
import { startServiceOverHttp } from '../../helpers/mcp-http.js';
import { createEchoService } from './echo-service.js';

async function connected(cache: ToolsListCache): Promise<{ client: Client; hooked: boolean }> {
  const server = await createEchoService().createMcpServer();
  const hooked = cacheToolsList(server, cache);
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'cache-test', version: '0' });
  await client.connect(clientSide);
  return { client, hooked };
}

describe('tools/list cache', () => {
  it('hooks into this SDK version and keeps the first answer for later sessions', async () => {
    const cache: ToolsListCache = {};
    const first = await connected(cache);
    expect(first.hooked).toBe(true);
    expect(cache.value).toBeUndefined();
    const listed = await first.client.listTools();
    expect(cache.value).toEqual(listed);
    const second = await connected(cache);
    const cachedValue = cache.value;
    expect(await second.client.listTools()).toEqual(listed);
    expect(cache.value).toBe(cachedValue);
    expect(listed.tools.map((t) => t.name)).toEqual(['echo', 'fail', 'buggy']);
    expect(listed.tools[0]!.inputSchema).toMatchObject({ type: 'object', required: ['text'] });
  });

  it('serves the same tools to every HTTP session', async () => {
    const h = await startServiceOverHttp(createEchoService());
    try {
      const other = await h.connectClient();
      expect(await other.listTools()).toEqual(await h.client.listTools());
    } finally {
      await h.close();
    }
  });
});
