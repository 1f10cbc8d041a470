// Insights for --json / --once: pm2.log's tail and each service's error log read once, no daemon link needed.
import { join } from 'node:path';
import { redactText, type KnownSecrets } from '../redact.js';
import { sanitizeMultiline } from '../sanitize.js';
import type { Service } from '../types.js';
import { addExceptions } from './exception-groups.js';
import { readErrorLogStacks, readPm2LogTail, sanitizeRecords } from './insights-model.js';
import { emptyTimeline, reduceTimeline, settleTimeline } from './timeline.js';
import type { ExceptionGroup, TimelineEvent } from './types.js';

export interface OnceInsights {
  timeline: readonly TimelineEvent[];
  exceptions: readonly ExceptionGroup[];
}

/**
 * `exactText`: keep the apps' text as it is (for JSON, which escapes it); secrets are masked either way, the apps' own
 * secret env values (`known`) as well as credential-looking text.
 */
export async function readInsightsOnce(
  home: string,
  services: readonly Service[],
  options: { exactText?: boolean; now?: number; known?: KnownSecrets } = {},
): Promise<OnceInsights> {
  const mask = (text: string): string => redactText(text, options.known);
  const clean = (text: string): string => (options.exactText ? mask(text) : sanitizeMultiline(mask(text)));
  const { records } = await readPm2LogTail(join(home, 'pm2.log'), 512 * 1024);
  const timeline = settleTimeline(reduceTimeline(emptyTimeline(), options.exactText ? records : sanitizeRecords(records), 'pm2-log'), options.now ?? Date.now());
  let exceptions: ExceptionGroup[] = [];
  for (const service of services) {
    if (!service.errLogPath) continue;
    exceptions = addExceptions(exceptions, await readErrorLogStacks(service, service.errLogPath, 256 * 1024, clean));
  }
  return { timeline: timeline.events, exceptions };
}
