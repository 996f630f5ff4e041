import { expect, test, type Page } from '@playwright/test';
import { installFakeSpeech, type FakeSpeech } from './fixtures/fake-speech.ts';
import { announcer, pause, play, sentence } from './support/app.ts';
import { pasteAndOpen, spokenArticle, spokenTitle } from './support/spoken-page.ts';

/**
 * What is said is not always what is shown: a pasted article holding every case the spoken form
 * rewrites is read with numbers, units and symbols in words, while the page shows the text as
 * printed; titles and headings are utterances of their own; the word being said is marked where
 * the voice reports words, and only there.
 */

/** Lets the fake read the whole article, and returns what was said, utterance by utterance. */
async function readToEnd(page: Page, tts: FakeSpeech): Promise<string[]> {
  await tts.clearLog();
  const last = (await page.locator('tts-reader article .s').count()) - 1;
  await play(page).click();
  await expect(page.locator('[aria-current="true"]')).toHaveAttribute('data-i', String(last), { timeout: 30_000 });
  await expect(play(page)).toBeVisible();
  await expect(announcer(page)).toHaveText('已读完全文');
  return tts.spokenTexts();
}

test('a pasted article is read with numbers, units and symbols in words; the page shows it as printed', async ({ page }) => {
  test.setTimeout(60_000);
  const tts = await installFakeSpeech(page);
  await pasteAndOpen(page);
  const said = await readToEnd(page, tts);
  const all = said.join('');
  for (const words of [
    '17到4摄氏度', // 17~4℃
    '百分之20', // 20%
    '3点4公里', // 3.4km
    '120平方米', // 120m²
    '5千克', // 5kg
    '2024年8月1日', // 2024-08-01
    '14点', // 14:00
    '2010到2015年', // 2010-2015年
    '1 3 8 1 2 3 4 5 6 7 8', // a phone number, digit by digit
    'J Y 1 4 3 1 0 2 1 0 3 3 6 2 6 0', // an id, letter by letter and digit by digit
    '工程在2024年完成', // 2 0 2 4年, spaced by the extractor
    '国四', // 国Ⅳ
    'G D P',
    'A P P',
    'P M 2点5',
  ]) {
    expect(all, words).toContain(words);
  }
  for (const utterance of said) {
    expect(utterance).not.toMatch(/[●■※~～【】Ⅳ]|km|kg|m²|℃|%|\d\.\d|\d{7,}/);
  }
  // The page shows the text as printed.
  const article = page.getByRole('article', { name: '正文' });
  for (const printed of ['17~4℃', '20%', '3.4km', '120m²', '2024-08-01', '14:00', 'JY14310210336260', '2 0 2 4', '国Ⅳ', '●当地GDP', '■多款APP', 'PM2.5', '——', '【链接】……']) {
    await expect(article).toContainText(printed);
  }
});

test('the title and each section heading are utterances of their own, announced when asked', async ({ page }) => {
  test.setTimeout(60_000);
  const tts = await installFakeSpeech(page);
  await pasteAndOpen(page);
  const heading = spokenArticle.sections[1]!.heading!;
  let said = await readToEnd(page, tts);
  expect(said[0]).toBe(spokenTitle);
  expect(said).toContain(heading);
  // The sentence after the heading is not run into it.
  expect(said[said.indexOf(heading) + 1]!.startsWith('城区绿道工程在')).toBe(true);

  await page.getByRole('button', { name: '设置' }).click();
  const dialog = page.getByRole('dialog', { name: '设置' });
  await dialog.getByRole('checkbox', { name: '朗读标题和小标题时先报“标题”“小标题”' }).check();
  await dialog.getByRole('button', { name: '关闭' }).click();
  said = await readToEnd(page, tts);
  expect(said[0]).toBe(`标题：${spokenTitle}`);
  expect(said).toContain(`小标题：${heading}`);
  // Only the spoken form changed.
  await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
});

/** Records, from the page, each text the word highlight marks (in order, no repeats) and the most ranges at once. */
async function watchWordHighlight(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log: string[] = [];
    const w = window as unknown as { __words: string[]; __mostRanges: number };
    w.__words = log;
    w.__mostRanges = 0;
    const sample = (): void => {
      const highlight = CSS.highlights.get('tts-word');
      const ranges = highlight ? [...highlight] : [];
      w.__mostRanges = Math.max(w.__mostRanges, ranges.length);
      const text = ranges.map((r) => r.toString()).join('|');
      if (text && log.at(-1) !== text) log.push(text);
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
}

const words = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __words: string[] }).__words);
const mostRanges = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { __mostRanges: number }).__mostRanges);

