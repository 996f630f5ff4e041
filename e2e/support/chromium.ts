import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Which Chromium runs the browser tests and the bench: `CHROMIUM_PATH` if set; else Playwright's
 * own build where `npx playwright install chromium` put it (returns undefined: Playwright's
 * default); else the system's (Debian's `/usr/bin/chromium`).
 */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // No bundled browser registered.
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Without these, Chromium keeps calling Google's servers, which a closed network refuses. */
export const QUIET_FLAGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
