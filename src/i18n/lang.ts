/** The languages the UI speaks. Japanese is the default. */
export type Lang = 'ja' | 'en';