/** Index of the sentence holding `text` in the reader. */
async function sentenceWith(page: Page, text: string): Promise<number> {
  const index = await page
    .locator('tts-reader article .s')
    .evaluateAll((elements, wanted) => elements.findIndex((e) => e.textContent?.includes(wanted)), text);
  expect(index).toBeGreaterThanOrEqual(0);
  return index;
}

test('with word boundaries, the word being said is marked in the shown text, moving as the voice goes', async ({ page }) => {
  await installFakeSpeech(page, { boundaryEvery: 2, msPerChar: 120 });
  await pasteAndOpen(page);
  const index = await sentenceWith(page, '3.4km');
  await watchWordHighlight(page);
  await sentence(page, index).click();
  await expect(pause(page)).toBeVisible();
  // Said as 全程3点4公里的绿道…: the words 3点 and 4公 mark the printed 3.4km.
  await expect.poll(() => words(page), { timeout: 15_000 }).toEqual(expect.arrayContaining(['全程', '3.4km', '绿道']));
  const seen = await words(page);
  expect(seen.indexOf('全程')).toBeLessThan(seen.indexOf('3.4km'));
  expect(seen.indexOf('3.4km')).toBeLessThan(seen.indexOf('绿道'));
  // Every mark is shown text of the sentence being read, one range at a time.
  const shown = (await sentence(page, index).textContent())!;
  for (const word of seen.slice(0, seen.indexOf('绿道') + 1)) expect(shown).toContain(word);
  expect(await mostRanges(page)).toBe(1);
  // Nothing changed in the DOM for a word: the sentence is still one text node.
  expect(await sentence(page, index).evaluate((e) => e.childNodes.length)).toBe(1);
  await pause(page).click();
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('tts-word')?.size ?? 0)).toBe(0);
});

test('without word boundaries no word is marked: the sentence alone', async ({ page }) => {
  // A voice that sends no boundary events (Chrome's Google voices, Android, Linux).
  const tts = await installFakeSpeech(page, { boundaryEvery: 0 });
  await pasteAndOpen(page);
  const index = await sentenceWith(page, '3.4km');
  await watchWordHighlight(page);
  await sentence(page, index).click();
  await expect(page.locator('[aria-current="true"]')).toHaveAttribute('data-i', String(index));
  // The whole sentence is spoken (its utterances ended) and the next one is highlighted.
  await expect(page.locator('[aria-current="true"]')).toHaveAttribute('data-i', String(index + 1), { timeout: 15_000 });
  expect(await mostRanges(page)).toBe(0);
  await pause(page).click();
  expect((await tts.spokenTexts()).length).toBeGreaterThan(0);
});

test('the word highlight setting turns it off even when the voice sends word boundaries', async ({ page }) => {
  await installFakeSpeech(page, { boundaryEvery: 2, msPerChar: 30 });
  await pasteAndOpen(page);
  await page.getByRole('button', { name: '设置' }).click();
  const dialog = page.getByRole('dialog', { name: '设置' });
  await dialog.getByRole('checkbox', { name: '标出正在读的词' }).uncheck();
  await dialog.getByRole('button', { name: '关闭' }).click();
  const index = await sentenceWith(page, '3.4km');
  await watchWordHighlight(page);
  // Boundaries reach the page: count them on the utterances the app speaks.
  await page.evaluate(() => {
    const w = window as unknown as { __boundaries: number };
    w.__boundaries = 0;
    const speak = speechSynthesis.speak.bind(speechSynthesis);
    speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      u.addEventListener('boundary', () => w.__boundaries++);
      speak(u);
    };
  });
  await sentence(page, index).click();
  await expect(page.locator('[aria-current="true"]')).toHaveAttribute('data-i', String(index + 1), { timeout: 15_000 });
  expect(await page.evaluate(() => (window as unknown as { __boundaries: number }).__boundaries)).toBeGreaterThan(3);
  expect(await mostRanges(page)).toBe(0);
});
