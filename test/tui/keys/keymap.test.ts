import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.js';
import { ja } from '../../../src/i18n/ja.js';
import { asciiGlyphs, unicodeGlyphs } from '../../../src/tui/format/glyphs.js';
import { activeScopes } from '../../../src/tui/keys/active-scopes.js';
import { findCommand } from '../../../src/tui/keys/find-command.js';
import { helpLines } from '../../../src/tui/keys/help-lines.js';
import { hintEntries } from '../../../src/tui/keys/hint-entries.js';
import { keyLabel } from '../../../src/tui/keys/key-label.js';
import { COMMANDS, keymap, type KeyBinding } from '../../../src/tui/keys/keymap.js';

describe('keymap', () => {
  it('gives every command keys, and a label in both languages in i18n', () => {
    for (const command of COMMANDS) {
      expect(keymap[command].keys.length, command).toBeGreaterThan(0);
      expect(ja.keys[command].trim(), command).not.toBe('');
      expect(en.keys[command].trim(), command).not.toBe('');
    }
  });
  it('never binds one key twice in the same scope', () => {
    const seen = new Set<string>();
    for (const command of COMMANDS) {
      for (const key of keymap[command].keys) {
        const id = `${keymap[command].scope}:${key}`;
        expect(seen.has(id), id).toBe(false);
        seen.add(id);
      }
    }
  });
  it('marks exactly the PM2 actions dangerous, and asks about those that interrupt service', () => {
    expect(COMMANDS.filter((c) => keymap[c].dangerous).sort()).toEqual(['delete', 'flush', 'reload', 'resetCounters', 'restart', 'scaleDown', 'scaleUp', 'start', 'stop']);
    expect(COMMANDS.filter((c) => (keymap[c] as KeyBinding).confirm === true).sort()).toEqual(['delete', 'flush', 'reload', 'restart', 'scaleDown', 'stop']);
  });
});

describe('findCommand', () => {
  it('tries scopes in order', () => {
    expect(findCommand('down', ['table', 'global'], false)?.command).toBe('selectDown');
    expect(findCommand('down', ['logs', 'global'], false)?.command).toBe('logDown');
    expect(findCommand('pageDown', ['detail', 'global'], false)?.command).toBe('detailPageDown');
    expect(findCommand('pageDown', ['table', 'global'], false)?.command).toBe('logPageDown');
    expect(findCommand('q', ['table', 'global'], false)?.command).toBe('quit');
    expect(findCommand('x', ['table', 'global'], false)).toBeNull();
  });
  it('blocks dangerous commands in read-only mode', () => {
    expect(findCommand('r', ['table', 'global'], true)).toEqual({ command: 'restart', blocked: true });
    expect(findCommand('r', ['table', 'global'], false)).toEqual({ command: 'restart', blocked: false });
    expect(findCommand('/', ['table', 'global'], true)).toEqual({ command: 'filter', blocked: false });
  });
  it('gives each mode its own keys: text in the filter, any other key cancels a question, Ctrl-C everywhere', () => {
    const filter = activeScopes('filter', 'table');
    expect(findCommand('q', filter, false)?.command).toBe('filterType');
    expect(findCommand('r', filter, false)?.command).toBe('filterType');
    expect(findCommand('return', filter, false)?.command).toBe('filterApply');
    expect(findCommand('escape', filter, false)?.command).toBe('filterCancel');
    expect(findCommand('ctrl+a', filter, false)).toBeNull();
    const dialog = activeScopes('confirm', 'table');
    expect(findCommand('y', dialog, false)?.command).toBe('confirmYes');
    expect(findCommand('x', dialog, false)?.command).toBe('confirmNo');
    expect(findCommand('return', dialog, false)?.command).toBe('confirmNo');
    const help = activeScopes('help', 'table');
    expect(findCommand('?', help, false)?.command).toBe('helpClose');
    expect(findCommand('r', help, false)).toBeNull();
    for (const mode of ['filter', 'confirm', 'help', 'normal', 'tooSmall'] as const) {
      expect(findCommand('ctrl+c', activeScopes(mode, 'logs'), false)?.command, mode).toBe('forceQuit');
    }
    expect(findCommand('escape', activeScopes('normal', 'table'), false)?.command).toBe('clearFilter');
  });
});

describe('hint bar and help from the keymap', () => {
  it('leaves dangerous keys out of the hint bar in read-only mode', () => {
    expect(hintEntries(ja, unicodeGlyphs, false)).toContain('r 再起動');
    expect(hintEntries(ja, unicodeGlyphs, false)[0]).toBe('↑↓ 選択');
    const readOnly = hintEntries(en, unicodeGlyphs, true);
    expect(readOnly.some((e) => e.startsWith('r ') || e.startsWith('s ') || e.startsWith('d '))).toBe(false);
    expect(readOnly).toContain('q Quit');
  });
  it('lists every key of every command in help, in every mode', () => {
    for (const messages of [ja, en]) {
      const text = helpLines(messages, asciiGlyphs, false).map((l) => l.text).join('\n');
      for (const command of COMMANDS) {
        expect(text).toContain(messages.keys[command]);
        for (const key of keymap[command].keys) expect(text).toContain(keyLabel(key, asciiGlyphs, messages));
      }
      for (const scope of Object.values(messages.help.scopes)) expect(text).toContain(scope);
    }
  });
  it('writes arrows as ASCII in ascii mode, and the wildcards in words', () => {
    expect(keyLabel('up', asciiGlyphs, en)).toBe('Up');
    expect(keyLabel('down', unicodeGlyphs, en)).toBe('↓');
    expect(keyLabel('pageUp', asciiGlyphs, en)).toBe('PgUp');
    expect(keyLabel('other', asciiGlyphs, en)).toBe('any other key');
    expect(keyLabel('other', asciiGlyphs, ja)).toBe('ほかのキー');
  });
});
