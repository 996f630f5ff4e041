/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { articlesPlugin } from './scripts/articles-plugin.ts';
import { APP_THEME_COLORS, IMPORT_WORKER_TRUSTED_TYPES_POLICY, SW_TRUSTED_TYPES_POLICY } from './src/pwa/constants.ts';
import { SHARE_TARGET, shareTargetRoute } from './src/pwa/share-target.ts';

/**
 * The Content Security Policy of the production build. No inline script or style anywhere: Lit
 * styles are constructable stylesheets (not subject to style-src), the CSS is a file, and the only
 * script is the bundle. Trusted Types are enforced: DOM sinks such as innerHTML accept only values
 * from a named policy, and only three policies may exist, so article text can never become markup:
 * - `lit-html`, Lit's own (template markup only; values are always bound as text);
 * - `tingdu-sw` (src/pwa/register.ts): `navigator.serviceWorker.register()` is a TrustedScriptURL
 *   sink, so registering the service worker needs one. The policy accepts exactly the app's own
 *   `sw.js` URL and throws on anything else. (vite-plugin-pwa's `virtual:pwa-register` passes a
 *   plain string, which would need a catch-all `default` policy; we register through
 *   workbox-window ourselves instead.)
 * - `tingdu-import-worker` (src/data/import-client.ts): `new Worker()` is a TrustedScriptURL sink
 *   too; the policy accepts exactly the built import worker's URL (`worker-src 'self'`).
 *
 * `media-src data:`: the near-silent looping sound that keeps the lock-screen and headset controls
 * (Media Session) alive while reading is a WAV generated in the page as a `data:` URI
 * (src/controllers/media-session-controller.ts); data URIs cannot run script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' data:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  `trusted-types lit-html ${SW_TRUSTED_TYPES_POLICY} ${IMPORT_WORKER_TRUSTED_TYPES_POLICY}`,
].join('; ');

/**
 * Puts the policy into the built index.html as a `<meta http-equiv>`, so it holds on any static
 * host. (`frame-ancestors` is ignored in a meta tag; the preview server sends it as a header.)
 */
function contentSecurityPolicy(): Plugin {
  const charset = '<meta charset="utf-8" />';
  return {
    name: 'tingdu-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        // Right after the charset (which must come first), before any script or stylesheet.
        if (!html.includes(charset)) throw new Error(`index.html: ${charset} not found; the CSP goes right after it`);
        const escaped = CONTENT_SECURITY_POLICY.replaceAll("'", '&#39;');
        return html.replace(charset, `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${escaped}" />`);
      },
    },
  };
}

/**
 * The browser UI's colour (`<meta name="theme-color">`), one per colour scheme, from
 * APP_THEME_COLORS. The app updates them when the listener picks a theme (src/app/appearance.ts).
 */
function themeColor(): Plugin {
  return {
    name: 'tingdu-theme-color',
    transformIndexHtml: () =>
      (['light', 'dark'] as const).map((scheme) => ({
        tag: 'meta',
        attrs: { name: 'theme-color', content: APP_THEME_COLORS[scheme], media: `(prefers-color-scheme: ${scheme})` },
        injectTo: 'head' as const,
      })),
  };
}

/**
 * The installable app: web manifest, icons and the service worker (Workbox `generateSW`).
 *
 * - Icons: every size is generated in the build from one drawing, public/icon.svg
 *   (@vite-pwa/assets-generator, with sharp): 64/192/512 px, maskable 192/512 px (padded onto the
 *   icon's own blue, so the mask never cuts the drawing), the 180 px Apple touch icon and the
 *   favicon. No bitmap is committed.
 * - Service worker: precaches the app shell, the icons, the manifest and the edition list
 *   (`articles/editions.json`, the latest edition's index inline): a first visit costs the same
 *   however big the archive. Articles are not precached: the app fetches the latest edition's
 *   once the app works offline (unless the connection saves data), an edition when the listener
 *   asks (下载本期), into the `tingdu-articles` cache (src/archive/downloads.ts); any other article
 *   is cached there when it is opened. Other editions' indices, the list's further pages and the
 *   search index are fetched from the network and kept for offline use (`tingdu-library`). Hash routes
 *   mean every navigation is `index.html` (`navigateFallback`). `registerType: 'prompt'`: a new
 *   version waits until the listener accepts it (src/pwa/update-flow.ts); never a reload behind
 *   their back. The share target's POST is answered by one route (src/pwa/share-target.ts).
 *   The Workbox runtime is inlined in sw.js (no importScripts, which would be one
 *   more Trusted Types sink inside the worker).
 */
