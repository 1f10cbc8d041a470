// Keys that arrive in one read: plain text is split into keys, and Esc with the key after it (Ink's Alt+key) is the
// two keys. The events and keys are the ones Ink 6.8's input parser and useInput give for these reads.
import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { escapeThenKey, KeyQueue } from '../../../src/tui/keys/key-queue.js';
import { keyName } from '../../../src/tui/keys/key-name.js';

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false,
  end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false,
  meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};

/** The key names a handler sees for one raw input event, as Ink's useInput would describe it. */
async function namesOf(event: string, input: string, key: Partial<Key>): Promise<string[]> {
  const queue = new KeyQueue();
  const seen: string[] = [];
  queue.committed((i, k) => seen.push(keyName(i, k)));
  queue.push(input, { ...NO_KEY, ...key }, event);
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  return seen;
}

describe('keys in one read', () => {
  it('Esc then q (Ink: meta+q) is Escape, then q', async () => {
    expect(await namesOf('\u001bq', 'q', { meta: true })).toEqual(['escape', 'q']);
  });

  it('Esc then / (Ink: a bare "/") is Escape, then /', async () => {
    expect(await namesOf('\u001b/', '/', {})).toEqual(['escape', '/']);
  });

  it('Esc then Enter, Space or an upper-case letter keep what they are', async () => {
    expect(await namesOf('\u001b\r', '\r', { return: true, meta: true })).toEqual(['escape', 'return']);
    expect(await namesOf('\u001b ', ' ', { meta: true })).toEqual(['escape', 'space']);
    const [, shifted] = escapeThenKey('\u001bG', { ...NO_KEY, meta: true, shift: true })!;
    expect(shifted).toMatchObject({ input: 'G', key: { shift: true, meta: false, escape: false } });
  });

  it('arrows, Alt+arrows, function keys, a lone Esc and plain keys are left as Ink read them', async () => {
    for (const event of ['\u001b[A', '\u001b\u001b[A', '\u001bOP', '\u001b', 'q', 'js', '']) {
      expect(escapeThenKey(event, NO_KEY)).toBeNull();
    }
    expect(await namesOf('\u001b[A', '', { upArrow: true })).toEqual(['up']);
    expect(await namesOf('\u001b', '', { escape: true, meta: true })).toEqual(['escape']);
    expect(await namesOf('js', 'js', {})).toEqual(['j', 's']);
  });
});
