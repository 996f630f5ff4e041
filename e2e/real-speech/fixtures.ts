import { test as base } from '@playwright/test';
import { findTools, realSpeechMode, startSpeechEnvironment, type SpeechEnvironment } from './environment.ts';

/**
 * Fixtures of the `real-speech` project. `realSpeech` (one per worker) starts the private
 * PulseAudio + speech-dispatcher stack before the browser and stops it after the browser has
 * closed; `launchOptions` gives Chromium that stack's environment (the project adds
 * `--enable-speech-dispatcher` in playwright.config.ts).
 *
 * When the stack cannot run here, `realSpeech` says why (printed once per worker) and specs skip
 * with that reason; with REAL_SPEECH=required (CI) the reason is an error instead.
 */

export type RealSpeech = { ready: true; environment: SpeechEnvironment } | { ready: false; reason: string };

/** Prints why the real-speech tests do not run, or fails when they must. */
export function cannotRun(reason: string): string {
  const message = `real-speech tests skipped: ${reason}`;
  if (realSpeechMode() === 'required') throw new Error(`${message} (REAL_SPEECH=required: failing instead)`);
  console.error(`\n[real-speech] ${message}\n`);
  return message;
}

export const test = base.extend<object, { realSpeech: RealSpeech }>({
  realSpeech: [
    async ({}, use) => {
      if (realSpeechMode() === 'off') {
        await use({ ready: false, reason: cannotRun('REAL_SPEECH=off') });
        return;
      }
      const found = findTools();
      if ('missing' in found) {
        await use({ ready: false, reason: cannotRun(found.missing) });
        return;
      }
      const environment = await startSpeechEnvironment(found.tools);
      try {
        await use({ ready: true, environment });
      } finally {
        await environment.stop();
      }
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  launchOptions: [
    async ({ launchOptions, realSpeech }, use) => {
      if (!realSpeech.ready) {
        await use(launchOptions);
        return;
      }
      await use({ ...launchOptions, env: { ...process.env, ...realSpeech.environment.env } });
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
