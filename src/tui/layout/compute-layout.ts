import { MIN_COLUMNS, MIN_ROWS } from './minimum-size.js';

export interface LayoutInput {
  width: number;
  height: number;
  serviceCount: number;
  bannerLines: number;
  detailExpanded: boolean;
}

export interface Layout {
  tooSmall: boolean;
  header: number;
  banner: number;
  /** The table, its column header row included. */
  table: number;
  /** The detail and log panes, each with its title row. Side by side when `sideBySide`, else stacked. */
  detail: number;
  logs: number;
  sideBySide: boolean;
  detailWidth: number;
  logWidth: number;
  /** The status line (notices, filter, the confirm question) and the hint bar. */
  status: number;
  hints: number;
}

const WIDE = 120;

/**
 * Splits a frame `height` rows tall among the panes. The parts always add up to exactly `height`, so the frame
 * never grows past it (Ink clears the whole screen when a frame reaches the terminal's rows).
 */
export function computeLayout(input: LayoutInput): Layout {
  const { width, height } = input;
  const none = { header: 0, banner: 0, table: 0, detail: 0, logs: 0, status: 0, hints: 0 };
  if (width < MIN_COLUMNS || height < MIN_ROWS) {
    return { ...none, tooSmall: true, sideBySide: false, detailWidth: width, logWidth: width };
  }
  const header = 1;
  const status = 1;
  const hints = 1;
  const banner = Math.min(input.bannerLines, 2);
  const middle = height - header - banner - status - hints;
  const tableCap = Math.max(3, Math.floor(middle * 0.45));
  const table = Math.min(Math.max(input.serviceCount + 1, 2), tableCap);
  const rest = middle - table;
  const sideBySide = width >= WIDE && !input.detailExpanded;
  let detail: number;
  let logs: number;
  if (input.detailExpanded) {
    detail = rest;
    logs = 0;
  } else if (sideBySide) {
    detail = rest;
    logs = rest;
  } else {
    detail = Math.max(2, Math.min(7, Math.floor(rest * 0.45)));
    logs = rest - detail;
  }
  const detailWidth = sideBySide ? Math.floor(width * 0.42) : width;
  const logWidth = sideBySide ? width - detailWidth - 1 : width;
  return { tooSmall: false, header, banner, table, detail, logs, sideBySide, detailWidth, logWidth, status, hints };
}
