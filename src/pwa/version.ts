/**
 * The app's version, shown in the help (so a listener can say which one they have). The build
 * defines `__APP_VERSION__` from package.json (vite.config.ts); anything that runs the modules
 * without it (a bare test runner) gets `dev`.
 */
declare const __APP_VERSION__: string | undefined;

export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
