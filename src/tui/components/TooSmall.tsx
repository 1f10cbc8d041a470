import { Box, Text } from 'ink';
import { useContext } from 'react';
import { DisplayContext } from '../display/display-context.js';
import { keyHint } from '../keys/key-hint.js';
import { MIN_COLUMNS, MIN_ROWS } from '../layout/minimum-size.js';
import { Toned } from './Toned.js';

export interface TooSmallProps {
  width: number;
  height: number;
  /** Terminal rows the frame leaves unused (the frame is rows-1 without the cell-diff writer): the message speaks in terminal rows. */
  spareRows: number;
}

/** Shown instead of the monitor below the minimum size; wraps so the whole sentence stays readable. */
export function TooSmall({ width, height, spareRows }: TooSmallProps) {
  const { messages, glyphs } = useContext(DisplayContext);
  return (
    <Box width={width} height={height} overflow="hidden">
      <Text wrap="wrap">
        <Toned tone="yellow" bold>
          {messages.tooSmall(width, height + spareRows, MIN_COLUMNS, MIN_ROWS + spareRows, keyHint('quit', messages, glyphs))}
        </Toned>
      </Text>
    </Box>
  );
}
