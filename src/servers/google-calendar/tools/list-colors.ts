import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { toolJson } from '../../shared/tool-result.js';
import { answer, type ToolContext } from '../context.js';
import { listColorsOutput } from './outputs.js';

/** Google Calendar's names for the event colours (the API gives only their hex values). */
export const EVENT_COLOR_NAMES: Record<string, string> = {
  '1': 'Lavender',
  '2': 'Sage',
  '3': 'Grape',
  '4': 'Flamingo',
  '5': 'Banana',
  '6': 'Tangerine',
  '7': 'Peacock',
  '8': 'Graphite',
  '9': 'Blueberry',
  '10': 'Basil',
  '11': 'Tomato',
};

export function registerListColorsTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'calendar_list_colors',
    {
      title: 'List Google Calendar event colours',
      description:
        'The event colours Google Calendar offers: colorId ("1"-"11", pass it to calendar_create_event / calendar_update_event), its name as the Calendar app shows it (e.g. "Tomato") and its background and text colours.',
      inputSchema: {},
      outputSchema: listColorsOutput,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    async () =>
      answer(ctx, 'list colours', async () => {
        const data = await ctx.upstream.call('list colours', (api, options) => api.colors.get({}, options));
        const colors = Object.entries(data.event ?? {})
          .sort(([a], [b]) => Number(a) - Number(b))
          .map(([colorId, color]) => ({
            colorId,
            name: EVENT_COLOR_NAMES[colorId] ?? `colour ${colorId}`,
            background: color.background ?? '',
            foreground: color.foreground ?? '',
          }));
        return toolJson({ colors });
      }),
  );
}
