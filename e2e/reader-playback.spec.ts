import { expect, test } from '@playwright/test';
import { installFakeSpeech } from './fixtures/fake-speech.ts';
import { announcer, currentIndex, currentSentence, openArticle, pause, pickArticle, play, sentence, showSettings, step, stepAndTell } from './support/app.ts';

/**
 * Playback in the reader, on the fake speech synthesis: the highlight (aria-current) follows the
 * voice, pause/resume, rate changes, navigation by sentence and paragraph, tap to read.
 * The fake "holds" each utterance until the spec lets it end (`step`), so nothing depends on time.
 */

test('play: the highlight follows the speech through the whole article, in order, one sentence at a time', async ({ page, request }) => {
  test.setTimeout(120_000); // a whole article, step by step
  const article = await pickArticle(request);
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  const count = article.script.sentences.length;
  await expect(page.locator('tts-reader article .s')).toHaveCount(count);

  await tts.hold();
  await play(page).click();
  await expect(pause(page)).toBeVisible();

  // One step per utterance: note what is highlighted and what is being said, then let it end.
  const seen: number[] = [];
  for (let guard = 0; guard < count * 10; guard++) {
    const marked = await currentSentence(page).evaluateAll((elements) => elements.map((e) => Number((e as HTMLElement).dataset.i)));
    expect(marked).toHaveLength(1); // exactly one aria-current, at every step
    const index = marked[0]!;
    if (seen.at(-1) !== index) seen.push(index);
    const speaking = await stepAndTell(page);
    if (!speaking) {
      if (await play(page).isVisible()) break; // read to the end
      continue; // between two utterances
    }
    // What was being spoken is the highlighted sentence (or a clause of it).
    expect(article.script.sentences[index]!.spoken).toContain(speaking);
  }
  expect(seen).toEqual(article.script.sentences.map((_, i) => i));
  await expect(play(page)).toBeVisible();
  await expect(announcer(page)).toHaveText('已读完全文');
  // Every sentence was spoken, in order, and nothing else.
  expect((await tts.spokenTexts()).join('')).toBe(article.script.sentences.map((s) => s.spoken).join(''));
});

test('pause and resume come back to the same sentence', async ({ page, request }) => {
  const article = await pickArticle(request);
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  await tts.hold();
  await play(page).click();
  await expect(announcer(page)).toHaveText('正在朗读');
  while ((await currentIndex(page)) < 3) await step(page);
  const index = await currentIndex(page);

  await pause(page).click();
  await expect(play(page)).toBeVisible();
  await expect(announcer(page)).toHaveText('已暂停');
  expect(await currentIndex(page)).toBe(index);
  expect(await tts.current()).toBeNull();

  await tts.clearLog();
  await play(page).click();
  await expect(pause(page)).toBeVisible();
  expect(await currentIndex(page)).toBe(index);
  // Spoken again from the start of that sentence.
  await expect.poll(async () => (await tts.queuedTexts()).length).toBe(1);
  expect(article.script.sentences[index]!.spoken.startsWith((await tts.queuedTexts())[0]!)).toBe(true);
});

test('a rate change in mid-sentence says that sentence again at the new rate', async ({ page, request }) => {
  const article = await pickArticle(request);
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  await tts.hold();
  await play(page).click();
  await step(page);
  await step(page);
  // Titles and bylines are followed by a short silence before the next utterance.
  await expect.poll(() => tts.current()).not.toBeNull();
  const index = await currentIndex(page);
  const speaking = (await tts.current())!;
  expect(speaking.rate).toBe(1);

  await showSettings(page);
  const rate = page.getByRole('slider', { name: '语速' });
  await expect(rate).toHaveAttribute('aria-valuetext', '1 倍');
  await rate.focus();
  await page.keyboard.press('ArrowRight'); // one step: 1.05
  await expect(rate).toHaveAttribute('aria-valuetext', '1.05 倍');

  await expect.poll(async () => (await tts.current())?.rate).toBe(1.05);
  const log = await tts.log();
  const again = log.at(-1)!;
  expect(again.text).toBe(speaking.text);
  expect(log.find((e) => e.id === speaking.id)!.outcome).toMatch(/^error:(interrupted|canceled)$/);
  expect(await currentIndex(page)).toBe(index);
  await expect(pause(page)).toBeVisible();
});

test('a rate preset applies and is remembered after a reload', async ({ page, request }) => {
  const article = await pickArticle(request);
  await installFakeSpeech(page);
  await openArticle(page, article);
  await showSettings(page);
  await page.getByRole('group', { name: '常用语速' }).getByRole('button', { name: '1.5 倍' }).click();
  await expect(page.getByRole('slider', { name: '语速' })).toHaveAttribute('aria-valuetext', '1.5 倍');
  await expect(page.getByRole('button', { name: '1.5 倍' })).toHaveAttribute('aria-pressed', 'true');

  await page.reload();
  await showSettings(page);
  await expect(page.getByRole('slider', { name: '语速' })).toHaveAttribute('aria-valuetext', '1.5 倍');
  await expect(page.getByRole('slider', { name: '语速' })).toHaveValue('1.5');
});

