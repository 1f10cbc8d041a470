// Ids the model passes: a Notion id (dashed or compact) or a Notion URL. Anything else is refused before any
// request, so user text never reaches a URL path.
import { extractNotionId } from '@notionhq/client';
import { ToolInputError } from '../shared/tool-input-error.js';

export function parseNotionId(input: string, what: string): string {
  const id = extractNotionId(input);
  if (!id) {
    throw new ToolInputError(
      `"${input}" is not a Notion ${what} id or URL. Pass the 32-character id (with or without dashes) or the ` +
        'link copied from Notion; notion_search finds ids by title.',
    );
  }
  return id;
}
