import { chromium, type FullConfig } from '@playwright/test';

/**
 * Says which browser the run tests with (the version matters: DevTools emulation and speech differ
 * between Chromium releases, and a fresh machine may get another one from its package manager).
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const launchOptions = config.projects[0]?.use.launchOptions ?? {};
  const browser = await chromium.launch(launchOptions);
  try {
    console.log(`Browser tests run on Chromium ${browser.version()} (${launchOptions.executablePath ?? 'Playwright’s own build'})`);
  } finally {
    await browser.close();
  }
}
