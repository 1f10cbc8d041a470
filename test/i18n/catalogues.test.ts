import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { ja } from '../../src/i18n/ja.js';

/** Flattens a catalogue to key paths; functions are called with sample arguments so they must return text. */
function flatten(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else if (typeof value === 'function') out.set(path, String((value as (...a: unknown[]) => unknown)('restart', 'svc', 'x', 1)));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) for (const [p, v] of flatten(child, `${path}.${key}`)) out.set(p, v);
  }
  return out;
}

describe('message catalogues', () => {
  it('have the same keys in Japanese and English, none empty', () => {
    const jaKeys = flatten(ja);
    const enKeys = flatten(en);
    expect([...jaKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
    for (const [key, text] of [...jaKeys, ...enKeys]) expect(text, key).not.toBe('');
  });
  it('name the service in the confirm question', () => {
    expect(ja.confirm.question('restart', 'notion-mcp')).toBe('notion-mcp を再起動しますか? (y/N)');
    expect(en.confirm.question('delete', 'notion-mcp')).toBe('Delete notion-mcp? (y/N)');
  });
});
