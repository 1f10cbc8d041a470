import { useReducer, useState } from 'react';
import { KeyQueue } from '../keys/key-queue.js';
import { uiReducer } from '../state/reducer.js';
import { startUiState, type StartConfig } from '../state/start-ui-state.js';
import type { UiAction } from '../state/ui-action.js';
import type { UiState } from '../state/ui-state.js';

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
  const [ui, commit] = useReducer(uiReducer, config, startUiState);
  const [keyQueue] = useState(() => new KeyQueue());
  // Only an update that changes the state will commit: a no-op (j on the last row) must not make the next key of
  // the same read wait for a render that never comes.
  const dispatch = (action: UiAction) => {
    if (uiReducer(ui, action) !== ui) keyQueue.changed();
    commit(action);
  };
  return { ui, dispatch, commit, keyQueue };
}
