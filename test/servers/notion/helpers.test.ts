// Unit tests of the pure parts: properties <-> plain values, blocks -> text, markdown -> blocks, rich text,
// config from env, error messages and log lines.
import { DEFAULT_ENV_FILE } from '../../../src/servers/shared/env-file.js';
import { describe, expect, it } from 'vitest';
import { APIResponseError, APIErrorCode, RequestTimeoutError } from '@notionhq/client';
import { blocksToText, type BlockNode } from '../../../src/servers/notion/blocks-to-text.js';
import { configFromEnv, usesLegacyDatabases } from '../../../src/servers/notion/config.js';
import { describeNotionError, retryAfterSeconds } from '../../../src/servers/notion/errors.js';
import { parseNotionId } from '../../../src/servers/notion/ids.js';
import { ToolInputError } from '../../../src/servers/shared/tool-input-error.js';
import { markdownToBlocks } from '../../../src/servers/notion/markdown-to-blocks.js';
import {
  pageTitle,
  plainToProperties,
  plainToPropertyValue,
  propertiesToPlain,
  PropertyValueError,
} from '../../../src/servers/notion/properties.js';
import { inlineMarkdownToRichText, plainToRichText, richTextToMarkdown } from '../../../src/servers/notion/rich-text.js';
import { formatUpstreamLog } from '../../../src/servers/notion/upstream-log.js';
import { redactSecrets } from '../../../src/servers/shared/redact-secrets.js';

const rt = (text: string, annotations: Record<string, boolean> = {}, href: string | null = null) => ({
  type: 'text',
  plain_text: text,
  text: { content: text, link: href ? { url: href } : null },
  annotations,
  href,
});

describe('propertiesToPlain', () => {
  it('turns every common property type into a plain value', () => {
    expect(
      propertiesToPlain({
        Name: { type: 'title', title: [rt('Hello '), rt('world')] },
        Notes: { type: 'rich_text', rich_text: [] },
        Count: { type: 'number', number: 4 },
        Empty: { type: 'number', number: null },
        Pick: { type: 'select', select: { name: 'A' } },
        None: { type: 'select', select: null },
        Stage: { type: 'status', status: { name: 'Done' } },
        Tags: { type: 'multi_select', multi_select: [{ name: 'x' }, { name: 'y' }] },
        When: { type: 'date', date: { start: '2025-01-01', end: null } },
        Span: { type: 'date', date: { start: '2025-01-01', end: '2025-01-03' } },
        Ok: { type: 'checkbox', checkbox: true },
        Who: { type: 'people', people: [{ id: 'u1', name: 'Ada' }, { id: 'u2' }] },
        Links: { type: 'relation', relation: [{ id: 'p1' }] },
        Files: { type: 'files', files: [{ name: 'a.pdf', file: { url: 'https://f/a.pdf' } }, { name: 'b', external: { url: 'https://e/b' } }] },
        Calc: { type: 'formula', formula: { type: 'number', number: 9 } },
        CalcDate: { type: 'formula', formula: { type: 'date', date: { start: '2025-02-02' } } },
        Sum: { type: 'rollup', rollup: { type: 'number', number: 12 } },
        All: { type: 'rollup', rollup: { type: 'array', array: [{ type: 'number', number: 1 }, { type: 'title', title: [rt('t')] }] } },
        Key: { type: 'unique_id', unique_id: { prefix: 'TASK', number: 7 } },
        Made: { type: 'created_time', created_time: '2025-01-01T00:00:00.000Z' },
        By: { type: 'created_by', created_by: { id: 'u3', object: 'user' } },
        Site: { type: 'url', url: 'https://x' },
      }),
    ).toEqual({
      Name: 'Hello world',
      Notes: '',
      Count: 4,
      Empty: null,
      Pick: 'A',
      None: null,
      Stage: 'Done',
      Tags: ['x', 'y'],
      When: '2025-01-01',
      Span: { start: '2025-01-01', end: '2025-01-03' },
      Ok: true,
      Who: ['Ada', 'u2'],
      Links: ['p1'],
      Files: ['https://f/a.pdf', 'https://e/b'],
      Calc: 9,
      CalcDate: '2025-02-02',
      Sum: 12,
      All: [1, 't'],
      Key: 'TASK-7',
      Made: '2025-01-01T00:00:00.000Z',
      By: 'u3',
      Site: 'https://x',
    });
  });

  it('pageTitle finds the title property whatever it is called, and database titles', () => {
    expect(pageTitle({ properties: { Task: { type: 'title', title: [rt('Do it')] } } })).toBe('Do it');
    expect(pageTitle({ object: 'database', title: [rt('Tasks')], properties: { Name: { type: 'title', title: {} } } })).toBe('Tasks');
  });
});

