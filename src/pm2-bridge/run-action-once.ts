import { runServiceAction } from './actions.js';
import { connectDaemon } from './client.js';
import type { ActionResult, ActionTarget, ServiceAction } from './types.js';

/**
 * One action as a one-shot command (`gakuco-monit action …`, what a monitor on another host runs over ssh): connect
 * to the daemon in `home` without starting one, check the target's identity and act as the TUI would, disconnect.
 */
export async function runActionOnce(home: string, action: ServiceAction, target: ActionTarget, timeoutMs: number): Promise<ActionResult> {
  const daemon = await connectDaemon(home, Math.min(timeoutMs, 1000));
  try {
    return await runServiceAction(daemon, action, target, timeoutMs);
  } finally {
    daemon?.close();
  }
}
