import { Box, Text } from 'ink';
import { useContext } from 'react';
import { DisplayContext } from '../display/display-context.js';
import { truncateCells } from '../format/truncate-cells.js';
import { helpLines } from '../keys/help-lines.js';
import { TitleRule } from './TitleRule.js';
import { Toned } from './Toned.js';

export interface HelpOverlayProps {
  width: number;
  height: number;
}

/** Every key, from the keymap, flowed into as many columns as the height needs. */
export function HelpOverlay({ width, height }: HelpOverlayProps) {
  const { lang, messages, glyphs, readOnly } = useContext(DisplayContext);
  const lines = helpLines(lang, messages, glyphs, readOnly);
  const top = readOnly ? [{ text: messages.help.readOnly, heading: false, disabled: false }] : [];
  const all = [...top, ...lines];
  const room = Math.max(1, height - 1);
  const columnCount = Math.ceil(all.length / room);
  const columnWidth = Math.floor(width / columnCount);
  const columns = Array.from({ length: columnCount }, (_, index) => all.slice(index * room, (index + 1) * room));
  return (
    <Box flexDirection="column" height={height} width={width} overflowY="hidden">
      <TitleRule title={messages.help.title} note={messages.help.close} width={width} active />
      <Box height={room}>
        {columns.map((column, index) => (
          <Box key={index} flexDirection="column" width={columnWidth}>
            {column.map((line, row) => (
              <Text key={row} wrap="truncate-end">
                <Toned tone={line.heading ? 'cyan' : line.disabled ? 'gray' : null} bold={line.heading}>
                  {truncateCells(line.disabled ? `${line.text} (-)` : line.text, columnWidth - 1, glyphs.ellipsis)}
                </Toned>
              </Text>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
