import { expect, test } from '@playwright/test';
import { FAKE_DEFAULT_VOICE, FAKE_VOICES, installFakeSpeech } from './fixtures/fake-speech.ts';
import { announcer, notices, openArticle, pause, pickArticle, play, showSettings, startsOffline, step } from './support/app.ts';

/**
 * Offline, only local voices speak (Chrome's "Google 普通话" needs the network). With a network
 * voice chosen, going offline moves reading to the best local Chinese voice and says so; coming
 * back online returns to the listener's choice. The same when the voice vanishes from the list
 * (Chrome hides network voices offline and on cellular). The saved choice itself never changes.
 */

const NETWORK_VOICE = 'Google 普通话（中国大陆）';

test('offline with a network voice: reading goes on with the best local voice, said so; online again, back to the chosen one', async ({ page, context, request }) => {
  const article = await pickArticle(request, { minSentences: 8 });
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  await showSettings(page);
  const voice = page.getByRole('combobox', { name: '语音' });
  await voice.selectOption({ label: `${NETWORK_VOICE}（zh-CN）（需联网）` });
  await expect(announcer(page)).toHaveText(`已换成语音：${NETWORK_VOICE}`);

  await tts.hold();
  await play(page).click();
  await expect.poll(async () => (await tts.current())?.voice).toBe(NETWORK_VOICE);
  // The reload offline below needs the app installed: going offline while the service worker is
  // still precaching would make its install fail.
  await expect(notices(page)).toContainText('可离线使用');

  await context.setOffline(true);
  await expect(announcer(page)).toHaveText(`已离线，改用本机语音：${FAKE_DEFAULT_VOICE}`);
  await step(page);
  await expect.poll(async () => (await tts.current())?.voice).toBe(FAKE_DEFAULT_VOICE);
  await expect(pause(page)).toBeVisible(); // never stopped reading
  // The listener's choice is still theirs.
  await expect(voice.locator('option:checked')).toHaveText(`${NETWORK_VOICE}（zh-CN）（需联网）`);

  await context.setOffline(false);
  await expect(announcer(page)).toHaveText(`已联网，换回语音：${NETWORK_VOICE}`);
  await step(page);
  await expect.poll(async () => (await tts.current())?.voice).toBe(NETWORK_VOICE);

  // And after a reload, offline from the start: the local voice at once (what is announced last
  // is where the article opened). A device with no network starts the page with
  // `navigator.onLine === false`, which is what the app reads at start-up. DevTools' offline
  // emulation does not reach that property in a document the service worker serves after a reload
  // in Chromium up to 150 (149 and 150 report `true`, 156 `false`; the service worker's own fetches
  // are cut in both), so the new document is given the device's value explicitly.
  await context.setOffline(true);
  await startsOffline(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: article.label })).toBeVisible();
  await tts.hold();
  await play(page).click();
  await expect.poll(async () => (await tts.current())?.voice).toBe(FAKE_DEFAULT_VOICE);
});

test('the chosen network voice vanishes from the list (as Chrome does offline): the local voice takes over, said so; back when listed again', async ({ page, request }) => {
  const article = await pickArticle(request, { minSentences: 8 });
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  await showSettings(page);
  await page.getByRole('combobox', { name: '语音' }).selectOption({ label: `${NETWORK_VOICE}（zh-CN）（需联网）` });
  await tts.hold();
  await play(page).click();
  await expect.poll(async () => (await tts.current())?.voice).toBe(NETWORK_VOICE);

  await tts.setVoices(FAKE_VOICES.filter((v) => v.localService));
  await expect(announcer(page)).toHaveText(`语音“${NETWORK_VOICE}”现在不可用，已换成：${FAKE_DEFAULT_VOICE}`);
  await step(page);
  await expect.poll(async () => (await tts.current())?.voice).toBe(FAKE_DEFAULT_VOICE);

  await tts.setVoices('default');
  await expect(announcer(page)).toHaveText(`已换成语音：${NETWORK_VOICE}`);
  await step(page);
  await expect.poll(async () => (await tts.current())?.voice).toBe(NETWORK_VOICE);
});

test('a local voice chosen: going offline changes nothing and says nothing', async ({ page, context, request }) => {
  const article = await pickArticle(request);
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  await tts.hold();
  await play(page).click();
  await expect(announcer(page)).toHaveText('正在朗读');
  await context.setOffline(true);
  await step(page);
  await expect.poll(async () => (await tts.log()).length).toBeGreaterThan(1);
  expect(new Set((await tts.log()).map((e) => e.voice))).toEqual(new Set([FAKE_DEFAULT_VOICE]));
  await expect(announcer(page)).toHaveText('正在朗读');
});
