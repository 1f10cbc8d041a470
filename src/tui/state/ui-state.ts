import type { ActionResult, ServiceAction } from '../../pm2-bridge/types.js';

export type Focus = 'table' | 'logs';

/** Following shows the newest lines; paused keeps the line with `anchorSeq` (or the one before it) at the bottom. */
export type LogView = { follow: true } | { follow: false; anchorSeq: number };

export interface PendingConfirm {
  action: ServiceAction;
  pmId: number;
  name: string;
}

/** What the status line says. Language-neutral: the StatusBar turns it into words. */
export type Notice =
  | { kind: 'running' | 'cancelled'; action: ServiceAction; name: string }
  | { kind: 'finished'; action: ServiceAction; name: string; result: ActionResult }
  | { kind: 'readOnly' }
  | { kind: 'noSelection' };

/** Everything the screen remembers between snapshots. Service data itself lives in the bridge's snapshot. */
export interface UiState {
  /** By pm_id, so it survives reordering; when that service goes away the neighbour is shown (see selectors). */
  selectedPmId: number | null;
  focus: Focus;
  log: LogView;
  filter: { text: string; editing: boolean };
  confirm: PendingConfirm | null;
  helpOpen: boolean;
  /** The detail pane takes the log pane's room. */
  detailExpanded: boolean;
  notice: Notice | null;
}

export const initialUiState: UiState = {
  selectedPmId: null,
  focus: 'table',
  log: { follow: true },
  filter: { text: '', editing: false },
  confirm: null,
  helpOpen: false,
  detailExpanded: false,
  notice: null,
};
