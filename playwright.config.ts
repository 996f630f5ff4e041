import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';

/**
 * Browser tests run against the production build served by `vite preview` (the service worker and
 * the offline behaviour are only representative there).
 *
 * Chromium: Playwright's own build where `npx playwright install chromium` has put it, else the
 * system's (Debian's `/usr/bin/chromium`); `CHROMIUM_PATH` overrides both.
 */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    if (existsSync(chromium.executablePath())) return undefined; // Playwright's own
  } catch {
    // no bundled browser registered
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

const executablePath = chromiumPath();
/** Without these, Chromium keeps calling Google's servers, which a closed network refuses. */
const quietFlags = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const PORT = Number(process.env.PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    launchOptions: { executablePath, args: quietFlags },
  },
  webServer: {
    command: `npx vite build --logLevel warn --outDir dist-e2e-${PORT} && npx vite preview --outDir dist-e2e-${PORT} --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /real-speech/,
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath, args: quietFlags } },
    },
  ],
});
