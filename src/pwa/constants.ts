/**
 * Facts the build (vite.config.ts) and the page share: no DOM, no Node, so both can import them.
 */

/** Name of the Trusted Types policy that may create the service worker's script URL (register.ts). */
export const SW_TRUSTED_TYPES_POLICY = 'tingdu-sw';

/**
 * Name of the Trusted Types policy that may create the import worker's script URL
 * (src/data/import-client.ts): `new Worker(url)` is a TrustedScriptURL sink too.
 */
export const IMPORT_WORKER_TRUSTED_TYPES_POLICY = 'tingdu-import-worker';

/** File name of the service worker in the build (vite-plugin-pwa's default). */
export const SW_FILE = 'sw.js';

/**
 * The browser UI's colour around the app (theme-color), per colour scheme: the page's surface
 * colour (`--tts-color-surface` in src/styles/tokens.css), so the title bar of the installed app
 * and the page are one.
 */
export const APP_THEME_COLORS = { light: '#fdfcf9', dark: '#171614' } as const;

/**
 * The app icons the build generates from public/icon.svg (@vite-pwa/assets-generator's names for
 * the sizes in vite.config.ts), for the Media Session artwork. An e2e spec checks they are served.
 */
export const PWA_ICONS: ReadonlyArray<{ src: string; size: number }> = [
  { src: 'pwa-192x192.png', size: 192 },
  { src: 'pwa-512x512.png', size: 512 },
];
