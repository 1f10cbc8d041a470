// Both services over real HTTP against their local fakes (the real @notionhq/client and Google client), for tests
// that check one behaviour on both servers.
import { startFakeNotion, type FakeNotion } from '../../fakes/notion-api.js';
import { startFakeCalendarApi, type FakeCalendarApi } from '../../fakes/google-calendar-api.js';
import { startNotionHarness, testConfig, type NotionHarness } from '../notion/harness.js';
import { fakeEnv, serveCalendar } from '../google-calendar/harness.js';
import type { ServiceOverHttp } from '../../helpers/mcp-http.js';

export interface BothServers {
  notionApi: FakeNotion;
  calendarApi: FakeCalendarApi;
  notion: NotionHarness;
  calendar: ServiceOverHttp;
  close(): Promise<void>;
}

/** `upstreamMaxBytes` sets MCP_UPSTREAM_MAX_BYTES for both (default: the servers' own). */
export async function startBothServers(options: { upstreamMaxBytes?: number } = {}): Promise<BothServers> {
  const notionApi = await startFakeNotion();
  const calendarApi = await startFakeCalendarApi();
  const limit = options.upstreamMaxBytes;
  const notion = await startNotionHarness(testConfig(notionApi.url, limit ? { maxResponseBytes: limit } : {}));
  const calendar = await serveCalendar(fakeEnv(calendarApi, limit ? { MCP_UPSTREAM_MAX_BYTES: String(limit) } : {}));
  return {
    notionApi,
    calendarApi,
    notion,
    calendar,
    async close() {
      await notion.close();
      await calendar.close();
      await notionApi.close();
      await calendarApi.close();
    },
  };
}
