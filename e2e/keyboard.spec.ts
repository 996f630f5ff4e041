import { expect, test } from '@playwright/test';
import { installFakeSpeech } from './fixtures/fake-speech.ts';
import { announcer, currentIndex, currentSentence, pause, pickArticle, play } from './support/app.ts';

/**
 * A keyboard-only session: no mouse anywhere. Shortcuts work wherever focus is not in a control;
 * the article is one tab stop (the sentence being read); the help is a dialog that gives focus
 * back.
 */

test('a keyboard-only run: open an article, play, move, change the rate, pause, read from a sentence', async ({ page, request }) => {
  const article = await pickArticle(request, {
    suits: (script) => script.blocks.length >= 4,
  });
  const { script } = article;
  const tts = await installFakeSpeech(page);
  await page.goto('/');

  // Tab to the article's title link and open it.
  const link = page.getByRole('link', { name: article.label, exact: true });
  for (let i = 0; i < 20 && !(await link.evaluate((el) => el.matches(':focus'))); i++) await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  const title = page.getByRole('heading', { level: 1, name: article.label });
  await expect(title).toBeFocused();
  await expect(page).toHaveTitle(`${article.label} - 听读`);

  // Space plays (focus is on the heading, not in a control).
  await tts.hold();
  await page.keyboard.press('Space');
  await expect(pause(page)).toBeVisible();
  await expect(announcer(page)).toHaveText('正在朗读');
  expect(await currentIndex(page)).toBe(0);

  // → next sentence, ← previous, Shift+→ next paragraph.
  await page.keyboard.press('ArrowRight');
  expect(await currentIndex(page)).toBe(1);
  await page.keyboard.press('ArrowRight');
  expect(await currentIndex(page)).toBe(2);
  await page.keyboard.press('ArrowLeft');
  expect(await currentIndex(page)).toBe(1);
  const nextBlock = script.blocks[script.sentences[1]!.block + 1]!.first;
  await page.keyboard.press('Shift+ArrowRight');
  expect(await currentIndex(page)).toBe(nextBlock);
  await page.keyboard.press('Shift+ArrowLeft');
  expect(await currentIndex(page)).toBe(script.blocks[script.sentences[nextBlock]!.block - 1]!.first);
  await expect.poll(async () => script.sentences[1]!.spoken.startsWith((await tts.current())?.text ?? '∅')).toBe(true);

  // + and − change the rate; the sentence is said again at the new rate.
  await page.keyboard.press('+');
  await expect.poll(async () => (await tts.current())?.rate).toBe(1.1);
  await page.keyboard.press('-');
  await expect.poll(async () => (await tts.current())?.rate).toBe(1);

  // Space pauses.
  await page.keyboard.press('Space');
  await expect(play(page)).toBeVisible();
  await expect(announcer(page)).toHaveText('已暂停');

  // The article is one tab stop: the sentence at the reading position. ← / → there move it and
  // focus follows; Enter reads from there.
  await page.keyboard.press('Tab');
  await expect(currentSentence(page)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(currentSentence(page)).toBeFocused();
  expect(await currentIndex(page)).toBe(3);
  await tts.clearLog();
  await page.keyboard.press('Enter');
  await expect(pause(page)).toBeVisible();
  expect(script.sentences[3]!.spoken.startsWith((await tts.queuedTexts())[0]!)).toBe(true);
  // Space on the sentence being read pauses there, and plays again.
  await page.keyboard.press('Space');
  await expect(play(page)).toBeVisible();
  await page.keyboard.press('Space');
  await expect(pause(page)).toBeVisible();
  expect(await currentIndex(page)).toBe(3);

  // Tab on to the player: the toggle is reachable and named by what it does.
  const toggle = pause(page);
  for (let i = 0; i < 20 && !(await toggle.evaluate((el) => el.matches(':focus'))); i++) await page.keyboard.press('Tab');
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-keyshortcuts', 'Space');
  await page.keyboard.press('Enter');
  await expect(play(page)).toBeFocused();
});

test('the help dialog lists the shortcuts and gives focus back', async ({ page, request }) => {
  const article = await pickArticle(request);
  await installFakeSpeech(page);
  await page.goto(`/#/article/${article.entry.id}`);
  await expect(page.getByRole('heading', { level: 1, name: article.label })).toBeVisible();

  const trigger = page.getByRole('button', { name: '快捷键' });
  await trigger.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '键盘快捷键' });
  await expect(dialog).toBeVisible();
  for (const action of ['播放 / 暂停', '上一句', '下一句', '上一段', '下一段', '加快语速', '减慢语速']) {
    await expect(dialog.getByRole('row').filter({ hasText: action })).toHaveCount(1);
  }
  // Shortcuts do nothing behind a modal dialog.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
  expect(await currentIndex(page)).toBe(0);

  // "?" opens it from anywhere; "关闭" closes it and focus goes back where it was.
  await page.getByRole('button', { name: '下一句' }).focus();
  await page.keyboard.press('Shift+?');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '关闭' }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: '下一句' })).toBeFocused();
});

test('shortcuts leave text fields, the slider and the voice menu alone', async ({ page, request }) => {
  const article = await pickArticle(request);
  const tts = await installFakeSpeech(page);
  await page.goto(`/#/article/${article.entry.id}`);
  const rate = page.getByRole('slider', { name: '语速' });
  await rate.focus();
  await page.keyboard.press('ArrowRight');
  await expect(rate).toHaveAttribute('aria-valuetext', '1.05 倍');
  expect(await currentIndex(page)).toBe(0); // the slider moved, not the reading position
  await rate.press('Space');
  expect(await tts.log()).toEqual([]);
});
