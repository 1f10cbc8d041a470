import { Box, Text } from 'ink';
import { memo, useContext } from 'react';
import type { Diagnostic, Service } from '../../pm2-bridge/types.js';
import { detailLines } from '../detail/detail-lines.js';
import { DisplayContext } from '../display/display-context.js';
import { truncateCells } from '../format/truncate-cells.js';
import { displayName } from '../table/display-name.js';
import { TitleRule } from './TitleRule.js';
import { Toned } from './Toned.js';

export interface DetailPaneProps {
  service: Service | null;
  setupDiagnostics: readonly Diagnostic[];
  width: number;
  /** Rows, the title included. */
  height: number;
}

/** Everything about the selected service that the table has no room for, most useful first. */
export const DetailPane = memo(function DetailPane({ service, setupDiagnostics, width, height }: DetailPaneProps) {
  const display = useContext(DisplayContext);
  const { messages, glyphs } = display;
  const room = Math.max(0, height - 1);
  const lines = service === null ? [] : detailLines(service, setupDiagnostics, display);
  const shown = lines.length > room ? [...lines.slice(0, room - 1), { label: null, text: messages.detail.more(lines.length - room + 1), tone: null }] : lines;
  return (
    <Box flexDirection="column" height={height} width={width} overflowY="hidden">
      <TitleRule title={service === null ? messages.detail.noService : messages.detail.title(displayName(service))} width={width} />
      {shown.slice(0, room).map((line, index) => (
        <Text key={index} wrap="truncate-end">
          <Toned tone={line.tone}>
            {truncateCells(line.label === null ? `  ${line.text}` : `${line.label}: ${line.text}`, width, glyphs.ellipsis)}
          </Toned>
        </Text>
      ))}
    </Box>
  );
});
