import type { ActionResult, ActionTarget, ServiceAction, ServiceActions } from '../../pm2-bridge/types.js';

export interface TargetOutcome {
  target: ActionTarget;
  /** As the operator saw it (`api#1`). */
  label: string;
  result: ActionResult;
}

/**
 * Runs one action on each target in turn, never two at a time: a reload of a cluster app's instances then takes
 * one worker away at a time, and each outcome is reported on its own. `onEach` hears each outcome as it lands.
 */
export async function runBulkAction(
  actions: Pick<ServiceActions, 'run'>,
  action: ServiceAction,
  targets: readonly { target: ActionTarget; label: string }[],
  onEach: (outcome: TargetOutcome) => void = () => undefined,
): Promise<TargetOutcome[]> {
  const outcomes: TargetOutcome[] = [];
  for (const { target, label } of targets) {
    const result = await actions
      .run(action, target)
      .catch((error: unknown): ActionResult => ({ ok: false, error: { code: 'pm2-refused', params: { message: String(error) } } }));
    const outcome = { target, label, result };
    outcomes.push(outcome);
    onEach(outcome);
  }
  return outcomes;
}
