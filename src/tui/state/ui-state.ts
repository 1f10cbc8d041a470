import type { ActionResult, ActionTarget, ServiceAction } from '../../pm2-bridge/types.js';
import type { ConfigProblem } from '../config/monitor-config.js';
import type { SourcedLine } from '../logs/log-view.js';
import type { ColumnId } from '../table/column-id.js';
import { DEFAULT_SORT, type SortOrder } from '../table/sort-order.js';

/** The pane that takes the arrow keys; Tab goes table, logs, details (panes not on screen are skipped). */
export type Focus = 'table' | 'logs' | 'detail';

/** Following shows the newest lines; paused keeps the line with `anchorSeq` (or the one before it) at the bottom. */
export type LogView = { follow: true } | { follow: false; anchorSeq: number };

/** One process an action goes to, and its name as the operator saw it (`api#1`). */
export interface TargetEntry {
  target: ActionTarget;
  label: string;
}

export interface PendingConfirm {
  action: ServiceAction;
  /** The very processes the question is about, in table order; the action goes to them or to nothing. */
  targets: readonly TargetEntry[];
}

export interface TargetOutcomeNotice {
  label: string;
  result: ActionResult;
}

/** What the status line says. Language-neutral: the StatusBar turns it into words. */
export type Notice =
  | { kind: 'running'; action: ServiceAction; labels: readonly string[]; done: number }
  | { kind: 'cancelled'; action: ServiceAction; labels: readonly string[] }
  | { kind: 'finished'; action: ServiceAction; outcomes: readonly TargetOutcomeNotice[] }
  | { kind: 'readOnly' }
  | { kind: 'noSelection' }
  | { kind: 'logSaved'; path: string }
  | { kind: 'logSaveFailed'; message: string }
  | { kind: 'noMatch'; text: string }
  | { kind: 'configProblem'; problem: ConfigProblem }
  | { kind: 'configSaveFailed'; message: string };

/** How the log pane shows its lines (t, w, m, ! in the log pane). */
export interface LogOptions {
  wrap: boolean;
  timestamps: boolean;
  /** All shown services in one view, the name on each line. */
  merged: boolean;
  stderrOnly: boolean;
}

/** Everything the screen remembers between snapshots. Service data itself lives in the bridge's snapshot. */
export interface UiState {
  /** The selected row by key (table-rows.ts), so it survives sorting; when that row goes, the nearest one is shown. */
  selectedKey: string | null;
  /** The row it was last seen at: where a neighbour is looked for when it has gone. */
  selectedHint: number;
  focus: Focus;
  log: LogView;
  logOptions: LogOptions;
  /** How far back the log pane's history was read (`H`): an index in logs/history-depth.ts, null for the default. */
  logHistory: number | null;
  /** The log search (`/` in the log pane): its text, whether it is being typed, and the line it landed on. */
  search: { text: string; editing: boolean; cursorSeq: number | null };
  /** A log line opened whole, and how far down it is scrolled. */
  lineView: { line: SourcedLine; scroll: number } | null;
  filter: { text: string; editing: boolean };
  sort: SortOrder;
  /** Keys of cluster apps shown with their instances under them (folded otherwise). */
  expanded: ReadonlySet<string>;
  /** Marked services by pm_id; actions go to the marked ones that are shown, else to the selected row. */
  marks: ReadonlySet<number>;
  hiddenColumns: ReadonlySet<ColumnId>;
  /** The column chooser is open. */
  columnsOpen: boolean;
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
  selectedKey: null,
  selectedHint: 0,
  focus: 'table',
  log: { follow: true },
  logOptions: { wrap: false, timestamps: true, merged: false, stderrOnly: false },
  logHistory: null,
  search: { text: '', editing: false, cursorSeq: null },
  lineView: null,
  filter: { text: '', editing: false },
  sort: DEFAULT_SORT,
  expanded: new Set(),
  marks: new Set(),
  hiddenColumns: new Set(),
  columnsOpen: false,
  confirm: null,
  helpOpen: false,
  helpScroll: 0,
  detailExpanded: false,
  detailScroll: 0,
  envExpanded: false,
  notice: null,
};
