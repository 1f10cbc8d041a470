import { Box, Text } from 'ink';
import { useContext } from 'react';
import { DisplayContext } from '../display/display-context.js';
import { truncateCells } from '../format/truncate-cells.js';
import { helpLines, type HelpLine } from '../keys/help-lines.js';
import { keyHint } from '../keys/key-hint.js';
import type { Messages } from '../../i18n/messages.js';
import type { Glyphs } from '../format/glyphs.js';
import { TitleRule } from './TitleRule.js';
import { Toned } from './Toned.js';

/** Narrowest column the help flows into: keys and a label read whole at 80 columns in two columns. */
const MIN_COLUMN = 38;

export interface HelpPages {
  columns: HelpLine[][];
  columnWidth: number;
  /** How far `scroll` can go: the columns that do not fit. */
  maxScroll: number;
}

/** The help lines flowed into columns of `room` rows; as many as fit the width show, from column `scroll` on. */
export function helpPages(messages: Messages, glyphs: Glyphs, readOnly: boolean, width: number, height: number, scroll: number): HelpPages {
  const top = [
    ...(readOnly ? [{ text: messages.help.readOnly, heading: false, disabled: false }] : []),
    { text: messages.help.unseen(glyphs.unseen), heading: false, disabled: false },
  ];
  const all = [...top, ...helpLines(messages, glyphs, readOnly)];
  const room = Math.max(1, height - 1);
  const fit = Math.max(1, Math.floor(width / MIN_COLUMN));
  const count = Math.ceil(all.length / room);
  const columns = Array.from({ length: count }, (_, index) => all.slice(index * room, (index + 1) * room));
  const maxScroll = Math.max(0, count - fit);
  const first = Math.min(scroll, maxScroll);
  const shown = columns.slice(first, first + fit);
  return { columns: shown, columnWidth: Math.floor(width / Math.max(1, Math.min(fit, count))), maxScroll };
}

export interface HelpOverlayProps {
  width: number;
  height: number;
  scroll: number;
}

/** Every key, from the keymap, flowed into columns; j/k move on by a column when they do not all fit. */
export function HelpOverlay({ width, height, scroll }: HelpOverlayProps) {
  const { messages, glyphs, readOnly } = useContext(DisplayContext);
  const pages = helpPages(messages, glyphs, readOnly, width, height, scroll);
  const note = [pages.maxScroll > 0 ? keyHint('helpDown', messages, glyphs) : null, keyHint('helpClose', messages, glyphs)].filter((n) => n !== null).join('  ');
  return (
    <Box flexDirection="column" height={height} width={width} overflowY="hidden">
      <TitleRule title={messages.help.title} note={note} width={width} active />
      <Box height={Math.max(1, height - 1)}>
        {pages.columns.map((column, index) => (
          <Box key={index} flexDirection="column" width={pages.columnWidth}>
            {column.map((line, row) => (
              <Text key={row} wrap="truncate-end">
                <Toned tone={line.heading ? 'cyan' : line.disabled ? 'gray' : null} bold={line.heading}>
                  {truncateCells(line.disabled ? `${line.text} (-)` : line.text, pages.columnWidth - 1, glyphs.ellipsis)}
                </Toned>
              </Text>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
