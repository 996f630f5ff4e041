import { defineConfig, devices } from '@playwright/test';
import { chromiumPath, QUIET_FLAGS } from './e2e/support/chromium.ts';

/**
 * Browser tests run against the production build served by `vite preview` (the service worker and
 * the offline behaviour are only representative there).
 *
 * Chromium: Playwright's own build where `npx playwright install chromium` has put it, else the
 * system's (Debian's `/usr/bin/chromium`); `CHROMIUM_PATH` overrides both.
 */
const executablePath = chromiumPath();
const quietFlags = QUIET_FLAGS;
const PORT = Number(process.env.PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/support/global-setup.ts',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: [['list']],
  // Per port, so that two runs at once (two developers' shells) do not trample each other.
  outputDir: `test-results/${PORT}`,
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
    {
      // Real voices: speech-dispatcher + espeak-ng playing into a private PulseAudio null sink,
      // started and stopped by the project's worker fixture (e2e/real-speech/fixtures.ts), which
      // also gives Chromium that environment. Skipped, with the reason printed, where the
      // programs or a Mandarin voice are missing (REAL_SPEECH=required makes that a failure).
      // One worker: the speech stack is started per worker and espeak-ng is slow enough.
      name: 'real-speech',
      testMatch: /real-speech\/.*\.spec\.ts$/,
      workers: 1,
      fullyParallel: false,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath, args: [...quietFlags, '--enable-speech-dispatcher'] },
      },
    },
  ],
});
