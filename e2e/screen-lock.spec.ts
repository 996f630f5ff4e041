import { expect, test, type Page } from '@playwright/test';
import { installFakeSpeech } from './fixtures/fake-speech.ts';
import { currentIndex, emulateVisibility, openArticle, pause, pickArticle, play, setVisibility, step } from './support/app.ts';
import { expectNoViolations } from './support/a11y.ts';

/**
 * The screen goes off, the listener switches apps: on phones the browser stops the speech
 * (Chrome Android stops TTS without a visible activity; iOS suspends the page). The app keeps the
 * screen on while reading (Screen Wake Lock, a setting on by default), and when the listener comes
 * back after speech stopped, one tap ("从第 N 句继续", a fresh gesture for iOS) goes on.
 */

/** Replaces navigator.wakeLock with a recorder (headless Chromium refuses the real one). */
async function recordWakeLock(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: string[] = [];
    const sentinels: Array<EventTarget & { released: boolean; release(): Promise<void> }> = [];
    (window as unknown as { __wakeLog: string[] }).__wakeLog = log;
    (window as unknown as { __wakeSentinels: typeof sentinels }).__wakeSentinels = sentinels;
    Object.defineProperty(navigator, 'wakeLock', {
      configurable: true,
      value: {
        request: async (type: string) => {
          log.push(`request:${type}`);
          const sentinel = Object.assign(new EventTarget(), {
            released: false,
            type,
            async release() {
              if (sentinel.released) return;
              sentinel.released = true;
              log.push('release');
              sentinel.dispatchEvent(new Event('release'));
            },
          });
          sentinels.push(sentinel);
          return sentinel;
        },
      },
    });
  });
}

const wakeLog = (page: Page): Promise<string[]> => page.evaluate(() => [...(window as unknown as { __wakeLog: string[] }).__wakeLog]);

test('the screen stays on while reading, not while paused; asked for again when the page is back in view', async ({ page, request }) => {
  const article = await pickArticle(request);
  await recordWakeLock(page);
  await emulateVisibility(page);
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  await tts.hold();
  await play(page).click();
  await expect.poll(() => wakeLog(page)).toEqual(['request:screen']);
  await pause(page).click();
  await expect.poll(() => wakeLog(page)).toEqual(['request:screen', 'release']);

  await play(page).click();
  await expect.poll(() => wakeLog(page)).toEqual(['request:screen', 'release', 'request:screen']);
  // Hidden, the browser lets the lock go; back in view while reading, it is asked for again.
  await setVisibility(page, 'hidden');
  await page.evaluate(() => void (window as unknown as { __wakeSentinels: Array<{ release(): Promise<void> }> }).__wakeSentinels.at(-1)!.release());
  await setVisibility(page, 'visible');
  await expect.poll(() => wakeLog(page)).toEqual(['request:screen', 'release', 'request:screen', 'release', 'request:screen']);
});

test('保持屏幕常亮 off: the screen is left alone while reading', async ({ page, request }) => {
  const article = await pickArticle(request);
  await recordWakeLock(page);
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  await page.getByRole('button', { name: '设置' }).click();
  const keepAwake = page.getByRole('dialog', { name: '设置' }).getByRole('checkbox', { name: '朗读时保持屏幕常亮' });
  await expect(keepAwake).toBeChecked(); // on by default
  await expect(keepAwake).toHaveAccessibleDescription(/浏览器会停止朗读/);
  await keepAwake.uncheck();
  await page.keyboard.press('Escape');
  await tts.hold();
  await play(page).click();
  await step(page);
  await expect.poll(async () => (await tts.log()).length).toBeGreaterThan(1);
  expect(await wakeLog(page)).toEqual([]);
  // Turned on while reading: applies at once.
  await page.getByRole('button', { name: '设置' }).click();
  await keepAwake.check();
  await expect.poll(() => wakeLog(page)).toEqual(['request:screen']);
  await keepAwake.uncheck();
  await expect.poll(() => wakeLog(page)).toEqual(['request:screen', 'release']);
});

test('speech stopped while the screen was off: back in view, one focused button goes on from that sentence', async ({ page, request }) => {
  const article = await pickArticle(request, { minSentences: 8 });
  await emulateVisibility(page);
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  await tts.hold();
  await play(page).click();
  while ((await currentIndex(page)) < 3) await step(page);
  await expect.poll(async () => (await tts.current())?.outcome).toBe('speaking');

  // Screen off: the browser stops the speech (Chrome Android: `interrupted`).
  await setVisibility(page, 'hidden');
  await tts.interrupt('interrupted');
  await expect(play(page)).toBeVisible();
  await setVisibility(page, 'visible');

  const resume = page.getByRole('button', { name: '从第 4 句继续' });
  await expect(resume).toBeVisible();
  await expect(resume).toBeFocused();
  await expectNoViolations(page);

  await tts.clearLog();
  await tts.hold();
  await resume.click();
  await expect(pause(page)).toBeVisible();
  await expect(resume).toHaveCount(0);
  await expect.poll(async () => (await tts.queuedTexts()).length).toBeGreaterThan(0);
  expect(article.script.sentences[3]!.spoken.startsWith((await tts.queuedTexts())[0]!)).toBe(true);
});

test('the page was suspended and no event came (iOS): back in view while "playing" in silence, the same offer', async ({ page, request }) => {
  const article = await pickArticle(request, { minSentences: 8 });
  await emulateVisibility(page);
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  await tts.hold();
  await play(page).click();
  while ((await currentIndex(page)) < 2) await step(page);
  // Its utterance has started (the highlight moves at the start of the pause before a body).
  await expect.poll(async () => (await tts.current())?.outcome).toBe('speaking');

  // The page comes back: the engine still thinks it is reading, but the platform says nothing.
  await setVisibility(page, 'hidden');
  await page.evaluate(() => {
    Object.defineProperty(speechSynthesis, 'speaking', { configurable: true, get: () => false });
    Object.defineProperty(speechSynthesis, 'pending', { configurable: true, get: () => false });
  });
  await setVisibility(page, 'visible');

  const resume = page.getByRole('button', { name: '从第 3 句继续' });
  await expect(resume).toBeFocused();
  await expect(play(page)).toBeVisible(); // the state tells the truth again: not reading
  expect(await currentIndex(page)).toBe(2);
});

test('back in view while still speaking (desktop, a short switch): nothing to offer, reading goes on', async ({ page, request }) => {
  const article = await pickArticle(request);
  await emulateVisibility(page);
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  await tts.hold();
  await play(page).click();
  await expect.poll(async () => (await tts.current())?.outcome).toBe('speaking');
  await setVisibility(page, 'hidden');
  await setVisibility(page, 'visible');
  await expect(pause(page)).toBeVisible();
  await expect(page.getByRole('button', { name: /^从第 \d+ 句继续$/ })).toHaveCount(0);
});
