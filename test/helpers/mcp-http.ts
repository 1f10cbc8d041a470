// Starts a ServiceDefinition over real HTTP on 127.0.0.1 (any free port) with an API key, and connects a real SDK
// Client to it, for end-to-end tool tests:
//
//   const h = await startServiceOverHttp(createNotionService(config));
//   const result = await h.client.callTool({ name: 'search', arguments: { query: 'x' } });
//   await h.close();
import { randomBytes } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { ServiceDefinition } from '../../src/servers/shared/service.js';
import {
  startMcpHttpServer,
  type McpHttpOptions,
  type RunningMcpServer,
} from '../../src/servers/shared/http-server.js';

export interface ServiceOverHttp {
  /** Base URL, http://127.0.0.1:PORT; the MCP endpoint is `${url}/mcp`. */
  url: string;
  apiKey: string;
  client: Client;
  server: RunningMcpServer;
  /** The server's request log lines (one per request), collected instead of printed. */
  logLines: string[];
  /** Connects one more client (closed by close()). */
  connectClient(): Promise<Client>;
  /** Closes every client, then the server. */
  close(): Promise<void>;
}

export type ServiceOverHttpOptions = Partial<Omit<McpHttpOptions, 'host' | 'apiKey'>> & {
  /** Default: a random key. */
  apiKey?: string;
};

export async function startServiceOverHttp(
  def: ServiceDefinition,
  options: ServiceOverHttpOptions = {},
): Promise<ServiceOverHttp> {
  const apiKey = options.apiKey ?? randomBytes(24).toString('base64url');
  const logLines: string[] = [];
  const server = await startMcpHttpServer(def, {
    port: 0,
    ...options,
    host: '127.0.0.1',
    apiKey,
    log: options.log ?? ((line) => logLines.push(line)),
  });
  const clients: Client[] = [];
  const connectClient = async (): Promise<Client> => {
    const client = new Client({ name: 'gakuco-test', version: '0.0.0' });
    const transport = new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), {
      requestInit: { headers: { 'x-api-key': apiKey } },
    });
    await client.connect(transport);
    clients.push(client);
    return client;
  };
  let client: Client;
  try {
    client = await connectClient();
  } catch (error) {
    await server.close();
    throw error;
  }
  const close = async (): Promise<void> => {
    await Promise.all(clients.map((c) => c.close().catch(() => {})));
    await server.close();
  };
  return { url: server.url, apiKey, client, server, logLines, connectClient, close };
}