test('previous and next sentence, previous and next paragraph', async ({ page, request }) => {
  // A paragraph of two sentences or more, after the title and byline.
  const article = await pickArticle(request, {
    suits: (script) => script.blocks.some((b, i) => i >= 2 && b.kind === 'paragraph' && b.count >= 2 && i + 1 < script.blocks.length),
  });
  const { script } = article;
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  expect(await currentIndex(page)).toBe(0);

  // While stopped, the buttons move the reading position without speaking.
  await page.getByRole('button', { name: '下一句' }).click();
  expect(await currentIndex(page)).toBe(1);
  await page.getByRole('button', { name: '下一句' }).click();
  expect(await currentIndex(page)).toBe(2);
  await page.getByRole('button', { name: '上一句' }).click();
  expect(await currentIndex(page)).toBe(1);
  await expect(announcer(page)).toHaveText(`第 2 句，共 ${script.sentences.length} 句`);
  expect(await tts.log()).toEqual([]);

  // Next paragraph: the first sentence of the next block (title, byline, heading, paragraph).
  const blockOf = (i: number): number => script.sentences[i]!.block;
  const firstOfNextBlock = (i: number): number => script.blocks[blockOf(i) + 1]!.first;
  await page.getByRole('button', { name: '下一段' }).click();
  expect(await currentIndex(page)).toBe(firstOfNextBlock(1));
  const paragraph = script.blocks.find((b, i) => i >= 2 && b.kind === 'paragraph' && b.count >= 2)!;
  // Into a paragraph with several sentences, then back to its start, then to the previous block.
  // Held, so that the sentence is still being spoken when 暂停 is pressed (no race with its end).
  await tts.hold();
  await sentence(page, paragraph.first + 1).click(); // starts reading there
  await expect(pause(page)).toBeVisible();
  await pause(page).click();
  expect(await currentIndex(page)).toBe(paragraph.first + 1);
  await page.getByRole('button', { name: '上一段' }).click();
  expect(await currentIndex(page)).toBe(paragraph.first);
  await page.getByRole('button', { name: '上一段' }).click();
  expect(await currentIndex(page)).toBe(script.blocks[blockOf(paragraph.first) - 1]!.first);

  // While reading, they speak from the new position.
  await tts.hold();
  await play(page).click();
  const at = await currentIndex(page);
  await page.getByRole('button', { name: '下一段' }).click();
  const next = firstOfNextBlock(at);
  expect(await currentIndex(page)).toBe(next);
  await expect.poll(async () => script.sentences[next]!.spoken.startsWith((await tts.current())?.text ?? '∅')).toBe(true);
});

test('a tap on a sentence starts reading there', async ({ page, request }) => {
  const article = await pickArticle(request);
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  const target = Math.min(5, article.script.sentences.length - 1);
  await tts.hold();
  await sentence(page, target).click();

  await expect(pause(page)).toBeVisible();
  await expect(currentSentence(page)).toHaveAttribute('data-i', String(target));
  const first = (await tts.log())[0]!;
  expect(article.script.sentences[target]!.spoken.startsWith(first.text)).toBe(true);

  // Another tap while reading jumps there at once.
  await sentence(page, 1).click();
  await expect(currentSentence(page)).toHaveAttribute('data-i', '1');
  await expect.poll(async () => article.script.sentences[1]!.spoken.startsWith((await tts.current())?.text ?? '∅')).toBe(true);
});

test('selecting text in a sentence does not start reading', async ({ page, request }) => {
  const article = await pickArticle(request);
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  const target = sentence(page, 3);
  const box = (await target.boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + Math.min(box.width - 2, 80), box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(play(page)).toBeVisible();
  expect(await tts.log()).toEqual([]);
});

test('the spoken sentence is kept in view, unless the reader scrolls away: then 回到朗读位置 brings it back', async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 600 });
  await page.emulateMedia({ reducedMotion: 'reduce' }); // instant scrolling: positions can be checked at once
  const article = await pickArticle(request, { minSentences: 20 });
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  const player = page.getByRole('region', { name: '朗读控制' });
  const inView = async (): Promise<boolean> => {
    const box = (await currentSentence(page).boundingBox())!;
    const playerTop = (await player.boundingBox())!.y;
    return box.y >= 0 && box.y + box.height <= playerTop;
  };

  await tts.hold();
  await play(page).click();
  const last = article.script.sentences.length - 1;
  const target = Math.min(last - 3, 15);
  while ((await currentIndex(page)) < target) {
    await step(page);
    expect(await inView()).toBe(true);
  }
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0); // it did have to scroll

  // The listener scrolls back to the top on purpose: the reader stops following.
  await page.mouse.move(200, 200);
  await page.mouse.wheel(0, -100_000);
  const back = page.getByRole('button', { name: '回到朗读位置' });
  await expect(back).toBeVisible();
  await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
  await step(page);
  await step(page);
  expect(await page.evaluate(() => scrollY)).toBe(0);
  expect(await inView()).toBe(false);

  await back.click();
  await expect(back).toBeHidden();
  await expect(currentSentence(page)).toBeFocused();
  expect(await inView()).toBe(true);
  await expect(pause(page)).toBeVisible(); // still reading
});
