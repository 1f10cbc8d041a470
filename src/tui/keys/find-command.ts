import { keymap, type Command, type KeyScope } from './keymap.js';

export type CommandMatch = { command: Command; blocked: boolean } | null;

/**
 * The command a key means in the active scopes, first scope first. A dangerous command in read-only mode comes
 * back `blocked`, so the caller can say why nothing happened.
 */
export function findCommand(key: string, scopes: readonly KeyScope[], readOnly: boolean): CommandMatch {
  for (const scope of scopes) {
    for (const [command, binding] of Object.entries(keymap) as [Command, (typeof keymap)[Command]][]) {
      if (binding.scope !== scope || !(binding.keys as readonly string[]).includes(key)) continue;
      return { command, blocked: readOnly && binding.dangerous };
    }
  }
  return null;
}
