/** Below this the monitor shows only a "terminal too small" message (frame size, in cells). */
export const MIN_COLUMNS = 60;
export const MIN_ROWS = 15;
