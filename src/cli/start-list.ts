// The list on the start screen: as soon as the bridge has the services, row one and the table's rows as the App's
// first frame draws them, written before Ink has loaded (the monitor's chunk is still compiling then, Yoga's wasm
// loading, React mounting: ~100 ms). Everything comes from the pure pieces the App's hooks use (the start UI state
// from the settings file, the steadied list, the table view, the layout, the table's lines), so Ink's first frame
// draws the same cells over them. This module's chunk holds neither Ink nor React (scripts/build.mjs).
import type { InsightsSource, ListView } from '../pm2-bridge/types.js';
import { configPath, DEFAULT_CONFIG, readMonitorConfig, type ConfigProblem, type MonitorConfig } from '../tui/config/monitor-config.js';
import type { DisplayOptions } from '../tui/display/display-options.js';
import { formatClockTime } from '../tui/format/clock-time.js';
import { bannerLines } from '../tui/layout/banner-lines.js';
import { computeLayout } from '../tui/layout/compute-layout.js';
import { headerRow } from '../tui/layout/header-row.js';
import { screenPanes } from '../tui/layout/screen-panes.js';
import { ShownList } from '../tui/state/shown-list.js';
import { startUiState } from '../tui/state/start-ui-state.js';
import { tableLineSgr } from '../tui/table/table-line-sgr.js';
import { tableLines } from '../tui/table/table-lines.js';
import { tableView } from '../tui/table/table-view.js';
import { trendEndAt, trendTexts } from '../tui/table/trend-cell.js';
import { unseenServices } from '../tui/table/unseen-events.js';
import type { CliArgs } from './cli-args.js';
import type { MonitorSource } from './monitor-source.js';
import { headerRowSgr, type StartScreen } from './start-screen.js';

/** The settings file the monitor starts with: where it is (null with --no-config), what it held, why it was not used. */
export interface MonitorConfigFile {
  path: string | null;
  initial: MonitorConfig;
  problem: ConfigProblem | null;
}

/** Reads the settings file once, for the start screen and the App alike (--no-config: the defaults, nothing written). */
export function readMonitorConfigFile(args: Pick<CliArgs, 'noConfig'>): MonitorConfigFile {
  const path = args.noConfig ? null : configPath();
  const read = path === null ? { config: DEFAULT_CONFIG, problem: null } : readMonitorConfig(path);
  return { path, initial: read.config, problem: read.problem };
}

export interface StartListInput {
  list: ListView;
  /** The local bridge's insights (trend column, unseen marks); null when watching remote hosts. */
  insights: Pick<InsightsSource, 'historyOf' | 'getInsights'> | null;
  config: MonitorConfigFile;
  display: Pick<DisplayOptions, 'messages' | 'glyphs' | 'readOnly' | 'color' | 'ascii' | 'pm2'>;
  columns: number;
  rows: number;
  /** Epoch ms. */
  now: number;
}

/**
 * Row one and the table's lines of the App's first frame for `list`, as terminal text over the start screen (which
 * holds row one alone below a cleared screen); null when that frame shows no rows: no services yet, or a terminal
 * too small for the monitor.
 */
export function startListText({ list, insights, config, display, columns, rows, now }: StartListInput): string | null {
  const shown = new ShownList(() => list).read();
  if (shown.services.length === 0) return null;
  const { messages, glyphs, color } = display;
  const ui = startUiState(config);
  const at = Math.floor(now / 1000) * 1000;
  const table = tableView(shown.services, ui, at);
  const banner = bannerLines(shown.connection, messages, { live: true, diagnostics: shown.diagnostics, pm2: display.pm2 });
  const layout = computeLayout({ width: columns, height: Math.max(1, rows), serviceCount: table.rows.length, bannerLines: banner.length, detailExpanded: ui.detailExpanded });
  if (layout.tooSmall) return null;
  const looking = new Set(table.selectedRow?.services.map((s) => s.pmId) ?? []);
  const lines = tableLines({
    rows: table.rows,
    selectedIndex: table.selectedIndex,
    marks: ui.marks,
    unseen: insights === null ? new Set() : unseenServices(insights.getInsights(), new Map(), looking),
    trend: insights === null ? undefined : trendTexts(insights, trendEndAt(at), display.ascii),
    sort: ui.sort,
    hidden: ui.hiddenColumns,
    width: columns,
    height: layout.table,
    now: at,
    emptyText: messages.table.noServices(display.pm2),
    focused: screenPanes(layout, ui.focus).focus === 'table',
    messages,
    glyphs,
    color,
  });
  const header = headerRow({ connection: shown.connection, serviceCount: shown.services.length, shownCount: null, width: columns, clock: formatClockTime(now), ...display });
  const top = layout.header + layout.banner;
  // Row one erased before it is drawn again (an erase after a row as wide as the screen would take its last cell).
  return `\u001B[H\u001B[K${headerRowSgr(header, color)}${lines.map((line, i) => `\u001B[${top + i + 1}H${tableLineSgr(line, color)}`).join('')}`;
}

/**
 * Draws the list on the start screen the first time the source has services (once: Ink draws what comes after),
 * and from then holds the keys for Ink (StartScreen.holdKeys). Returns the function that stops waiting for the
 * list: call it before the screen is handed over.
 */
export function drawListOnStartScreen(
  screen: StartScreen,
  { bridge, local }: MonitorSource,
  config: MonitorConfigFile,
  display: StartListInput['display'],
  terminal: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream },
): () => void {
  const { stdin, stdout } = terminal;
  let stop = () => {};
  const draw = () => {
    const list = bridge.getList();
    if (list.services.length === 0) return;
    stop();
    const text = startListText({ list, insights: local, config, display, columns: stdout.columns, rows: stdout.rows, now: Date.now() });
    if (text === null) return;
    screen.draw(text);
    screen.holdKeys(stdin);
  };
  stop = bridge.subscribeList(draw);
  draw();
  return () => stop();
}