describe('plain values -> Notion property values', () => {
  const schema = {
    Name: { type: 'title' },
    Stage: { type: 'status' },
    Tags: { type: 'multi_select' },
    Due: { type: 'date' },
    Est: { type: 'number' },
    Done: { type: 'checkbox' },
    Owner: { type: 'people' },
    Made: { type: 'created_time' },
  };

  it('converts by the schema type', () => {
    expect(
      plainToProperties(
        { Stage: 'Doing', Tags: 'a, b', Due: { start: '2025-01-01', end: '2025-01-02' }, Est: '3', Done: true, Owner: ['u1'] },
        schema,
      ),
    ).toEqual({
      Stage: { status: { name: 'Doing' } },
      Tags: { multi_select: [{ name: 'a' }, { name: 'b' }] },
      Due: { date: { start: '2025-01-01', end: '2025-01-02' } },
      Est: { number: 3 },
      Done: { checkbox: true },
      Owner: { people: [{ id: 'u1' }] },
    });
    expect(plainToPropertyValue('select', null)).toEqual({ select: null });
    expect(plainToPropertyValue('date', '2025-05-05')).toEqual({ date: { start: '2025-05-05' } });
  });

  it('passes a value already in Notion form through', () => {
    const raw = { status: { id: 'abc' } };
    expect(plainToPropertyValue('status', raw)).toBe(raw);
  });

  it('names the property and the known names when a value does not fit', () => {
    expect(() => plainToProperties({ Colour: 'red' }, schema)).toThrow(/unknown property "Colour". Known properties: Name, Stage/);
    expect(() => plainToProperties({ Est: 'many' }, schema)).toThrow(PropertyValueError);
    expect(() => plainToProperties({ Est: 'many' }, schema)).toThrow('property "Est" (number): expected a number');
    expect(() => plainToProperties({ Made: 'now' }, schema)).toThrow('cannot be set from a plain value');
  });
});

describe('rich text', () => {
  it('inline markdown becomes annotated text and links', () => {
    expect(inlineMarkdownToRichText('a **b** *c* `d` ~~e~~ [f](https://g) h_i_j')).toEqual([
      { type: 'text', text: { content: 'a ' } },
      { type: 'text', text: { content: 'b' }, annotations: { bold: true } },
      { type: 'text', text: { content: ' ' } },
      { type: 'text', text: { content: 'c' }, annotations: { italic: true } },
      { type: 'text', text: { content: ' ' } },
      { type: 'text', text: { content: 'd' }, annotations: { code: true } },
      { type: 'text', text: { content: ' ' } },
      { type: 'text', text: { content: 'e' }, annotations: { strikethrough: true } },
      { type: 'text', text: { content: ' ' } },
      { type: 'text', text: { content: 'f', link: { url: 'https://g' } } },
      { type: 'text', text: { content: ' h_i_j' } },
    ]);
  });

  it('splits text longer than 2000 characters', () => {
    const parts = plainToRichText('x'.repeat(4500));
    expect(parts.map((p) => p.text.content.length)).toEqual([2000, 2000, 500]);
  });

  it('rich text back to markdown keeps marks and links', () => {
    expect(richTextToMarkdown([rt('a'), rt('b', { bold: true }), rt('c', {}, 'https://x'), rt('d', { code: true })])).toBe(
      'a**b**[c](https://x)`d`',
    );
  });
});

