import type { Key } from 'ink';
import { useLayoutEffect } from 'react';
import { commandTable, type CommandContext } from '../commands/command-table.js';
import { findCommand } from '../keys/find-command.js';
import { keyName } from '../keys/key-name.js';
import type { KeyQueue } from '../keys/key-queue.js';
import type { KeyScope } from '../keys/keymap.js';
import { useQueuedInput } from './use-queued-input.js';

export interface CommandKeys {
  keyQueue: KeyQueue;
  /** False while an overlay reads the keys itself. */
  active: boolean;
  scopes: readonly KeyScope[];
  /** Too small to draw: only quitting works. */
  tooSmall: boolean;
  readOnly: boolean;
  /** What the handlers read, as of this render (the key typed is added). */
  context: Omit<CommandContext, 'input'>;
}

/** Maps each key through the keymap to its handler in the command table. */
export function useCommandKeys({ keyQueue, active, scopes, tooSmall, readOnly, context }: CommandKeys): void {
  const handleKey = (input: string, key: Key) => {
    if (!active) return;
    const match = findCommand(keyName(input, key), scopes, readOnly);
    if (match === null) return;
    if (tooSmall && match.command !== 'quit' && match.command !== 'forceQuit') return;
    if (match.blocked) return context.dispatch({ type: 'notice', notice: { kind: 'readOnly' } });
    commandTable[match.command]({ ...context, input });
  };
  // Ink re-subscribes a changed handler in a passive effect, so a key typed right after a render could reach the
  // previous render's handler (and its stale state). The queue holds the newest committed handler instead, and
  // splits a fast read ("js") into keys that each see the state the one before left.
  useLayoutEffect(() => keyQueue.committed(handleKey));
  useQueuedInput(keyQueue);
}
