import { Text } from 'ink';
import { memo, useContext } from 'react';
import { DisplayContext } from '../display/display-context.js';
import { cellWidth } from '../format/cell-width.js';
import { hintEntries } from '../keys/hint-entries.js';
import type { KeyScope } from '../keys/keymap.js';

export interface HintBarProps {
  width: number;
  /** The active key scopes (focused pane first); default the list's. */
  scopes?: readonly KeyScope[];
}

/** The last row: the main keys, from the keymap; entries that do not fit are left off whole. */
export const HintBar = memo(function HintBar({ width, scopes }: HintBarProps) {
  const { messages, glyphs, readOnly } = useContext(DisplayContext);
  let text = '';
  for (const entry of hintEntries(messages, glyphs, readOnly, scopes)) {
    const next = text === '' ? entry : `${text}  ${entry}`;
    if (cellWidth(next) > width) break;
    text = next;
  }
  return <Text wrap="truncate-end">{text}</Text>;
});
