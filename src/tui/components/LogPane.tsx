import { Box, Text, type DOMElement } from 'ink';
import { Fragment, memo, useContext, useMemo, type Ref } from 'react';
import type { LogLine } from '../../pm2-bridge/types.js';
import { DisplayContext } from '../display/display-context.js';
import { logPaneRows } from '../logs/log-pane-rows.js';
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
  /**
   * The body is drawn outside React (a screen layer, use-log-layer.ts): the pane leaves it as an empty box with this
   * ref, where the layer paints, and `lines` matter only for the title.
   */
  layerRef?: Ref<DOMElement>;
}

/**
 * The selected service's log: newest at the bottom, stderr lines red and marked `!`, the time on the first line of
 * each second (logPaneRows). The body is one <Text> (nested spans only) so a busy log costs Ink one text node, not one
 * box per line; or, behind the cell-diff writer, an empty box that a screen layer fills.
 */
export const LogPane = memo(function LogPane({ name, lines, following, newerHidden, width, height, focused, layerRef }: LogPaneProps) {
  const { messages, glyphs } = useContext(DisplayContext);
  const m = messages.logs;
  const labels = useMemo(() => ({ ellipsis: glyphs.ellipsis, cut: m.cut }), [glyphs.ellipsis, m.cut]);
  const note = following ? m.following : `${m.paused}${newerHidden > 0 ? ` +${newerHidden}` : ''}`;
  const room = Math.max(0, height - 1);
  const rows = layerRef === undefined ? logPaneRows(lines, width, room, labels, m.empty) : [];
  return (
    <Box flexDirection="column" height={height} width={width} overflowY="hidden">
      <TitleRule title={name === null ? m.titleNone : m.title(name)} note={note} width={width} active={focused} />
      {room > 0 && layerRef !== undefined ? <Box ref={layerRef} height={room} width={width} /> : null}
      {room > 0 && layerRef === undefined ? (
        <Box height={room} width={width} overflowY="hidden">
          <Text wrap="truncate-end">
            {rows.map((row, index) => (
              <Fragment key={index}>
                {index > 0 ? '\n' : ''}
                {row.tone === null ? row.text : <Toned tone={row.tone}>{row.text}</Toned>}
              </Fragment>
            ))}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
});
