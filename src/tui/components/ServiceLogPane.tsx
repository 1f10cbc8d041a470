import { useContext, useMemo } from 'react';
import type { SnapshotSource } from '../../pm2-bridge/types.js';
import { DisplayContext } from '../display/display-context.js';
import { useLogLayer } from '../hooks/use-log-layer.js';
import { useLogSources } from '../hooks/use-log-sources.js';
import type { Messages } from '../../i18n/messages.js';
import { HISTORY_CHOICES, type HistoryChoice } from '../logs/history-depth.js';
import { logViewRows, matchingSeqs } from '../logs/log-view.js';
import { paneLines, type LogPaneSources } from '../logs/pane-lines.js';
import type { LogOptions, LogView, UiState } from '../state/ui-state.js';
import { LogPane } from './LogPane.js';

export interface ServiceLogPaneProps {
  source: SnapshotSource;
  /** The services whose lines are shown (none: nothing selected; more than one: merged, named on each line). */
  sources: LogPaneSources;
  title: string;
  view: LogView;
  options: LogOptions;
  /** The history depth chosen with `H` (logs/history-depth.ts), null: the default. */
  history: number | null;
  search: UiState['search'];
  width: number;
  /** Rows, the title included. */
  height: number;
  focused: boolean;
}

const none: LogPaneSources = { pmIds: [], labels: [] };

function historyNote(choice: HistoryChoice, m: Messages['logs']): string {
  if ('lines' in choice) return m.historyLines(choice.lines);
  return choice.since === 'hour' ? m.historySinceHour : m.historySinceToday;
}

/**
 * The log pane, subscribed to its services' lines only: a new line renders this pane and nothing else. Behind the
 * cell-diff writer the body is a screen layer with its own subscription, and React hears of new lines only while
 * the view is paused or a search is on (the title counts newer lines and matches).
 */
export function ServiceLogPane({ source, sources, title, view, options, history, search, width, height, focused }: ServiceLogPaneProps) {
  const { messages, glyphs } = useContext(DisplayContext);
  const m = messages.logs;
  const needle = search.editing ? '' : search.text.toLowerCase();
  const room = Math.max(0, height - 1);
  const labels = useMemo(() => ({ ellipsis: glyphs.ellipsis, cut: m.cut }), [glyphs.ellipsis, m.cut]);
  const viewOptions = useMemo(
    () => ({ wrap: options.wrap, timestamps: options.timestamps, search: needle, cursorSeq: search.cursorSeq, view, labels }),
    [options.wrap, options.timestamps, needle, search.cursorSeq, view, labels],
  );
  const layerRef = useLogLayer({ source, sources, stderrOnly: options.stderrOnly, view: viewOptions, width, room });
  const buffers = useLogSources(source, layerRef !== null && view.follow && needle === '' ? none.pmIds : sources.pmIds);
  const lines = useMemo(
    () => paneLines(buffers.map((lines, i) => ({ source: sources.labels[i]!, lines })), options.stderrOnly),
    [buffers, sources.labels, options.stderrOnly],
  );
  // Counted only while a search is on: no per-frame work otherwise.
  const matches = useMemo(() => (needle === '' ? [] : matchingSeqs(lines, needle)), [lines, needle]);
  const result = useMemo(() => logViewRows(lines, viewOptions, width, room), [lines, viewOptions, width, room]);
  const notes = [
    view.follow ? m.following : `${m.paused}${result.newerHidden > 0 ? ` +${result.newerHidden}` : ''}`,
    needle !== '' ? m.matches(search.text, search.cursorSeq === null ? 0 : matches.indexOf(search.cursorSeq) + 1, matches.length) : null,
    options.wrap ? m.wrapOn : null,
    options.timestamps ? null : m.timestampsOff,
    options.stderrOnly ? m.stderrOnly : null,
    history === null ? null : historyNote(HISTORY_CHOICES[history]!, m),
  ].filter((note) => note !== null);
  return (
    <LogPane title={title} note={notes.join(' ')} rows={result.rows} empty={m.empty} width={width} height={height} focused={focused} layerRef={layerRef ?? undefined} />
  );
}
