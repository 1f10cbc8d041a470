// The table's view of the list: the services the filter lets through, their rows in order, the selected row. Pure;
// hooks/use-table-view.ts memoizes it piece by piece for the monitor, and the start screen (src/cli/start-list.ts)
// works out the first frame's with the same functions before Ink loads.
import type { Service } from '../../pm2-bridge/types.js';
import { selectVisibleServices } from '../state/select-visible-services.js';
import type { UiState } from '../state/ui-state.js';
import type { SortOrder } from './sort-order.js';
import { resolveSelectedRow, tableRows, type TableRow } from './table-rows.js';

export interface TableView {
  /** The services the filter lets through, their rows in order, the selected row (-1 / null: none). */
  visible: readonly Service[];
  rows: readonly TableRow[];
  selectedIndex: number;
  selectedRow: TableRow | null;
  /** The service the detail pane shows: the row's own, or an app's first online instance (else its first). */
  selected: Service | null;
}

export type TableViewState = Pick<UiState, 'filter' | 'sort' | 'expanded' | 'selectedKey' | 'selectedHint'>;

/** The clock the row order counts with: only a sort by uptime needs it (other orders are not redone each second). */
export function sortClock(sort: SortOrder, at: number): number {
  return sort.key === 'uptime' ? at : 0;
}

function detailServiceOf(row: TableRow | null): Service | null {
  if (row === null || row.kind === 'namespace') return null;
  return row.kind === 'service' ? row.service : (row.services.find((s) => s.status === 'online') ?? row.services[0] ?? null);
}

/** The view of `rows` (made from `visible`) with the selection pinned to what is shown (resolveSelectedRow). */
export function selectionView(visible: readonly Service[], rows: readonly TableRow[], ui: Pick<TableViewState, 'selectedKey' | 'selectedHint'>): TableView {
  const selectedIndex = resolveSelectedRow(ui.selectedKey, rows, ui.selectedHint);
  const selectedRow = selectedIndex === -1 ? null : rows[selectedIndex]!;
  return { visible, rows, selectedIndex, selectedRow, selected: detailServiceOf(selectedRow) };
}

/** The whole view at once. `at`: the clock in whole seconds. */
export function tableView(services: readonly Service[], ui: TableViewState, at: number): TableView {
  const visible = selectVisibleServices(services, ui.filter.text);
  return selectionView(visible, tableRows(visible, ui.sort, ui.expanded, sortClock(ui.sort, at)), ui);
}
