import { createContext } from 'react';
import type { DisplayOptions } from './display-options.js';
import { makeDisplayOptions } from './make-display-options.js';

export const DisplayContext = createContext<DisplayOptions>(makeDisplayOptions({ lang: 'ja' }));
