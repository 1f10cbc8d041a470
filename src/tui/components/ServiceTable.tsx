import { Box, Text } from 'ink';
import { memo, useContext } from 'react';
import { DisplayContext } from '../display/display-context.js';
import { tableLines, type TableLinesInput } from '../table/table-lines.js';
import { Toned } from './Toned.js';

export type ServiceTableProps = Omit<TableLinesInput, 'messages' | 'glyphs' | 'color'>;

/**
 * The service list: the lines of table/table-lines.ts (the start screen writes the same lines before Ink loads),
 * one Text each, a styled segment a Toned. ink-table cannot be used: it fails to load under Ink 6 and sizes by
 * `.length`.
 */
export const ServiceTable = memo(function ServiceTable(props: ServiceTableProps) {
  const { messages, glyphs, color } = useContext(DisplayContext);
  const lines = tableLines({ ...props, messages, glyphs, color });
  return (
    <Box flexDirection="column" height={props.height} width={props.width} overflowY="hidden">
      {lines.map((line) => (
        <Text key={line.key} wrap="truncate-end">
          {line.segments.map((segment, i) =>
            segment.tone === null && !segment.bold && !segment.inverse ? (
              segment.text
            ) : (
              <Toned key={i} tone={segment.tone} bold={segment.bold} inverse={segment.inverse}>
                {segment.text}
              </Toned>
            ),
          )}
        </Text>
      ))}
    </Box>
  );
});
