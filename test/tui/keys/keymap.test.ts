import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.js';
import { ja } from '../../../src/i18n/ja.js';
import { asciiGlyphs, unicodeGlyphs } from '../../../src/tui/format/glyphs.js';
import { findCommand } from '../../../src/tui/keys/find-command.js';
import { helpLines } from '../../../src/tui/keys/help-lines.js';
import { hintEntries } from '../../../src/tui/keys/hint-entries.js';
import { keyLabel } from '../../../src/tui/keys/key-label.js';
import { keymap, type Command } from '../../../src/tui/keys/keymap.js';

const commands = Object.keys(keymap) as Command[];

describe('keymap', () => {
  it('gives every command keys and a label in both languages', () => {
    for (const command of commands) {
      const binding = keymap[command];
      expect(binding.keys.length, command).toBeGreaterThan(0);
      expect(binding.label.ja.trim(), command).not.toBe('');
      expect(binding.label.en.trim(), command).not.toBe('');
    }
  });
  it('never binds one key twice in the same scope', () => {
    const seen = new Set<string>();
    for (const command of commands) {
      for (const key of keymap[command].keys) {
        const id = `${keymap[command].scope}:${key}`;
        expect(seen.has(id), id).toBe(false);
        seen.add(id);
      }
    }
  });
  it('marks exactly restart, stop and delete dangerous', () => {
    expect(commands.filter((c) => keymap[c].dangerous).sort()).toEqual(['delete', 'restart', 'stop']);
  });
});

describe('findCommand', () => {
  it('tries scopes in order', () => {
    expect(findCommand('down', ['table', 'global'], false)?.command).toBe('selectDown');
    expect(findCommand('down', ['logs', 'global'], false)?.command).toBe('logDown');
    expect(findCommand('q', ['table', 'global'], false)?.command).toBe('quit');
    expect(findCommand('x', ['table', 'global'], false)).toBeNull();
  });
  it('blocks dangerous commands in read-only mode', () => {
    expect(findCommand('r', ['table', 'global'], true)).toEqual({ command: 'restart', blocked: true });
    expect(findCommand('r', ['table', 'global'], false)).toEqual({ command: 'restart', blocked: false });
    expect(findCommand('/', ['table', 'global'], true)).toEqual({ command: 'filter', blocked: false });
  });
});

describe('hint bar and help from the keymap', () => {
  it('leaves dangerous keys out of the hint bar in read-only mode', () => {
    expect(hintEntries('ja', unicodeGlyphs, false)).toContain('r 再起動');
    expect(hintEntries('ja', unicodeGlyphs, false)[0]).toBe('↑↓ 選択');
    const readOnly = hintEntries('en', unicodeGlyphs, true);
    expect(readOnly.some((e) => e.startsWith('r ') || e.startsWith('s ') || e.startsWith('d '))).toBe(false);
    expect(readOnly).toContain('q Quit');
  });
  it('lists every key of every command in help', () => {
    for (const [lang, messages] of [['ja', ja], ['en', en]] as const) {
      const text = helpLines(lang, messages, asciiGlyphs, false).map((l) => l.text).join('\n');
      for (const command of commands) {
        expect(text).toContain(keymap[command].label[lang]);
        for (const key of keymap[command].keys) expect(text).toContain(keyLabel(key, asciiGlyphs));
      }
    }
  });
  it('writes arrows as ASCII in ascii mode', () => {
    expect(keyLabel('up', asciiGlyphs)).toBe('Up');
    expect(keyLabel('down', unicodeGlyphs)).toBe('↓');
    expect(keyLabel('pageUp', asciiGlyphs)).toBe('PgUp');
  });
});
