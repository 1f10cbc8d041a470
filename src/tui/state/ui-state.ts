import type { ActionResult, ActionTarget, ServiceAction } from '../../pm2-bridge/types.js';

/** The pane that takes the arrow keys; Tab goes table, logs, details (panes not on screen are skipped). */
export type Focus = 'table' | 'logs' | 'detail';

/** Following shows the newest lines; paused keeps the line with `anchorSeq` (or the one before it) at the bottom. */
export type LogView = { follow: true } | { follow: false; anchorSeq: number };

export interface PendingConfirm {
  action: ServiceAction;
  /** The very process the question is about; the action goes to it or to nothing. */
  target: ActionTarget;
  /** As the question shows it (`api#1` for a cluster instance). */
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
  /** Columns the help screen is moved on by, when it has more than fit. */
  helpScroll: number;
  /** The detail pane takes the log pane's room. */
  detailExpanded: boolean;
  /** Rows the detail pane is scrolled down by (0: its top); back to 0 when the selection changes. */
  detailScroll: number;
  /** The env section of the detail pane is open (folded by default: it is mostly the host's environment). */
  envExpanded: boolean;
  notice: Notice | null;
}

export const initialUiState: UiState = {
  selectedPmId: null,
  focus: 'table',
  log: { follow: true },
  filter: { text: '', editing: false },
  confirm: null,
  helpOpen: false,
  helpScroll: 0,
  detailExpanded: false,
  detailScroll: 0,
  envExpanded: false,
  notice: null,
};
