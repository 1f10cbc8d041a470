import type { Key } from 'ink';

/** Names one keypress from Ink's useInput as the keymap writes keys. */
export function keyName(input: string, key: Key): string {
  if (key.ctrl && input !== '') return `ctrl+${input}`;
  if (key.upArrow) return 'up';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.downArrow) return 'down';
  if (key.pageUp) return 'pageUp';
  if (key.pageDown) return 'pageDown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.tab) return 'tab';
  if (key.return) return 'return';
  if (key.escape) return 'escape';
  if (key.backspace || key.delete) return 'backspace';
  if (key.meta && input !== '') return `meta+${input}`;
  if (input === ' ') return 'space';
  return input;
}
