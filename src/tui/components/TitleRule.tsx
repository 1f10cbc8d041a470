import { Text } from 'ink';
import { useContext } from 'react';
import { DisplayContext } from '../display/display-context.js';
import { cellWidth } from '../format/cell-width.js';
import { truncateCells } from '../format/truncate-cells.js';
import { Toned } from './Toned.js';

export interface TitleRuleProps {
  title: string;
  /** Right-hand note, e.g. the follow state. */
  note?: string;
  width: number;
  active?: boolean;
}

/** A pane's one-row title: `── title ───── note ─`. Cheaper than a border box (one row, no side columns). */
export function TitleRule({ title, note, width, active }: TitleRuleProps) {
  const { glyphs } = useContext(DisplayContext);
  // The focused pane's title starts with the selection mark, so focus shows without colour too.
  const lead = active ? `${glyphs.rule}${glyphs.selected}` : `${glyphs.rule}${glyphs.rule}`;
  const head = truncateCells(`${lead} ${title} `, width, glyphs.ellipsis);
  const tail = note === undefined ? '' : ` ${note} ${glyphs.rule}`;
  const room = width - cellWidth(head);
  const fittedTail = cellWidth(tail) <= room ? tail : '';
  const fill = glyphs.rule.repeat(Math.max(0, room - cellWidth(fittedTail)));
  return (
    <Text wrap="truncate-end">
      <Toned tone={active ? 'cyan' : null} bold={active}>
        {head}
      </Toned>
      {fill}
      {fittedTail}
    </Text>
  );
}
