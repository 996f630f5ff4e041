import { expect, test } from '@playwright/test';
import { installFakeSpeech } from './fixtures/fake-speech.ts';
import { announcer, currentIndex, openArticle, pause, pickArticle, play } from './support/app.ts';

/** What the listener sees when speech cannot go on: no voice, a refused start, a failing voice. */

test('no Chinese voice: says so plainly, explains how to add one, and does not pretend to play', async ({ page, request }) => {
  const article = await pickArticle(request);
  // Only an English voice: nothing to read Mandarin with.
  const tts = await installFakeSpeech(page, {
    voices: [{ name: 'Samantha', lang: 'en-US', localService: true, default: true, voiceURI: 'Samantha' }],
  });
  await openArticle(page, article);

  await expect(page.getByRole('heading', { name: '这台设备上没有中文语音' })).toBeVisible();
  for (const platform of ['Windows', 'macOS', 'iPhone', 'Android']) {
    await expect(page.getByRole('listitem').filter({ hasText: platform })).toHaveCount(1);
  }
  await expect(play(page)).toBeDisabled();
  await expect(play(page)).toHaveAccessibleDescription('没有中文语音，无法播放');
  await play(page).click({ force: true });
  await expect(announcer(page)).toHaveText('没有中文语音，无法播放');
  expect(await tts.log()).toEqual([]);
  await expect(page.getByRole('button', { name: '暂停' })).toHaveCount(0);
});

test('the browser refuses to start: a focused button continues with one tap', async ({ page, request }) => {
  const article = await pickArticle(request);
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  await tts.failNext('not-allowed');
  await play(page).click();

  const resume = page.getByRole('button', { name: '点击继续朗读' });
  await expect(resume).toBeFocused();
  await tts.hold();
  await resume.click();
  await expect(pause(page)).toBeVisible();
  await expect(resume).toHaveCount(0);
  await expect.poll(async () => (await tts.current())?.outcome).toBe('speaking');
});

test('speaking fails for good: an alert offers 重试 and 更换语音', async ({ page, request }) => {
  const article = await pickArticle(request);
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  // The engine retries once, then tries another voice, then gives up: three failures.
  for (let i = 0; i < 3; i++) await tts.failNext('synthesis-failed');
  await play(page).click();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('朗读出错了');
  await expect(play(page)).toBeVisible(); // not pretending to read
  expect(await currentIndex(page)).toBe(0);

  await alert.getByRole('button', { name: '更换语音' }).click();
  await expect(page.getByRole('combobox', { name: '语音' })).toBeFocused();

  await tts.clearLog();
  await tts.hold();
  await alert.getByRole('button', { name: '重试' }).click();
  await expect(pause(page)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect.poll(async () => (await tts.current())?.outcome).toBe('speaking');
});

test('speech stopped from outside (screen lock, another tab): paused at that sentence, and said so', async ({ page, request }) => {
  const article = await pickArticle(request);
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  await tts.hold();
  await play(page).click();
  await page.getByRole('button', { name: '下一句' }).click();
  await expect.poll(async () => (await tts.current())?.outcome).toBe('speaking');
  await tts.interrupt('interrupted');
  await expect(play(page)).toBeVisible();
  await expect(announcer(page)).toContainText('朗读被打断了');
  expect(await currentIndex(page)).toBe(1);
});

test('a browser without speech synthesis: says so, and play is disabled', async ({ page, request }) => {
  const article = await pickArticle(request);
  await page.addInitScript(() => {
    delete (window as { speechSynthesis?: unknown }).speechSynthesis;
    delete (window as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance;
    delete (Window.prototype as { speechSynthesis?: unknown }).speechSynthesis;
  });
  await openArticle(page, article);
  await expect(page.getByRole('heading', { name: '这个浏览器不能朗读' })).toBeVisible();
  await expect(play(page)).toBeDisabled();
  await expect(play(page)).toHaveAccessibleDescription('这个浏览器不能朗读，无法播放');
});
