// One cursor for a listing over several calendars: each calendar's own Google page token, packed into an
// opaque string the model passes back unchanged.

export type CalendarCursors = Record<string, string>;

export function encodeCursor(cursors: CalendarCursors): string | undefined {
  if (Object.keys(cursors).length === 0) return undefined;
  return Buffer.from(JSON.stringify(cursors), 'utf8').toString('base64url');
}

/** Throws a readable Error for a cursor this server did not make. */
export function decodeCursor(cursor: string): CalendarCursors {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new Error('pageToken is not a cursor from a previous calendar_list_events answer; pass nextPageToken unchanged');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error('pageToken is not a cursor from a previous calendar_list_events answer; pass nextPageToken unchanged');
  }
  const cursors: CalendarCursors = {};
  for (const [calendarId, token] of Object.entries(parsed)) {
    if (typeof token === 'string' && token) cursors[calendarId] = token;
  }
  return cursors;
}
