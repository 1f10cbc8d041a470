import type { ServiceAction } from '../../pm2-bridge/types.js';
import type { SourcedLine } from '../logs/log-view.js';
import type { ColumnId } from '../table/column-id.js';
import type { SortOrder } from '../table/sort-order.js';
import type { TableRow } from '../table/table-rows.js';
import type { Focus, LogOptions, Notice, TargetEntry, TargetOutcomeNotice } from './ui-state.js';

/** Messages the reducer understands. Actions that need the current lists carry them, so the reducer stays pure. */
export type UiAction =
  /** Move the selection by `by` selectable rows within `rows` (the table's rows, in order). */
  | { type: 'move'; by: number; rows: readonly TableRow[] }
  /**
   * The selection pinned to the rows a render showed (a deleted service's neighbour, the app row a folded instance
   * went into). Resolved against the selection the state holds when it is applied, not the render's: a key handled
   * since that render (Esc then j, in one read) is not undone.
   */
  | { type: 'pinSelection'; rows: readonly TableRow[] }
  /** `panes`: the ones on screen, in Tab order. */
  | { type: 'focusNext'; panes: readonly Focus[] }
  /** Scroll the detail pane by `by` rows; `max` is how far it can go (rows - room). */
  | { type: 'scrollDetail'; by: number; max: number }
  | { type: 'toggleEnv' }
  /** Scroll the log pane by `by` lines (negative: back); `seqs` are the pane's lines, `page` the pane height. */
  | { type: 'scrollLog'; by: number; seqs: readonly number[]; page: number }
  | { type: 'followLog' }
  | { type: 'toggleLogOption'; option: keyof LogOptions }
  | { type: 'setLogHistory'; index: number }
  | { type: 'openSearch' }
  | { type: 'typeSearch'; text: string }
  | { type: 'eraseSearch' }
  | { type: 'cancelSearch' }
  /** The search text is applied and lands on `seq` (null: nothing matches). */
  | { type: 'landSearch'; seq: number | null }
  | { type: 'openLine'; line: SourcedLine }
  | { type: 'scrollLine'; by: number; max: number }
  | { type: 'closeLine' }
  | { type: 'openFilter' }
  | { type: 'typeFilter'; text: string }
  | { type: 'eraseFilter' }
  | { type: 'applyFilter' }
  | { type: 'clearFilter' }
  | { type: 'setSort'; sort: SortOrder }
  | { type: 'setExpanded'; key: string; expanded: boolean }
  /** Marks `pmIds` when not all of them are marked, else unmarks them. */
  | { type: 'toggleMarks'; pmIds: readonly number[] }
  | { type: 'markAll'; pmIds: readonly number[] }
  | { type: 'clearMarks' }
  | { type: 'toggleColumn'; column: ColumnId }
  | { type: 'toggleColumns' }
  | { type: 'askConfirm'; action: ServiceAction; targets: readonly TargetEntry[] }
  | { type: 'cancelConfirm' }
  /** The confirmed (or unconfirmed: start, scale up, reset) action starts on `targets`. */
  | { type: 'actionStarted'; action: ServiceAction; targets: readonly TargetEntry[] }
  | { type: 'actionProgress'; action: ServiceAction; labels: readonly string[]; done: number }
  | { type: 'actionFinished'; action: ServiceAction; outcomes: readonly TargetOutcomeNotice[] }
  | { type: 'toggleHelp' }
  | { type: 'scrollHelp'; by: number; max: number }
  | { type: 'closeHelp' }
  | { type: 'toggleDetail' }
  | { type: 'notice'; notice: Notice | null };
