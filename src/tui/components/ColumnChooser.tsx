import { Box, Text } from 'ink';
import { useContext } from 'react';
import { DisplayContext } from '../display/display-context.js';
import { truncateCells } from '../format/truncate-cells.js';
import { HIDEABLE_COLUMNS, type ColumnId } from '../table/column-id.js';
import { TitleRule } from './TitleRule.js';

export interface ColumnChooserProps {
  hidden: ReadonlySet<ColumnId>;
  width: number;
  height: number;
}

/** The columns that can be hidden, numbered for the keys that toggle them, each `[x]` shown or `[ ]` hidden. */
export function ColumnChooser({ hidden, width, height }: ColumnChooserProps) {
  const { messages, glyphs } = useContext(DisplayContext);
  return (
    <Box flexDirection="column" height={height} width={width} overflowY="hidden">
      <TitleRule title={messages.table.columnsTitle} note={messages.table.columnsHint} width={width} active />
      {HIDEABLE_COLUMNS.slice(0, Math.max(0, height - 1)).map((id, index) => (
        <Text key={id} wrap="truncate-end">
          {truncateCells(`  ${index + 1} [${hidden.has(id) ? ' ' : 'x'}] ${messages.columns[id]}`, width, glyphs.ellipsis)}
        </Text>
      ))}
    </Box>
  );
}
