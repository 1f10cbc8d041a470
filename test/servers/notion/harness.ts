// Starts the Notion service over real HTTP against the fake Notion API, with fast timeouts and retries.
import { expect } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { NotionConfig } from '../../../src/servers/notion/config.js';
import { createNotionService } from '../../../src/servers/notion/server.js';
import { startServiceOverHttp, type ServiceOverHttp } from '../../helpers/mcp-http.js';
import { SEED } from '../../fakes/notion-api.js';

export interface NotionHarness {
  http: ServiceOverHttp;
  /** Lines the Notion client logged (instead of stderr). */
  upstreamLog: string[];
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  /** Calls a tool that must succeed and parses its JSON answer. */
  json<T = Record<string, unknown>>(name: string, args?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

export function testConfig(baseUrl: string, overrides: Partial<NotionConfig> = {}): NotionConfig {
  return {
    token: SEED.token,
    notionVersion: '2025-09-03',
    baseUrl,
    timeoutMs: 2_000,
    maxRetries: 2,
    initialRetryDelayMs: 10,
    maxRetryDelayMs: 50,
    envFile: '/etc/gakuco-test/mcp.env',
    maxResponseBytes: 4 * 1024 * 1024,
    ...overrides,
  };
}

export function textOf(result: CallToolResult): string {
  const first = result.content[0];
  return first && first.type === 'text' ? first.text : '';
}

export async function startNotionHarness(config: NotionConfig): Promise<NotionHarness> {
  const upstreamLog: string[] = [];
  const http = await startServiceOverHttp(createNotionService(config, { logSink: (line) => upstreamLog.push(line) }));
  // Listing makes the SDK Client check every later result's structuredContent against the tool's outputSchema.
  await http.client.listTools();
  const call = async (name: string, args: Record<string, unknown> = {}) =>
    (await http.client.callTool({ name, arguments: args })) as CallToolResult;
  return {
    http,
    upstreamLog,
    call,
    async json<T>(name: string, args: Record<string, unknown> = {}) {
      const result = await call(name, args);
      if (result.isError) throw new Error(`${name} failed: ${textOf(result)}`);
      const data = JSON.parse(textOf(result)) as T;
      expect(result.structuredContent, `${name} structuredContent`).toEqual(data);
      return data;
    },
    close: () => http.close(),
  };
}
