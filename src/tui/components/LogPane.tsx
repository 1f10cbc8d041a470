import { Box, Text } from 'ink';
import { Fragment, memo, useContext, useMemo } from 'react';
import type { LogLine } from '../../pm2-bridge/types.js';
import { DisplayContext } from '../display/display-context.js';
import { logLineText } from '../logs/log-line-text.js';
import { TitleRule } from './TitleRule.js';
import { Toned } from './Toned.js';

export interface LogPaneProps {
  name: string | null;
  lines: readonly LogLine[];
  following: boolean;
  newerHidden: number;
  width: number;
  /** Rows, the title included. */
  height: number;
  focused: boolean;
}

/**
 * The selected service's log: newest at the bottom, stderr lines red and marked `!`, the time on the first line of
 * each second. The body is one <Text> (nested spans only) so a busy log costs Ink one text node, not one box per line.
 */
export const LogPane = memo(function LogPane({ name, lines, following, newerHidden, width, height, focused }: LogPaneProps) {
  const { messages, glyphs } = useContext(DisplayContext);
  const m = messages.logs;
  const labels = useMemo(() => ({ ellipsis: glyphs.ellipsis, cut: m.cut }), [glyphs.ellipsis, m.cut]);
  const note = following ? m.following : `${m.paused}${newerHidden > 0 ? ` +${newerHidden}` : ''}`;
  const room = Math.max(0, height - 1);
  const shown = room > 0 ? lines.slice(-room) : [];
  // A time shows once per second, on the first line of that second: easier to read under a burst, and rows that
  // keep a blank time column cost no terminal bytes when the burst scrolls past.
  const seconds = shown.map((line) => Math.floor(line.at / 1000));
  return (
    <Box flexDirection="column" height={height} width={width} overflowY="hidden">
      <TitleRule title={name === null ? m.titleNone : m.title(name)} note={note} width={width} active={focused} />
      {room > 0 ? (
        <Box height={room} width={width} overflowY="hidden">
          <Text wrap="truncate-end">
            {lines.length === 0
              ? m.empty
              : shown.map((line, index) => {
                  const text = logLineText(line, width, labels, index === 0 || seconds[index] !== seconds[index - 1]);
                  return (
                    <Fragment key={line.seq}>
                      {index > 0 ? '\n' : ''}
                      {line.stream === 'err' ? <Toned tone="red">{text}</Toned> : text}
                    </Fragment>
                  );
                })}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
});
