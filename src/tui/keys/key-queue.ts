import type { Key } from 'ink';

const ESC = '\u001b';

export interface QueuedKey {
  input: string;
  key: Key;
}

/**
 * One character of a read that held several, as Ink would have described it alone: `\r` is Enter, `\t` Tab, DEL
 * and BS erase, other C0 controls are Ctrl+letter. So "/chatty\rr" in one read is the same as typing it slowly.
 */
export function keyOfCharacter(character: string, read: Key): QueuedKey {
  const plain: Key = { ...noKeys(read), shift: /^[A-Z]$/.test(character) };
  const code = character.codePointAt(0)!;
  if (character === '\r') return { input: '', key: { ...plain, return: true } };
  if (character === '\t') return { input: '', key: { ...plain, tab: true } };
  if (code === 0x7f || code === 0x08) return { input: '', key: { ...plain, backspace: true } };
  if (code < 0x20) return { input: String.fromCharCode(code + 0x60), key: { ...plain, ctrl: true } };
  return { input: character, key: plain };
}

/**
 * Esc and the key after it, in one read (typed fast, pasted, a slow SSH link): Ink takes ESC + one character for
 * Alt+key (Esc q arrives as meta+q, Esc / as a bare "/"). The monitor has no Alt keys, so it is the two keys, as a
 * terminal without the Esc-prefix meaning would have sent them. `event` is Ink's raw input event; null when it is
 * something else (a key alone, an arrow's escape sequence).
 */
export function escapeThenKey(event: string, read: Key): QueuedKey[] | null {
  const [first, second, ...rest] = Array.from(event);
  // ESC ESC, ESC [ and ESC O begin escape sequences (Alt+arrow, arrows, function keys).
  if (first !== ESC || second === undefined || rest.length > 0 || [ESC, '[', 'O'].includes(second)) return null;
  const none = noKeys(read);
  return [{ input: '', key: { ...none, escape: true, meta: true } }, keyOfCharacter(second, none)];
}

/** `read` with no key or modifier set (Ink's other fields, such as the kitty protocol's, kept). */
function noKeys(read: Key): Key {
  return {
    ...read,
    return: false,
    tab: false,
    backspace: false,
    delete: false,
    escape: false,
    ctrl: false,
    meta: false,
    shift: false,
  };
}

/**
 * Feeds keypresses to the newest committed key handler, one at a time, each after the UI has taken in the one before.
 *
 * Ink hands over a whole read of plain text as one input: "js" when keys come faster than it reads (key repeat, a
 * slow SSH link, tmux send-keys). Each character is its own keypress, and each must see the state the one before
 * left ("j" moves, then "s" asks about the newly selected service). A key that changed state (`changed()` was
 * called while it ran) makes the next wait for `committed()`, called from a layout effect; `fallbackMs` bounds the
 * wait for an update React dropped as a no-op.
 */
export class KeyQueue {
  private readonly queue: QueuedKey[] = [];
  private awaitingCommit = false;
  private stateChanged = false;
  /** Counts waits for a commit, so the fallback of an old wait does not end a newer one. */
  private waits = 0;
  private handle: (input: string, key: Key) => void = () => {};

  constructor(private readonly fallbackMs = 1000) {}

  /** `event`: Ink's raw input event the key came from ('' when unknown). */
  push(input: string, key: Key, event = ''): void {
    const characters = Array.from(input);
    const split = characters.length > 1 && !key.ctrl && !key.meta && !key.escape;
    const busy = this.queue.length > 0 || this.awaitingCommit;
    const escaped = escapeThenKey(event, key);
    if (escaped !== null) this.queue.push(...escaped);
    else if (split) for (const character of characters) this.queue.push(keyOfCharacter(character, key));
    else this.queue.push({ input, key });
    if (!busy) this.handleNext();
  }

  /** The handler dispatched a state update for the key it is handling. */
  changed(): void {
    this.stateChanged = true;
  }

  /** The UI committed a render with `handler` (which sees that render's state): the next queued key may go to it. */
  committed(handler: (input: string, key: Key) => void): void {
    this.handle = handler;
    if (!this.awaitingCommit) return;
    this.awaitingCommit = false;
    // A key of a new read may have been handled (and be awaiting its own render) before this runs.
    setImmediate(() => {
      if (!this.awaitingCommit) this.handleNext();
    });
  }

  private handleNext(): void {
    const next = this.queue.shift();
    if (next === undefined) return;
    this.stateChanged = false;
    this.handle(next.input, next.key);
    if (!this.stateChanged) {
      if (this.queue.length > 0) setImmediate(() => this.handleNext());
      return;
    }
    // Even with nothing queued: a key of the next read must not reach this render's handler (a "y" that accepted
    // the question, then "j" before the render without it: the "j" would answer the question again).
    this.awaitingCommit = true;
    const wait = ++this.waits;
    setTimeout(() => {
      if (!this.awaitingCommit || wait !== this.waits) return;
      this.awaitingCommit = false;
      this.handleNext();
    }, this.fallbackMs);
  }
}
