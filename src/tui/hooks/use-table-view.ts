import { useEffect, useMemo } from 'react';
import type { Service } from '../../pm2-bridge/types.js';
import { selectVisibleServices } from '../state/select-visible-services.js';
import type { UiAction } from '../state/ui-action.js';
import type { UiState } from '../state/ui-state.js';
import { tableRows } from '../table/table-rows.js';
import { selectionView, sortClock, type TableView } from '../table/table-view.js';

export type { TableView } from '../table/table-view.js';

/**
 * The table's rows from the list, the filter, the sort and the folding (table/table-view.ts, each part memoized),
 * and the selection pinned to what is shown (a deleted service's neighbour, the app row a folded instance went
 * into). `at`: the clock in whole seconds.
 */
export function useTableView(services: readonly Service[], ui: UiState, at: number, commit: (action: UiAction) => void): TableView {
  const visible = useMemo(() => selectVisibleServices(services, ui.filter.text), [services, ui.filter.text]);
  const clock = sortClock(ui.sort, at);
  const rows = useMemo(() => tableRows(visible, ui.sort, ui.expanded, clock), [visible, ui.sort, ui.expanded, clock]);
  const view = selectionView(visible, rows, ui);
  const { selectedRow, selectedIndex } = view;
  useEffect(() => {
    if (selectedRow !== null && (selectedRow.key !== ui.selectedKey || selectedIndex !== ui.selectedHint)) {
      commit({ type: 'pinSelection', rows });
    }
  }, [rows, selectedRow, selectedIndex, ui.selectedKey, ui.selectedHint, commit]);
  return view;
}
