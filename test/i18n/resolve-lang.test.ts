import { describe, expect, it } from 'vitest';
import { resolveLang } from '../../src/i18n/resolve-lang.js';

describe('resolveLang', () => {
  it('lets --lang win', () => {
    expect(resolveLang('en', { LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(resolveLang('ja', { LANG: 'en_US.UTF-8' })).toBe('ja');
  });
  it('defaults to Japanese with no locale; a C locale is a locale that is not Japanese (as --help says)', () => {
    expect(resolveLang(undefined, {})).toBe('ja');
    expect(resolveLang(undefined, { LANG: '' })).toBe('ja');
    expect(resolveLang(undefined, { LANG: 'C.UTF-8' })).toBe('en');
    expect(resolveLang(undefined, { LANG: 'C' })).toBe('en');
    expect(resolveLang(undefined, { LANG: 'POSIX' })).toBe('en');
  });
  it('speaks English where kanji cannot be drawn (TERM=linux, --ascii), unless --lang ja', () => {
    expect(resolveLang(undefined, { LANG: 'ja_JP.UTF-8', TERM: 'linux' })).toBe('en');
    expect(resolveLang(undefined, { LANG: 'ja_JP.UTF-8' }, true)).toBe('en');
    expect(resolveLang('ja', { LANG: 'ja_JP.UTF-8', TERM: 'linux' }, true)).toBe('ja');
    expect(resolveLang(undefined, { LANG: 'ja_JP.UTF-8', TERM: 'xterm-256color' })).toBe('ja');
  });
  it('switches to English when the locale is set and not Japanese', () => {
    expect(resolveLang(undefined, { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(resolveLang(undefined, { LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(resolveLang(undefined, { LANG: 'ja_JP.UTF-8' })).toBe('ja');
  });
  it('reads LC_ALL before LC_MESSAGES before LANG', () => {
    expect(resolveLang(undefined, { LC_ALL: 'en_US.UTF-8', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(resolveLang(undefined, { LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ja');
  });
  it('ignores an unknown --lang value', () => {
    expect(resolveLang('fr', { LANG: 'ja_JP.UTF-8' })).toBe('ja');
  });
});
