import { Box, Text } from 'ink';
import { memo, useContext } from 'react';
import type { DetailRow } from '../detail/detail-rows.js';
import { DisplayContext } from '../display/display-context.js';
import { truncateCells } from '../format/truncate-cells.js';
import { TitleRule } from './TitleRule.js';
import { Toned } from './Toned.js';

export interface DetailPaneProps {
  title: string;
  /** Every row of the selected service's details, already wrapped to `width` (detailRows). */
  rows: readonly DetailRow[];
  /** Rows scrolled past at the top (clamped here to what the rows allow). */
  scroll: number;
  width: number;
  /** Rows, the title included. */
  height: number;
  focused: boolean;
}

/** Rows of the detail pane that fit below its title, and the first one. */
export function detailWindow(total: number, scroll: number, height: number): { first: number; room: number } {
  const room = Math.max(0, height - 1);
  return { first: Math.max(0, Math.min(scroll, total - room)), room };
}

/**
 * Everything about the selected service that the table has no room for, most useful first. It scrolls (focus it
 * with Tab, then j/k or PgUp/PgDn); the title says which rows show when they do not all fit.
 */
export const DetailPane = memo(function DetailPane({ title, rows, scroll, width, height, focused }: DetailPaneProps) {
  const { messages, glyphs } = useContext(DisplayContext);
  const { first, room } = detailWindow(rows.length, scroll, height);
  const shown = rows.slice(first, first + room);
  const note = rows.length > room ? messages.detail.scrolled(first + 1, first + shown.length, rows.length) : undefined;
  return (
    <Box flexDirection="column" height={height} width={width} overflowY="hidden">
      <TitleRule title={title} note={note} width={width} active={focused} />
      {shown.map((row, index) => (
        <Text key={index} wrap="truncate-end">
          <Toned tone={row.tone}>{truncateCells(row.text, width, glyphs.ellipsis)}</Toned>
        </Text>
      ))}
    </Box>
  );
});