describe('markdownToBlocks', () => {
  const types = (blocks: { type: string }[]) => blocks.map((b) => b.type);

  it('maps headings, lists, to-dos, quotes, code, dividers and paragraphs', () => {
    const blocks = markdownToBlocks(
      ['# One', '## Two', '#### Four', 'para line 1', 'para line 2', '', '- a', '* b', '1. c', '- [ ] d', '- [x] e',
        '> q', '---', '```ts', 'const x = 1;', '', '```', 'end'].join('\n'),
    );
    expect(types(blocks)).toEqual([
      'heading_1', 'heading_2', 'heading_3', 'paragraph', 'bulleted_list_item', 'bulleted_list_item',
      'numbered_list_item', 'to_do', 'to_do', 'quote', 'divider', 'code', 'paragraph',
    ]);
    expect(blocks[3]).toMatchObject({ paragraph: { rich_text: [{ text: { content: 'para line 1\npara line 2' } }] } });
    expect(blocks[8]).toMatchObject({ to_do: { checked: true } });
    expect(blocks[11]).toMatchObject({ code: { language: 'ts', rich_text: [{ text: { content: 'const x = 1;\n' } }] } });
  });

  it('nests indented list items, at most two levels deep', () => {
    const blocks = markdownToBlocks(['- a', '  - b', '    - c', '      - d', '- e'].join('\n'));
    expect(types(blocks)).toEqual(['bulleted_list_item', 'bulleted_list_item']);
    const a = blocks[0]!.bulleted_list_item as { children: { bulleted_list_item: { children: unknown[] } }[] };
    expect(a.children).toHaveLength(1);
    const b = a.children[0]!.bulleted_list_item;
    expect(b.children).toHaveLength(2); // c, and d (too deep) as c's sibling
  });

  it('gives nothing for blank input', () => {
    expect(markdownToBlocks('\n \n')).toEqual([]);
  });
});

describe('blocksToText', () => {
  const b = (type: string, value: Record<string, unknown>, children?: BlockNode[]): BlockNode => ({
    id: `id-${type}`,
    type,
    has_children: Boolean(children),
    [type]: value,
    ...(children ? { children } : {}),
  });

  it('renders common blocks, numbering lists and indenting children', () => {
    const text = blocksToText([
      b('heading_2', { rich_text: [rt('H')] }),
      b('numbered_list_item', { rich_text: [rt('one')] }),
      b('numbered_list_item', { rich_text: [rt('two')] }, [b('paragraph', { rich_text: [rt('inner')] })]),
      b('callout', { rich_text: [rt('note')], icon: { emoji: '💡' } }),
      b('table', {}, [b('table_row', { cells: [[rt('a')], [rt('b')]] })]),
      b('image', { type: 'external', external: { url: 'https://i/x.png' }, caption: [] }),
      b('divider', {}),
      b('unsupported', {}),
    ]);
    expect(text).toBe(
      ['## H', '1. one', '2. two', '  inner', '> 💡 note', '| a | b |', '| --- | --- |', '[image] https://i/x.png', '---', '[unsupported block]'].join('\n'),
    );
  });

  it('marks children left unread', () => {
    expect(blocksToText([{ ...b('toggle', { rich_text: [rt('T')] }), has_children: true, children_omitted: true }])).toBe(
      '▸ T\n  [… nested content not loaded: read block id-toggle to see it]',
    );
  });
});

describe('config', () => {
  it('reads the env with defaults', () => {
    expect(configFromEnv({})).toEqual({
      token: null,
      notionVersion: '2025-09-03',
      baseUrl: 'https://api.notion.com',
      timeoutMs: 15_000,
      maxRetries: 2,
      initialRetryDelayMs: 1_000,
      maxRetryDelayMs: 10_000,
      envFile: DEFAULT_ENV_FILE,
      maxResponseBytes: 4 * 1024 * 1024,
    });
    expect(configFromEnv({ MCP_ENV_FILE: '/srv/mcp.env' }).envFile).toBe('/srv/mcp.env');
    const c = configFromEnv({
      NOTION_TOKEN: ' ntn_abc ',
      NOTION_VERSION: '2022-06-28',
      NOTION_BASE_URL: 'http://127.0.0.1:9/',
      NOTION_TIMEOUT_MS: '500',
      NOTION_MAX_RETRIES: '0',
    });
    expect(c).toMatchObject({ token: 'ntn_abc', notionVersion: '2022-06-28', baseUrl: 'http://127.0.0.1:9', timeoutMs: 500, maxRetries: 0 });
    expect(configFromEnv({ NOTION_TOKEN: '  ', NOTION_TIMEOUT_MS: 'soon', NOTION_VERSION: 'latest' })).toMatchObject({
      token: null,
      timeoutMs: 15_000,
      notionVersion: '2025-09-03',
    });
    expect(usesLegacyDatabases('2022-06-28')).toBe(true);
    expect(usesLegacyDatabases('2025-09-03')).toBe(false);
  });
});

