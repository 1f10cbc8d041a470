// The bridge composition: the store's Bridge plus the insights model's source and runner, closed together.
import type { Bridge, CustomActionRunner, InsightsSource } from '../types.js';
import type { InsightsModel } from './insights-model.js';

export function withInsights<B extends Bridge>(store: B, insights: InsightsModel): B & InsightsSource & CustomActionRunner {
  return {
    ...store,
    getInsights: () => insights.getInsights(),
    historyOf: (key) => insights.historyOf(key),
    subscribeInsights: (listener) => insights.subscribeInsights(listener),
    runCustomAction: (target, action, param) => insights.runCustomAction(target, action, param),
    async close() {
      insights.close();
      await store.close();
    },
  };
}
