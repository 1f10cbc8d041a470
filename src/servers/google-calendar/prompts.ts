// The Calendar prompts: a daily agenda brief, and "find a free slot and book it". Each is instructions that name
// the tools to call in order, so they need no Google access to be listed or fetched.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

function userText(text: string) {
  return { messages: [{ role: 'user' as const, content: { type: 'text' as const, text } }] };
}

export function registerCalendarPrompts(server: McpServer): void {
  server.registerPrompt(
    'calendar_daily_agenda',
    {
      title: 'Daily agenda brief',
      description: "A brief of one day's calendar: what is on, in order, what needs an answer, what clashes, the free time.",
      argsSchema: {
        date: z.string().optional().describe('The day, "YYYY-MM-DD", "today" or "tomorrow". Default today.'),
        calendars: z.string().optional().describe('Calendar ids to include, comma separated. Default the primary calendar.'),
      },
    },
    ({ date, calendars }) =>
      userText(
        [
          `Give me a brief of my calendar for ${date ?? 'today'}.`,
          '1. Call calendar_get_current_time to know today\'s date and the time zone; resolve the day from it.',
          `2. Call calendar_list_events with timeMin = that day ("YYYY-MM-DD"), timeMax = the next day${calendars ? `, calendarIds = [${calendars.split(',').map((id) => JSON.stringify(id.trim())).join(', ')}]` : ''}.`,
          '3. Answer in this order: the all-day events (with their lastDay when they span several days); then each timed event as "HH:MM-HH:MM title (place, Meet link)"; invitations whose myResponse is needsAction (ask whether to accept with calendar_respond_to_event); events that overlap each other; out of office and focus time blocks; and the free gaps of 30 minutes or more between 09:00 and 18:00.',
          'Keep it short; say when the day is empty.',
        ].join('\n'),
      ),
  );

  server.registerPrompt(
    'calendar_find_and_book',
    {
      title: 'Find a free slot and book it',
      description: 'Find a time when everyone is free, offer it, and create the event once the user agrees.',
      argsSchema: {
        title: z.string().describe('What the meeting is called.'),
        durationMinutes: z.string().describe('How long, in minutes, e.g. "30".'),
        attendees: z.string().optional().describe('Guests\' email addresses, comma separated.'),
        within: z.string().optional().describe('When, e.g. "this week", "2025-06-10 to 2025-06-13". Default the next 5 working days.'),
      },
    },
    ({ title, durationMinutes, attendees, within }) => {
      const guests = (attendees ?? '')
        .split(',')
        .map((email) => email.trim())
        .filter(Boolean);
      return userText(
        [
          `Book "${title}" for ${durationMinutes} minutes${guests.length ? ` with ${guests.join(', ')}` : ''}, ${within ?? 'in the next 5 working days'}.`,
          '1. Call calendar_get_current_time to resolve the dates.',
          `2. Call calendar_find_free_busy with calendarIds = ${JSON.stringify(['primary', ...guests])}, the window as timeMin/timeMax, and minFreeMinutes = ${durationMinutes}.`,
          '3. From freeForAll, pick up to three slots inside working hours (09:00-18:00, not lunch 12:00-13:00 unless nothing else fits) and show them to me. Say whose calendars could not be checked (errors).',
          `4. When I pick one, call calendar_create_event with summary "${title}", that start and end${guests.length ? ', the attendees, sendUpdates "all"' : ''} and meet true if I want a video call. Report conflicts or busy attendees from its answer; if it says the event already exists, do not create it again.`,
          'Do not create anything before I have chosen a slot.',
        ].join('\n'),
      );
    },
  );
}
