// The Notion prompt: a meeting notes page, written from a Markdown template with the tools. Instructions only, so
// listing or fetching it needs no Notion access.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

export function meetingNotesMarkdown(agenda: string[], attendees: string[]): string {
  return [
    '## Attendees',
    ...(attendees.length ? attendees.map((name) => `- ${name}`) : ['- ']),
    '## Agenda',
    ...(agenda.length ? agenda.map((item, i) => `${i + 1}. ${item}`) : ['1. ']),
    '## Notes',
    '',
    '## Decisions',
    '- ',
    '## Action items',
    '- [ ] ',
  ].join('\n');
}

function list(text: string | undefined, separator: RegExp): string[] {
  return (text ?? '')
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
}

export function registerNotionPrompts(server: McpServer): void {
  server.registerPrompt(
    'notion_meeting_notes',
    {
      title: 'Meeting notes page',
      description: 'Create a meeting notes page (attendees, agenda, notes, decisions, action items) under a page or in a database.',
      argsSchema: {
        title: z.string().describe('The meeting, e.g. "Weekly sync".'),
        parent: z.string().describe('Where the page goes: a page or database id or URL.'),
        date: z.string().optional().describe('The meeting day, "YYYY-MM-DD". Default today.'),
        attendees: z.string().optional().describe('Who attends, comma separated.'),
        agenda: z.string().optional().describe('Agenda items, separated by ";" or new lines.'),
      },
    },
    ({ title, parent, date, attendees, agenda }) => {
      const markdown = meetingNotesMarkdown(list(agenda, /[;\n]/), list(attendees, /,/));
      const text = [
        `Create a meeting notes page "${title} ${date ?? '(today\'s date, YYYY-MM-DD)'}" in ${parent}.`,
        `1. If ${parent} is a database (notion_search or the URL tells), call notion_get_database first and fill its date, people or status properties from what is below; then notion_create_page with database_id. Otherwise notion_create_page with parent_page_id.`,
        '2. Use this body as content, unchanged apart from filling in what you know:',
        '',
        markdown,
        '',
        '3. Answer with the new page\'s url. Later notes go in with notion_append_content; to rewrite the page use notion_replace_content (sub-pages stay).',
      ].join('\n');
      return { messages: [{ role: 'user' as const, content: { type: 'text' as const, text } }] };
    },
  );
}
