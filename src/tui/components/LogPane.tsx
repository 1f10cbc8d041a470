import { Box, Text, type DOMElement } from 'ink';
import { Fragment, memo, useContext, type Ref } from 'react';
import { DisplayContext } from '../display/display-context.js';
import type { LogRow } from '../logs/log-view.js';
import { TitleRule } from './TitleRule.js';
import { Toned } from './Toned.js';

export interface LogPaneProps {
  title: string;
  /** Said at the right of the title: following or paused, the search's place, the view options that are on. */
  note: string;
  /** From the log view model (logs/log-view.ts), oldest first; at most height-1. */
  rows: readonly LogRow[];
  /** Shown when there are no rows. */
  empty: string;
  width: number;
  /** Rows, the title included. */
  height: number;
  focused: boolean;
  /**
   * The body is drawn outside React (a screen layer, use-log-layer.ts): the pane leaves it as an empty box with this
   * ref, where the layer paints, and `rows` are not drawn.
   */
  layerRef?: Ref<DOMElement>;
}

/**
 * Draws the log view model's rows: stderr rows red (and marked `!` by the model, so they read without colour),
 * search matches inverse (and their lines marked `*`/`>`). The body is one <Text> (nested spans only) so a busy log
 * costs Ink one text node, not one box per line; or, behind the cell-diff writer, an empty box a screen layer fills.
 */
export const LogPane = memo(function LogPane({ title, note, rows, empty, width, height, focused, layerRef }: LogPaneProps) {
  const { color } = useContext(DisplayContext);
  const room = Math.max(0, height - 1);
  return (
    <Box flexDirection="column" height={height} width={width} overflowY="hidden">
      <TitleRule title={title} note={note} width={width} active={focused} />
      {room > 0 && layerRef !== undefined ? <Box ref={layerRef} height={room} width={width} /> : null}
      {room > 0 && layerRef === undefined ? (
        <Box height={room} width={width} overflowY="hidden">
          <Text wrap="truncate-end">
            {rows.length === 0
              ? empty
              : rows.slice(-room).map((row, index) => (
                  <Fragment key={row.key}>
                    {index > 0 ? '\n' : ''}
                    {row.segments.map((segment, i) =>
                      segment.kind === 'match' && color ? (
                        <Text key={i} inverse>
                          {segment.text}
                        </Text>
                      ) : row.stream === 'err' ? (
                        <Toned key={i} tone="red">
                          {segment.text}
                        </Toned>
                      ) : (
                        <Fragment key={i}>{segment.text}</Fragment>
                      ),
                    )}
                  </Fragment>
                ))}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
});
