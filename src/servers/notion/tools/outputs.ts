// The outputSchema of every Notion tool: the exact top-level fields of its structuredContent (toolJson puts the same
// object there and in the text). Nested objects are open (looseObject): Notion's shapes vary by type and version.
import { z } from 'zod';

const nullableString = z.string().nullable();
// id is the parent's id, or true for a workspace parent (Notion's { type: 'workspace', workspace: true }).
const parent = z.looseObject({ type: z.string(), id: z.union([z.string(), z.boolean()]).nullable() }).nullable();
const pagination = { has_more: z.boolean(), next_cursor: nullableString };

const objectSummary = z.looseObject({
  object: z.string(),
  id: z.string(),
  title: z.string(),
  url: nullableString,
  last_edited_time: nullableString,
  parent,
});

const pageShape = {
  id: z.string(),
  title: z.string(),
  url: nullableString,
  parent,
  created_time: nullableString,
  last_edited_time: nullableString,
  in_trash: z.boolean(),
  properties: z.record(z.string(), z.unknown()),
};

const commentShape = {
  id: z.string(),
  discussion_id: nullableString,
  created_time: nullableString,
  author: nullableString,
  text: z.string(),
};

export const searchOutput = { results: z.array(objectSummary), ...pagination };
export const pageOutput = pageShape;
/** A block named in an answer (block-edits.ts blockLabel). */
const blockLabel = z.object({ id: z.string(), type: z.string(), text: z.string().optional() });

export const readPageOutput = {
  page_id: z.string(),
  text: z.string(),
  blocks: z.number().int(),
  block_list: z.array(blockLabel.extend({ depth: z.number().int().optional() })).optional(),
  ...pagination,
};
export const updateBlockOutput = { updated: blockLabel };
export const deleteBlockOutput = { deleted: blockLabel };
export const replaceContentOutput = {
  page_id: z.string(),
  blocks_added: z.number().int(),
  blocks_removed: z.number().int(),
  kept: z.array(blockLabel),
  note: z.string().optional(),
};
export const getDatabaseOutput = {
  database_id: z.string().optional(),
  data_source_id: z.string().optional(),
  data_sources: z.array(z.looseObject({ id: z.string() })).optional(),
  title: z.string(),
  url: nullableString,
  properties: z.array(z.looseObject({ name: z.string(), type: z.string(), value: z.string() })),
};
export const queryDatabaseOutput = {
  database_id: z.string().optional(),
  data_source_id: z.string().optional(),
  data_sources: z.array(z.looseObject({ id: z.string() })).optional(),
  results: z.array(z.looseObject(pageShape)),
  ...pagination,
};
export const createPageOutput = { id: z.string(), url: nullableString, blocks_written: z.number().int() };
export const appendContentOutput = { page_id: z.string(), blocks_added: z.number().int(), block_ids: z.array(z.string()) };
export const commentOutput = commentShape;
export const listCommentsOutput = { comments: z.array(z.looseObject(commentShape)), ...pagination };
export const listUsersOutput = {
  users: z.array(z.looseObject({ id: z.string(), name: nullableString, type: nullableString, email: nullableString })),
  ...pagination,
};
