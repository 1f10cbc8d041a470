// The tool tables in docs/notion-tools.md and docs/google-calendar.md ("## ツール一覧 / Tool list") against the real
// tools/list of each server (SDK Client over HTTP): every tool, in order, with its exact title and annotations. On a
// mismatch the message is the table to paste.
import { readFileSync } from 'node:fs';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { describe, expect, it } from 'vitest';
import { startFakeCalendarApi } from '../fakes/google-calendar-api.js';
import { startFakeNotion } from '../fakes/notion-api.js';
import { fakeEnv, serveCalendar } from './google-calendar/harness.js';
import { startNotionHarness, testConfig } from './notion/harness.js';

const HINTS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const;

function documentedTable(file: string): string {
  const text = readFileSync(new URL(`../../docs/${file}`, import.meta.url), 'utf8');
  const section = text.slice(text.indexOf('## ツール一覧 / Tool list'));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .join('\n');
}

async function realTable(client: Client): Promise<string> {
  const { tools } = await client.listTools();
  const rows = tools.map((tool) => {
    const hints = HINTS.map((hint) => String(tool.annotations?.[hint] === true));
    return `| \`${tool.name}\` | ${tool.title ?? ''} | ${hints.join(' | ')} |`;
  });
  return [`| name | title | ${HINTS.join(' | ')} |`, ...rows].join('\n');
}

describe('the tool tables in the docs', () => {
  it('docs/notion-tools.md lists every Notion tool as tools/list does', async () => {
    const fake = await startFakeNotion();
    const h = await startNotionHarness(testConfig(fake.url));
    try {
      const real = await realTable(h.http.client);
      expect(documentedTable('notion-tools.md'), `docs/notion-tools.md should have:\n${real}`).toBe(real);
    } finally {
      await h.close();
      await fake.close();
    }
  });

  it('docs/google-calendar.md lists every Calendar tool as tools/list does', async () => {
    const fake = await startFakeCalendarApi();
    const h = await serveCalendar(fakeEnv(fake));
    try {
      const real = await realTable(h.client);
      expect(documentedTable('google-calendar.md'), `docs/google-calendar.md should have:\n${real}`).toBe(real);
    } finally {
      await h.close();
      await fake.close();
    }
  });
});
