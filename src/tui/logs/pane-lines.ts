import type { LogLine } from '../../pm2-bridge/types.js';
import type { SourcedLine } from './log-view.js';
import { mergeLogs, stderrLines, type LogSource } from './select-log-lines.js';

/** One service's lines as they are; several merged with the name on each line. stderr only when asked. */
export function paneLines(sources: readonly LogSource[], stderrOnly: boolean): readonly SourcedLine[] {
  const lines: readonly SourcedLine[] = sources.length === 1 ? sources[0]!.lines : mergeLogs(sources);
  return stderrOnly ? stderrLines(lines) : lines;
}

/** The services a log pane shows: their pm_ids and names as the table shows them. */
export interface LogPaneSources {
  pmIds: readonly number[];
  labels: readonly string[];
}

export function logSources(sources: LogPaneSources, read: (pmId: number) => readonly LogLine[]): LogSource[] {
  return sources.pmIds.map((pmId, index) => ({ source: sources.labels[index]!, lines: read(pmId) }));
}
