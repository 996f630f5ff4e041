import type { Page } from '@playwright/test';

/**
 * A log of what the app hands to the real speech synthesis: every utterance with its text, rate
 * and voice, when `speak()` was called (performance.now(), ms) and when its `start` and `end`
 * events were fired (their timeStamp, same clock). It only listens: `speak()` is the browser's
 * own, called with the same utterance, and nothing is faked.
 */
export interface LoggedUtterance {
  text: string;
  rate: number;
  lang: string;
  voice: { name: string; lang: string } | null;
  spokenAt: number;
  startAt: number | null;
  endAt: number | null;
  error: string | null;
}

declare global {
  interface Window {
    __speechLog?: LoggedUtterance[];
  }
}

/** Installs the log before the app's scripts run. */
export async function logSpeech(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: LoggedUtterance[] = [];
    window.__speechLog = log;
    const speak = SpeechSynthesis.prototype.speak;
    SpeechSynthesis.prototype.speak = function (this: SpeechSynthesis, utterance: SpeechSynthesisUtterance): void {
      const entry: LoggedUtterance = {
        text: utterance.text,
        rate: utterance.rate,
        lang: utterance.lang,
        voice: utterance.voice ? { name: utterance.voice.name, lang: utterance.voice.lang } : null,
        spokenAt: performance.now(),
        startAt: null,
        endAt: null,
        error: null,
      };
      log.push(entry);
      // The event's own time: the app's listeners, added before ours, run first (and may speak on).
      utterance.addEventListener('start', (event) => (entry.startAt = event.timeStamp));
      utterance.addEventListener('end', (event) => (entry.endAt = event.timeStamp));
      utterance.addEventListener('error', (event) => (entry.error = event.error));
      speak.call(this, utterance);
    };
  });
}

export async function speechLog(page: Page): Promise<LoggedUtterance[]> {
  return page.evaluate(() => window.__speechLog ?? []);
}
