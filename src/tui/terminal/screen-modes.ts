// The escape sequences that take the terminal over for a full-screen monitor and give it back, shared by the
// cell-diff writer and the start screen drawn before it (src/cli/start-screen.ts).

export const ENTER_ALTERNATE = '\u001B[?1049h';
export const LEAVE_ALTERNATE = '\u001B[?1049l';
export const HIDE_CURSOR = '\u001B[?25l';
export const SHOW_CURSOR = '\u001B[?25h';
/** SGR reset, cursor home, erase the screen. */
export const CLEAR_SCREEN = '\u001B[m\u001B[H\u001B[2J';
/** What gives the shell its screen back after the alternate screen: SGR reset, the main screen, the cursor shown. */
export const LEAVE_FULL_SCREEN = `\u001B[m${LEAVE_ALTERNATE}${SHOW_CURSOR}`;