describe('ids', () => {
  it('accepts ids and URLs, refuses anything else', () => {
    expect(parseNotionId('0123456789abcdef0123456789ABCDEF', 'page')).toBe('01234567-89ab-cdef-0123-456789abcdef');
    expect(parseNotionId('https://www.notion.so/ws/My-Page-0123456789abcdef0123456789abcdef?pvs=4', 'page')).toBe(
      '01234567-89ab-cdef-0123-456789abcdef',
    );
    expect(() => parseNotionId('../users', 'page')).toThrow(ToolInputError);
  });
});

describe('error messages', () => {
  const ctx = { action: 'reading page p', timeoutMs: 1234, secrets: ['secret_topsecret_123'], envFile: '/srv/mcp.env' };
  const apiError = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
    new APIResponseError({
      code: code as APIErrorCode,
      status,
      message,
      headers: new Headers(headers),
      rawBodyText: '{}',
      additional_data: undefined,
      request_id: undefined,
    });

  it('parses Retry-After as seconds or a date', () => {
    expect(retryAfterSeconds('12')).toBe(12);
    expect(retryAfterSeconds(new Date(Date.now() + 5_000).toUTCString())).toBeGreaterThanOrEqual(4);
    expect(retryAfterSeconds('soon')).toBeNull();
    expect(retryAfterSeconds(undefined)).toBeNull();
  });

  it('says what happened and what to do, and never echoes a secret', () => {
    expect(describeNotionError(apiError(429, 'rate_limited', 'slow down', { 'retry-after': '7' }), ctx)).toContain('Retry after 7 s');
    expect(describeNotionError(apiError(429, 'rate_limited', 'slow down'), ctx)).toContain('Retry in a little while');
    expect(describeNotionError(apiError(401, 'unauthorized', 'bad'), ctx)).toContain('the token is invalid or expired');
    expect(describeNotionError(apiError(401, 'unauthorized', 'bad'), ctx)).toContain(
      'put NOTION_TOKEN in the env file /srv/mcp.env (one NAME=value per line, chmod 600), then restart the server: `npx pm2 restart notion-mcp`',
    );
    expect(describeNotionError(apiError(404, 'object_not_found', 'x'), ctx)).toContain('not found or not shared with the integration');
    expect(describeNotionError(new RequestTimeoutError(), ctx)).toContain('within 1234 ms (timeout)');
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    expect(describeNotionError(refused, ctx)).toContain('network error ECONNREFUSED');
    const echoed = describeNotionError(apiError(400, 'validation_error', 'token secret_topsecret_123 is odd'), ctx);
    expect(echoed).not.toContain('secret_topsecret_123');
    expect(echoed).toContain('token [redacted] is odd');
  });
});

describe('upstream log lines', () => {
  it('keep known fields only, on one line, secrets masked', () => {
    const line = formatUpstreamLog(
      'warn',
      'request fail',
      { code: 'rate_limited', attempt: 1, message: 'bad\nsecret_abcdef', headers: { authorization: 'Bearer secret_abcdef' } },
      ['secret_abcdef'],
    );
    expect(line).toBe('[notion-mcp] upstream warn: request fail code=rate_limited attempt=1 detail="bad\\n[redacted]"');
    expect(redactSecrets('a secret_abcdef b', ['secret_abcdef'])).toBe('a [redacted] b');
  });
});
