import { useReducer, useState } from 'react';
import type { ConfigProblem, MonitorConfig } from '../config/monitor-config.js';
import { KeyQueue } from '../keys/key-queue.js';
import { uiReducer } from '../state/reducer.js';
import type { UiAction } from '../state/ui-action.js';
import { initialUiState, type UiState } from '../state/ui-state.js';

export interface StartConfig {
  initial: MonitorConfig;
  problem: ConfigProblem | null;
}

function startState(config: StartConfig): UiState {
  return {
    ...initialUiState,
    sort: config.initial.sort,
    hiddenColumns: new Set(config.initial.hiddenColumns),
    notice: config.problem === null ? null : { kind: 'configProblem', problem: config.problem },
  };
}

export interface UiStateHandle {
  ui: UiState;
  /** For key handlers: tells the key queue when the action changes the state (the next key waits for its render). */
  dispatch: (action: UiAction) => void;
  /** For effects: the reducer's dispatch, the key queue not involved. */
  commit: (action: UiAction) => void;
  keyQueue: KeyQueue;
}

/** The UI reducer, started from the settings file, and the key queue that feeds it one key per committed render. */
export function useUiState(config: StartConfig): UiStateHandle {
  const [ui, commit] = useReducer(uiReducer, config, startState);
  const [keyQueue] = useState(() => new KeyQueue());
  // Only an update that changes the state will commit: a no-op (j on the last row) must not make the next key of
  // the same read wait for a render that never comes.
  const dispatch = (action: UiAction) => {
    if (uiReducer(ui, action) !== ui) keyQueue.changed();
    commit(action);
  };
  return { ui, dispatch, commit, keyQueue };
}
