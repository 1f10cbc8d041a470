import { Text } from 'ink';
import { useContext } from 'react';
import { DisplayContext } from '../display/display-context.js';
import type { PendingConfirm } from '../state/ui-state.js';
import { truncateCells } from '../format/truncate-cells.js';
import { Toned } from './Toned.js';

export interface ConfirmDialogProps {
  confirm: PendingConfirm;
  width: number;
}

/** "notion-mcp を再起動しますか? (y/N)": one row in place of the status line; y runs it, any other key cancels. */
export function ConfirmDialog({ confirm, width }: ConfirmDialogProps) {
  const { messages, glyphs } = useContext(DisplayContext);
  return (
    <Text wrap="truncate-end">
      <Toned tone="yellow" bold inverse>
        {truncateCells(`? ${messages.confirm.question(confirm.action, confirm.name)}`, width, glyphs.ellipsis)}
      </Toned>
    </Text>
  );
}
