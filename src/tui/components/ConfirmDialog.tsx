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

/**
 * "notion-mcp を再起動しますか? (y/N)", or for several "次の 3 件を再起動しますか: a, b, c (y/N)": one row in place of
 * the status line, naming how many and which; y runs it, any other key cancels.
 */
export function ConfirmDialog({ confirm, width }: ConfirmDialogProps) {
  const { messages, glyphs } = useContext(DisplayContext);
  const labels = confirm.targets.map((t) => t.label);
  const question =
    labels.length === 1 ? messages.confirm.question(confirm.action, labels[0]!) : messages.confirm.questionMany(confirm.action, labels.length, labels.join(', '));
  return (
    <Text wrap="truncate-end">
      <Toned tone="yellow" bold inverse>
        {truncateCells(`? ${question}`, width, glyphs.ellipsis)}
      </Toned>
    </Text>
  );
}
