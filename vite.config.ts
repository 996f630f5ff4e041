/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { articlesPlugin } from './scripts/articles-plugin.ts';

export default defineConfig({
  plugins: [articlesPlugin()],
  build: {
    target: 'es2022',
    // Small app: one entry chunk, no module-preload polyfill (it is an inline script, which the CSP forbids).
    modulePreload: { polyfill: false },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
  },
});
