import { Box } from 'ink';
import type { ListView, Service, SnapshotSource } from '../../pm2-bridge/types.js';
import type { DetailRow } from '../detail/detail-rows.js';
import type { DisplayOptions } from '../display/display-options.js';
import type { KeyScope } from '../keys/keymap.js';
import type { Layout } from '../layout/compute-layout.js';
import type { LogPaneSources } from '../logs/pane-lines.js';
import type { Focus, UiState } from '../state/ui-state.js';
import type { TableRow } from '../table/table-rows.js';
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
  width: number;
  height: number;
  ui: UiState;
  focus: Focus;
  /** The services the table shows (filtered), their rows and the selected row (-1: none). */
  visible: readonly Service[];
  rows: readonly TableRow[];
  selectedIndex: number;
  /** Services with an event since last looked at (the table marks them). */
  unseen: ReadonlySet<number>;
  /** The CPU sparkline of a service (the trend column). */
  trend?: (service: Service) => string;
  /** What the log pane shows, and its title. */
  logSources: LogPaneSources;
  logTitle: string;
  /** The opened log line's rows (ui.lineView). */
  lineRows: readonly string[];
  /** The active key scopes: the hint bar shows their keys. */
  scopes: readonly KeyScope[];
  /** Marked services among those shown. */
  markedCount: number;
  detailTitle: string;
  detailRows: readonly DetailRow[];
  /** Rows the help screen and the panes between header and status line share. */
  middle: number;
  /** Epoch ms, whole seconds. */
  now: number;
}

/** Where each pane goes in the frame: header, banner, table, detail and logs, status line, hint bar. Display only. */
export function MonitorLayout(props: MonitorLayoutProps) {
  const { source, display, list, layout, width, height, ui, focus, visible, rows, selectedIndex, now } = props;
  const emptyText = ui.filter.text === '' ? display.messages.table.noServices(display.pm2) : display.messages.filter.noMatch(ui.filter.text);
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      <HeaderBar connection={list.connection} serviceCount={list.services.length} shownCount={ui.filter.text === '' ? null : visible.length} width={width} now={now} />
      {layout.banner > 0 ? <ConnectionBanner connection={list.connection} diagnostics={list.diagnostics} width={width} height={layout.banner} /> : null}
      {ui.helpOpen ? (
        <HelpOverlay width={width} height={props.middle} scroll={ui.helpScroll} />
      ) : ui.lineView !== null ? (
        <LineView line={ui.lineView.line} rows={props.lineRows} name={props.logTitle} scroll={ui.lineView.scroll} width={width} height={props.middle} />
      ) : ui.columnsOpen ? (
        <ColumnChooser hidden={ui.hiddenColumns} width={width} height={props.middle} />
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
            <DetailPane title={props.detailTitle} rows={props.detailRows} scroll={ui.detailScroll} width={layout.detailWidth} height={layout.detail} focused={focus === 'detail'} />
            {layout.logs > 0 ? (
              <ServiceLogPane
                source={source}
                sources={props.logSources}
                title={props.logTitle}
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
          <StatusLine notice={ui.notice} filter={ui.filter} search={ui.search} markedCount={props.markedCount} width={width} />
        )}
      </Box>
      <Box height={layout.hints}>
        <HintBar width={width} scopes={props.scopes} />
      </Box>
    </Box>
  );
}
