import { COMMANDS, keymap, OTHER_KEY, TEXT_KEY, type Command, type KeyScope } from './keymap.js';

export type CommandMatch = { command: Command; blocked: boolean } | null;

/** One printable character as typed (the filter's text), not a named key such as `return` or `ctrl+c`. */
export function isTextKey(name: string): boolean {
  const chars = Array.from(name);
  if (chars.length !== 1) return false;
  const code = name.codePointAt(0)!;
  return code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0);
}

function bound(command: Command, key: string): boolean {
  return (keymap[command].keys as readonly string[]).includes(key);
}

/**
 * The command a key means in the active scopes, first scope first; within a scope its named keys first, then the
 * `text` and `other` wildcards. A dangerous command in read-only mode comes back `blocked`, so the caller can say
 * why nothing happened.
 */
export function findCommand(key: string, scopes: readonly KeyScope[], readOnly: boolean): CommandMatch {
  for (const scope of scopes) {
    const inScope = COMMANDS.filter((command) => keymap[command].scope === scope);
    const command =
      inScope.find((c) => bound(c, key)) ??
      (isTextKey(key) || key === 'space' ? inScope.find((c) => bound(c, TEXT_KEY)) : undefined) ??
      inScope.find((c) => bound(c, OTHER_KEY));
    if (command !== undefined) return { command, blocked: readOnly && keymap[command].dangerous };
  }
  return null;
}
