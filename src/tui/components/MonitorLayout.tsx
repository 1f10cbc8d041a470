import { Box } from 'ink';
import type { ListView, Service, SnapshotSource } from '../../pm2-bridge/types.js';
import type { DisplayOptions } from '../display/display-options.js';
import type { KeyScope } from '../keys/keymap.js';
import type { Layout } from '../layout/compute-layout.js';
import type { DetailPaneContent } from '../hooks/use-detail-pane.js';
import type { LogPane } from '../hooks/use-log-pane.js';
import type { TableView } from '../hooks/use-table-view.js';
import type { ScreenPanes } from '../layout/screen-panes.js';
import { servicesOf } from '../state/select-targets.js';
import type { UiState } from '../state/ui-state.js';
import { ColumnChooser } from './ColumnChooser.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { DetailPane } from './DetailPane.js';
import { HeaderBar } from './HeaderBar.js';
import { HelpOverlay } from './HelpOverlay.js';
import { HintBar } from './HintBar.js';
import { LineView } from './LineView.js';
import { ServiceLogPane } from './ServiceLogPane.js';
import { ServiceTable } from './ServiceTable.js';
import { StatusLine } from './StatusLine.js';

export interface MonitorLayoutProps {
  source: SnapshotSource;
  display: DisplayOptions;
  list: ListView;
  layout: Layout;
  screen: ScreenPanes;
  width: number;
  height: number;
  ui: UiState;
  table: TableView;
  /** Services with an event since last looked at (the table marks them). */
  unseen: ReadonlySet<number>;
  /** The CPU sparkline of a service (the trend column). */
  trend?: (service: Service) => string;
  logPane: LogPane;
  detail: DetailPaneContent;
  /** The active key scopes: the hint bar shows their keys. */
  scopes: readonly KeyScope[];
  /** Epoch ms, whole seconds: when the table's uptimes are counted to. */
  now: number;
  /** The clock the header shows (it ticks by itself). */
  clock: () => number;
}

/** Where each pane goes in the frame: header, banner, table, detail and logs, status line, hint bar. Display only. */
export function MonitorLayout(props: MonitorLayoutProps) {
  const { source, display, list, layout, width, height, ui, table, logPane, detail, now } = props;
  const { focus, middle } = props.screen;
  const { visible, rows, selectedIndex } = table;
  const markedCount = ui.marks.size === 0 ? 0 : servicesOf(rows).filter((s) => ui.marks.has(s.pmId)).length;
  const emptyText = ui.filter.text === '' ? display.messages.table.noServices(display.pm2) : display.messages.filter.noMatch(ui.filter.text);
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      <HeaderBar connection={list.connection} serviceCount={list.services.length} shownCount={ui.filter.text === '' ? null : visible.length} width={width} now={props.clock} />
      {layout.banner > 0 ? <ConnectionBanner connection={list.connection} diagnostics={list.diagnostics} width={width} height={layout.banner} /> : null}
      {ui.helpOpen ? (
        <HelpOverlay width={width} height={middle} scroll={ui.helpScroll} />
      ) : ui.lineView !== null ? (
        <LineView line={ui.lineView.line} rows={logPane.lineRows} name={logPane.title} scroll={ui.lineView.scroll} width={width} height={middle} />
      ) : ui.columnsOpen ? (
        <ColumnChooser hidden={ui.hiddenColumns} width={width} height={middle} />
      ) : (
        <>
          <ServiceTable
            rows={rows}
            selectedIndex={selectedIndex}
            marks={ui.marks}
            unseen={props.unseen}
            trend={props.trend}
            sort={ui.sort}
            hidden={ui.hiddenColumns}
            width={width}
            height={layout.table}
            now={now}
            emptyText={emptyText}
            focused={focus === 'table'}
          />
          <Box flexDirection={layout.sideBySide ? 'row' : 'column'} height={layout.detail + (layout.sideBySide ? 0 : layout.logs)} columnGap={layout.sideBySide ? 1 : 0}>
            <DetailPane title={detail.title} rows={detail.rows} scroll={ui.detailScroll} width={layout.detailWidth} height={layout.detail} focused={focus === 'detail'} />
            {layout.logs > 0 ? (
              <ServiceLogPane
                source={source}
                sources={logPane.sources}
                title={logPane.title}
                view={ui.log}
                options={ui.logOptions}
                history={ui.logHistory}
                search={ui.search}
                width={layout.logWidth}
                height={layout.logs}
                focused={focus === 'logs'}
              />
            ) : null}
          </Box>
        </>
      )}
      <Box height={layout.status}>
        {ui.confirm !== null ? (
          <ConfirmDialog confirm={ui.confirm} width={width} />
        ) : (
          <StatusLine notice={ui.notice} filter={ui.filter} search={ui.search} markedCount={markedCount} width={width} />
        )}
      </Box>
      <Box height={layout.hints}>
        <HintBar width={width} scopes={props.scopes} />
      </Box>
    </Box>
  );
}
