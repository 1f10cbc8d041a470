import { createContext } from 'react';
import type { ScreenLayers } from '../terminal/screen-layers.js';

/** The cell-diff writer's screen layers, null when Ink writes to the terminal itself (tests, plain output). */
export const ScreenLayersContext = createContext<ScreenLayers | null>(null);
