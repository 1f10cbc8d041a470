import { Box, Text } from 'ink';
import { useContext } from 'react';
import { DisplayContext } from '../display/display-context.js';
import { formatClockTime } from '../format/clock-time.js';
import { keyHint } from '../keys/key-hint.js';
import type { SourcedLine } from '../logs/log-view.js';
import { TitleRule } from './TitleRule.js';

export interface LineViewProps {
  line: SourcedLine;
  /** The rows of lineViewRows(line, width). */
  rows: readonly string[];
  /** Name of the service the line came from, when it is not in the line (one service's log). */
  name: string;
  scroll: number;
  width: number;
  height: number;
}

/** One log line whole, wrapped, scrolled with j/k; in place of the table and panes. */
export function LineView({ line, rows, name, scroll, width, height }: LineViewProps) {
  const { messages, glyphs } = useContext(DisplayContext);
  const room = Math.max(1, height - 1);
  const shown = rows.slice(scroll, scroll + room);
  const note = `${scroll + 1}-${scroll + shown.length}/${rows.length}  ${keyHint('lineClose', messages, glyphs)}`;
  return (
    <Box flexDirection="column" height={height} width={width} overflowY="hidden">
      <TitleRule title={messages.logs.lineTitle(line.source ?? name, formatClockTime(line.at))} note={note} width={width} active />
      <Box height={room} flexDirection="column">
        {shown.map((row, i) => (
          <Text key={i} wrap="truncate-end">
            {row}
          </Text>
        ))}
      </Box>
    </Box>
  );
}
