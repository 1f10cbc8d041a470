// The answer of `gakuco-monit action …` (the one-shot a monitor on another host runs over ssh): one NDJSON record.
import type { ActionResult } from '../pm2-bridge/types.js';
import { STREAM_VERSION } from './records.js';

export interface ActionAnswerRecord {
  type: 'action-result';
  v: number;
  result: ActionResult;
}

export function actionAnswerLine(result: ActionResult): string {
  const record: ActionAnswerRecord = { type: 'action-result', v: STREAM_VERSION, result };
  return `${JSON.stringify(record)}\n`;
}

/** The result in the last action-result line of `stdout`, or null when there is none. */
export function parseActionAnswer(stdout: string): ActionResult | null {
  const lines = stdout.split('\n').filter((line) => line.trim() !== '');
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    try {
      const record = JSON.parse(lines[i]!) as Partial<ActionAnswerRecord>;
      if (record.type !== 'action-result' || record.v !== STREAM_VERSION || typeof record.result !== 'object' || record.result === null) continue;
      const result = record.result as ActionResult;
      if (result.ok === true) return { ok: true };
      if (result.ok === false && typeof result.error?.code === 'string') {
        return { ok: false, error: { code: result.error.code, params: typeof result.error.params === 'object' && result.error.params !== null ? result.error.params : {} } };
      }
    } catch {
      // not a record
    }
  }
  return null;
}
