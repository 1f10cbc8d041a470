import type { SnapshotSource } from '../pm2-bridge/types.js';

/**
 * Resolves `settleMs` after the list first has something to show (services, or the word that there is no daemon or
 * that the list failed), or after `latestMs` whatever it shows: for start-up work the first frame does not need
 * (the agent's history), so it does not compete with that frame for the one thread.
 */
export function whenListShown(source: Pick<SnapshotSource, 'getList' | 'subscribeList'>, settleMs: number, latestMs: number): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      unsubscribe();
      clearTimeout(latest);
      setTimeout(resolve, settleMs).unref();
    };
    const shown = () => {
      const { connection, services } = source.getList();
      return services.length > 0 || connection.kind === 'no-daemon' || connection.kind === 'load-failed';
    };
    const unsubscribe = source.subscribeList(() => {
      if (shown()) finish();
    });
    const latest = setTimeout(finish, latestMs);
    latest.unref();
    if (shown()) finish();
  });
}
