/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { articlesPlugin } from './scripts/articles-plugin.ts';

/**
 * The Content Security Policy of the production build. No inline script or style anywhere: Lit
 * styles are constructable stylesheets (not subject to style-src), the CSS is a file, and the only
 * script is the bundle. Trusted Types are enforced: DOM sinks such as innerHTML accept only values
 * from a named policy, and the only policy allowed is Lit's own (`lit-html`), so article text can
 * never become markup.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
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

export default defineConfig({
  plugins: [articlesPlugin(), contentSecurityPolicy()],
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
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
  },
});
