import { useEffect, useMemo } from 'react';
import type { Service } from '../../pm2-bridge/types.js';
import { selectVisibleServices } from '../state/select-visible-services.js';
import type { UiAction } from '../state/ui-action.js';
import type { UiState } from '../state/ui-state.js';
import { resolveSelectedRow, tableRows, type TableRow } from '../table/table-rows.js';

export interface TableView {
  /** The services the filter lets through, their rows in order, the selected row (-1 / null: none). */
  visible: readonly Service[];
  rows: readonly TableRow[];
  selectedIndex: number;
  selectedRow: TableRow | null;
  /** The service the detail pane shows: the row's own, or an app's first online instance (else its first). */
  selected: Service | null;
}

function detailServiceOf(row: TableRow | null): Service | null {
  if (row === null || row.kind === 'namespace') return null;
  return row.kind === 'service' ? row.service : (row.services.find((s) => s.status === 'online') ?? row.services[0] ?? null);
}

/**
 * The table's rows from the list, the filter, the sort and the folding, and the selection pinned to what is shown
 * (a deleted service's neighbour, the app row a folded instance went into). `at`: the clock in whole seconds.
 */
export function useTableView(services: readonly Service[], ui: UiState, at: number, commit: (action: UiAction) => void): TableView {
  const visible = useMemo(() => selectVisibleServices(services, ui.filter.text), [services, ui.filter.text]);
  // Only a sort by uptime needs the clock: other orders are not recomputed every second.
  const sortClock = ui.sort.key === 'uptime' ? at : 0;
  const rows = useMemo(() => tableRows(visible, ui.sort, ui.expanded, sortClock), [visible, ui.sort, ui.expanded, sortClock]);
  const selectedIndex = resolveSelectedRow(ui.selectedKey, rows, ui.selectedHint);
  const selectedRow = selectedIndex === -1 ? null : rows[selectedIndex]!;
  useEffect(() => {
    if (selectedRow !== null && (selectedRow.key !== ui.selectedKey || selectedIndex !== ui.selectedHint)) {
      commit({ type: 'pinSelection', rows });
    }
  }, [rows, selectedRow, selectedIndex, ui.selectedKey, ui.selectedHint, commit]);
  return { visible, rows, selectedIndex, selectedRow, selected: detailServiceOf(selectedRow) };
}
