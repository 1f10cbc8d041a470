import { Box, Text } from 'ink';
import { useContext } from 'react';
import type { ConnectionState, Diagnostic } from '../../pm2-bridge/types.js';
import { DisplayContext } from '../display/display-context.js';
import { bannerLines } from '../layout/banner-lines.js';
import { truncateCells } from '../format/truncate-cells.js';
import { Toned } from './Toned.js';

export interface ConnectionBannerProps {
  connection: ConnectionState;
  /** Setup-wide findings: the daemon-down one says how to start PM2 again. */
  diagnostics: readonly Diagnostic[];
  width: number;
  height: number;
}

/** Says why the table may be empty or old (no daemon, connecting, load failed) and what to do; the table stays. */
export function ConnectionBanner({ connection, diagnostics, width, height }: ConnectionBannerProps) {
  const { messages, glyphs, pm2 } = useContext(DisplayContext);
  const lines = bannerLines(connection, messages, { live: true, diagnostics, pm2 }).slice(0, height);
  const tone = connection.kind === 'connecting' ? 'yellow' : 'red';
  return (
    <Box flexDirection="column" height={height} width={width}>
      {lines.map((line, index) => (
        <Text key={index} wrap="truncate-end">
          <Toned tone={index === 0 ? tone : null} bold={index === 0}>
            {truncateCells(line, width, glyphs.ellipsis)}
          </Toned>
        </Text>
      ))}
    </Box>
  );
}
