// Compact shapes of Notion objects for answers: enough to act on, without Notion's nesting.
import type { Json } from '../notion-api.js';
import { pageTitle, propertiesToPlain } from '../properties.js';
import { richTextToPlain } from '../rich-text.js';

function parentOf(object: Json): Json | null {
  const parent = object.parent as Json | undefined;
  if (!parent || typeof parent.type !== 'string') return null;
  return { type: parent.type, id: parent[parent.type] ?? null };
}

/** A search hit: page, database or data source. */
export function summarizeObject(object: Json): Json {
  return {
    object: object.object,
    id: object.id,
    title: pageTitle(object),
    url: object.url ?? null,
    last_edited_time: object.last_edited_time ?? null,
    parent: parentOf(object),
  };
}

export function summarizePage(page: Json): Json {
  return {
    id: page.id,
    title: pageTitle(page),
    url: page.url ?? null,
    parent: parentOf(page),
    created_time: page.created_time ?? null,
    last_edited_time: page.last_edited_time ?? null,
    in_trash: page.in_trash === true || page.archived === true,
    properties: propertiesToPlain(page.properties),
  };
}

export function summarizeComment(comment: Json): Json {
  const author = comment.created_by as Json | undefined;
  return {
    id: comment.id,
    discussion_id: comment.discussion_id ?? null,
    created_time: comment.created_time ?? null,
    author: (author?.name as string | undefined) ?? (author?.id as string | undefined) ?? null,
    text: richTextToPlain(comment.rich_text),
  };
}

export function summarizeUser(user: Json): Json {
  const person = user.person as Json | undefined;
  const bot = user.bot as Json | undefined;
  return {
    id: user.id,
    name: user.name ?? null,
    type: user.type ?? null,
    email: person?.email ?? null,
    ...(bot ? { bot_owner: (bot.owner as Json | undefined)?.type ?? null } : {}),
  };
}