function progressiveWebApp(archive: ReturnType<typeof articlesPlugin>): Plugin[] {
  return VitePWA({
    strategies: 'generateSW',
    registerType: 'prompt',
    // Registered by src/pwa/register.ts (workbox-window, under Trusted Types), not by a script tag.
    injectRegister: false,
    manifest: {
      id: './',
      name: '听读',
      short_name: '听读',
      description: '把新闻读给你听：用设备自带的语音朗读中文新闻，逐句高亮。离线可用，屏幕阅读器友好。',
      lang: 'zh-CN',
      dir: 'ltr',
      start_url: './',
      scope: './',
      display: 'standalone',
      orientation: 'any',
      categories: ['news', 'books', 'education'],
      // The manifest has one colour of each; the theme-color metas in index.html add the dark one.
      theme_color: APP_THEME_COLORS.light,
      background_color: APP_THEME_COLORS.light,
      // Text and .txt/.pdf files shared from another app land in the import (src/pwa/share-target.ts).
      share_target: SHARE_TARGET,
    },
    pwaAssets: {
      image: 'public/icon.svg',
      preset: {
        transparent: { sizes: [64, 192, 512], favicons: [[48, 'favicon.ico']] },
        maskable: { sizes: [192, 512], padding: 0.1, resizeOptions: { background: '#1d4f91' } },
        apple: { sizes: [180], padding: 0.1, resizeOptions: { background: '#1d4f91' } },
      },
      overrideManifestIcons: true,
      includeHtmlHeadLinks: true,
      // index.html has its own theme-color metas, one per colour scheme.
      injectThemeColor: false,
    },
    workbox: {
      // The manifest is added by the plugin itself. Of the archive, only the edition list, which the
      // archive's plugin adds: the glob does not even walk articles/ (tens of thousands of files).
      globPatterns: ['**/*.{js,css,html,svg,png,ico}'],
      manifestTransforms: [(entries) => ({ manifest: [...entries, ...archive.api.precache()], warnings: [] })],
      // pdf.js (src/pdf/pdfjs.ts: 1.6 MB, 0.5 MB gzip, three times the rest of the app) is not
      // precached either: most listeners never import a PDF. The first PDF import fetches it through
      // the service worker, which keeps it (cache first), so every later one works offline.
      globIgnores: ['articles/**', '**/pdfjs-*.js'],
      runtimeCaching: [
        // The share target's POST: kept for the page, which imports it (src/pwa/share-target.ts).
        shareTargetRoute,
        {
          urlPattern: /\/assets\/pdfjs-[\w-]+\.js$/,
          handler: 'CacheFirst',
          options: { cacheName: 'tingdu-pdfjs', expiration: { maxEntries: 2 } },
        },
        {
          // An article's file: from the device when it is there (refreshed behind), else the network.
          urlPattern: /\/articles\/a-[0-9a-z]+\.json$/,
          handler: 'StaleWhileRevalidate',
          options: { cacheName: 'tingdu-articles', matchOptions: { ignoreVary: true } },
        },
        {
          // Other editions' indices, further pages of the list, the search index: fresh when online.
          urlPattern: /\/articles\/(edition-[^/]+|editions-\d+|search)\.json$/,
          handler: 'NetworkFirst',
          options: { cacheName: 'tingdu-library' },
        },
      ],
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      inlineWorkboxRuntime: true,
      clientsClaim: false,
      skipWaiting: false,
    },
  });
}

const archive = articlesPlugin();

const packageVersion = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }).version;

export default defineConfig({
  // Shown in the help (src/pwa/version.ts).
  define: { __APP_VERSION__: JSON.stringify(packageVersion) },
  plugins: [archive, contentSecurityPolicy(), themeColor(), progressiveWebApp(archive)],
  resolve: {
    // workbox-window's package points bundlers at its ES5 build; its modern one is 1.4 KB gzip
    // instead of 2.3 (src/pwa/register.ts loads it once the page has loaded).
    alias: [{ find: /^workbox-window$/, replacement: 'workbox-window/build/workbox-window.prod.mjs' }],
  },
  // The import worker (src/library/import-worker.ts) is started as a module worker.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Small app: one entry chunk, no module-preload polyfill (it is an inline script, which the CSP forbids).
    modulePreload: { polyfill: false },
  },
  preview: {
    headers: {
      'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  },
  test: {
    environment: 'node',
    // The unit tests run in Node, where pdf.js needs its legacy build (the app's is for browsers).
    alias: [
      { find: /^pdfjs-dist$/, replacement: 'pdfjs-dist/legacy/build/pdf.mjs' },
      { find: /^pdfjs-dist\/build\/pdf\.worker\.mjs$/, replacement: 'pdfjs-dist/legacy/build/pdf.worker.mjs' },
    ],
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    setupFiles: ['src/testing/fast-check-setup.ts'],
  },
});
