import { expect, test, type Page } from '@playwright/test';
import { installFakeSpeech } from './fixtures/fake-speech.ts';
import { announcer, currentIndex, currentSentence, notices, openArticle, pause, pickArticle, play, showSettings, step } from './support/app.ts';

/**
 * What the app remembers on the device: the reading position in each article (IndexedDB, saved at
 * every sentence), hence the last article read (继续收听) and each article's progress (已听 35%),
 * and the settings (localStorage). Whatever the storage holds, garbage included, the app starts;
 * what it had to reset, it says; a full disk loses nothing that is in memory.
 */

/**
 * Runs `write` (which fills the app's storage) in a page of the app's origin that does not run the
 * app (a published JSON file), so the app cannot open the database first.
 */
async function beforeTheApp(page: Page, write: (arg: string | null) => Promise<void>, arg: string | null): Promise<void> {
  await page.goto('articles/editions.json');
  await page.evaluate(write, arg);
}

test('reload in the middle of an article: the same sentence, highlighted and in view, and 播放 goes on from it', async ({ page, request }) => {
  const article = await pickArticle(request, { minSentences: 20 });
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  await tts.hold();
  await play(page).click();
  while ((await currentIndex(page)) < 14) await step(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: article.label })).toBeVisible();
  await expect(currentSentence(page)).toHaveCount(1);
  await expect(currentSentence(page)).toHaveAttribute('data-i', '14');
  await expect(currentSentence(page)).toBeInViewport();
  await expect(announcer(page)).toHaveText(`回到上次的位置：第 15 句，共 ${article.script.sentences.length} 句`);
  await expect(page.getByText(`第 15 句，共 ${article.script.sentences.length} 句`, { exact: true })).toBeVisible();

  await tts.hold();
  await play(page).click();
  await expect(pause(page)).toBeVisible();
  await expect.poll(async () => (await tts.queuedTexts()).length).toBeGreaterThan(0);
  expect(article.script.sentences[14]!.spoken.startsWith((await tts.queuedTexts())[0]!)).toBe(true);
  await step(page);
  await expect.poll(() => currentIndex(page)).toBeGreaterThanOrEqual(14);
});

test('opened from the library, an article opens where it was left, in view, title focused without scrolling away', async ({ page, request }) => {
  const article = await pickArticle(request, { minSentences: 20 });
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  await page.getByRole('button', { name: '下一段' }).click();
  await page.getByRole('button', { name: '下一段' }).click();
  await page.getByRole('button', { name: '下一段' }).click();
  const index = await currentIndex(page);
  expect(index).toBeGreaterThan(2);
  await tts.clearLog();

  await page.getByRole('link', { name: '返回文章列表' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '听读' })).toBeFocused();
  await page.getByRole('link', { name: article.label, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: article.label })).toBeFocused();
  await expect(currentSentence(page)).toHaveAttribute('data-i', String(index));
  await expect(currentSentence(page)).toBeInViewport();
});

test('the library shows how much of each article was heard, and 继续收听 takes the listener back to the last one', async ({ page, request }) => {
  const article = await pickArticle(request, { minSentences: 20 });
  const tts = await installFakeSpeech(page);
  await page.goto('/');
  await expect(page.getByRole('link', { name: /^继续收听/ })).toHaveCount(0); // nothing heard yet
  await page.getByRole('link', { name: article.label, exact: true }).click();
  await tts.hold();
  await play(page).click();
  while ((await currentIndex(page)) < 7) await step(page);
  await pause(page).click();
  const count = article.script.sentences.length;
  const percent = Math.floor((7 / count) * 100);

  await page.getByRole('link', { name: '返回文章列表' }).click();
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: article.label, exact: true }) });
  await expect(item).toContainText(`已听 ${percent}%`);
  // The others were not opened: nothing said about them.
  await expect(page.getByRole('listitem').filter({ hasText: '已听' })).toHaveCount(1);

  const resume = page.getByRole('link', { name: `继续收听：${article.label}` });
  await expect(resume).toBeVisible();
  await expect(page.getByText(`第 8 句，共 ${count} 句`)).toBeVisible();

  // Also after a reload (it comes from IndexedDB, not from memory).
  await page.reload();
  await expect(resume).toBeVisible();
  await expect(item).toContainText(`已听 ${percent}%`);

  await resume.click();
  await expect(page.getByRole('heading', { level: 1, name: article.label })).toBeFocused();
  await expect(currentSentence(page)).toHaveAttribute('data-i', '7');
  await expect(currentSentence(page)).toBeInViewport();
});

test('an article read to its end: 已听完, no 继续收听 for it, and it starts over when opened', async ({ page, request }) => {
  const article = await pickArticle(request, { minSentences: 6 });
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  // Move to the last sentence and let it be read.
  await tts.hold();
  await page.locator(`tts-reader article [data-i="${article.script.sentences.length - 1}"]`).click();
  await expect(pause(page)).toBeVisible();
  await tts.release(); // the last sentence (however many utterances it takes) is read to its end
  await expect(play(page)).toBeVisible();
  await expect(announcer(page)).toHaveText('已读完全文');

  await page.getByRole('link', { name: '返回文章列表' }).click();
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: article.label, exact: true }) });
  await expect(item).toContainText('已听完');
  await expect(page.getByRole('link', { name: /^继续收听/ })).toHaveCount(0);
  await page.getByRole('link', { name: article.label, exact: true }).click();
  await expect(currentSentence(page)).toHaveAttribute('data-i', '0');
});

test('garbage in IndexedDB and localStorage: the app starts, says what it reset, keeps the good data, and works', async ({ page, request }) => {
  const article = await pickArticle(request, { minSentences: 10 });
  const good = article.entry.id;
  await beforeTheApp(
    page,
    (id) =>
      new Promise<void>((resolve) => {
        localStorage.setItem('tingdu.settings', '{"version":2,"rate":');
        const open = indexedDB.open('tingdu', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('positions');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('positions', 'readwrite');
          const store = tx.objectStore('positions');
          store.put('not a position', 'x-1');
          store.put({ articleId: 'x-2', sentence: 'three' }, 'x-2');
          store.put({ version: 99, articleId: 'x-3', sentence: 1, sentences: 5, updatedAt: 1 }, 'x-3');
          store.put([1, 2, 3], 42);
          // One valid position among the garbage: kept.
          store.put({ version: 1, articleId: id, sentence: 3, sentences: 10, updatedAt: Date.now() }, id ?? '');
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
        };
      }),
    good,
  );

  await installFakeSpeech(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '听读' })).toBeVisible();
  await expect(notices(page)).toContainText('保存的设置无法读取，已恢复默认设置。');
  await expect(notices(page)).toContainText('保存的收听进度无法读取，已清除。');
  await expect(page.getByRole('link', { name: `继续收听：${article.label}` })).toBeVisible();

  // The garbage is gone from storage: the next start says nothing.
  await page.reload();
  await expect(page.getByRole('link', { name: `继续收听：${article.label}` })).toBeVisible();
  await expect(notices(page)).not.toContainText('无法读取');
  // And the app works: open, play.
  const tts = await installFakeSpeech(page);
  await page.getByRole('link', { name: `继续收听：${article.label}` }).click();
  await expect(currentSentence(page)).toHaveAttribute('data-i', '3');
  await tts.hold();
  await play(page).click();
  await expect(pause(page)).toBeVisible();
});

test('a database that is not ours (wrong shape, newer version): replaced, said so, and positions are saved again', async ({ page, request }) => {
  const article = await pickArticle(request, { minSentences: 10 });
  await beforeTheApp(
    page,
    () =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('tingdu', 7);
        open.onupgradeneeded = () => open.result.createObjectStore('something-else');
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
      }),
    null,
  );
  const tts = await installFakeSpeech(page);
  await page.goto('/');
  await expect(notices(page)).toContainText('保存的收听进度无法读取，已清除。');
  await page.getByRole('link', { name: article.label, exact: true }).click();
  await tts.hold();
  await play(page).click();
  while ((await currentIndex(page)) < 3) await step(page);
  await page.reload();
  await expect(currentSentence(page)).toHaveAttribute('data-i', '3');
  await expect(notices(page)).not.toContainText('无法读取');
});

test('the disk is full: reading goes on, positions stay right for the session, the listener is told once', async ({ page, request }) => {
  const article = await pickArticle(request, { minSentences: 12 });
  // Every IndexedDB and localStorage write fails as on a full disk, once the page says so.
  await page.addInitScript(() => {
    const full = (): boolean => (window as unknown as { __diskFull?: boolean }).__diskFull === true;
    const quota = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (full()) throw quota();
      return put.apply(this, args);
    };
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (full()) throw quota();
      setItem.call(this, key, value);
    };
  });
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  await page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = true));
  await tts.hold();
  await play(page).click();
  while ((await currentIndex(page)) < 6) await step(page);

  const full = notices(page).getByText('设备存储空间已满');
  await expect(full).toHaveCount(1);
  await expect(pause(page)).toBeVisible(); // reading goes on
  // A settings change fails to be stored too: it applies all the same, and still one notice.
  await showSettings(page);
  await page.getByRole('group', { name: '常用语速' }).getByRole('button', { name: '1.25 倍' }).click();
  await expect(page.getByRole('slider', { name: '语速' })).toHaveAttribute('aria-valuetext', '1.25 倍');
  await expect.poll(async () => (await tts.current())?.rate).toBe(1.25);
  await expect(full).toHaveCount(1);
  await notices(page).getByRole('group', { name: /设备存储空间已满/ }).getByRole('button', { name: '知道了' }).click();
  await expect(full).toHaveCount(0);
  while ((await currentIndex(page)) < 8) await step(page);
  await expect(full).toHaveCount(0); // told once

  // In memory, the position is right: the library knows it.
  const index = await currentIndex(page);
  await pause(page).click();
  await page.getByRole('link', { name: '返回文章列表' }).click();
  await expect(page.getByText(`第 ${index + 1} 句，共 ${article.script.sentences.length} 句`)).toBeVisible();
});

test('settings survive a reload: theme, text size, keep the screen on', async ({ page, request }) => {
  const article = await pickArticle(request);
  await installFakeSpeech(page);
  await openArticle(page, article);
  const body = page.locator('tts-reader article');
  const normal = await body.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));

  await page.getByRole('button', { name: '设置' }).click();
  const dialog = page.getByRole('dialog', { name: '设置' });
  await dialog.getByRole('group', { name: '主题' }).getByRole('radio', { name: '深色' }).check();
  await dialog.getByRole('group', { name: '文章字号' }).getByRole('radio', { name: /^特大/ }).check();
  await dialog.getByRole('checkbox', { name: '朗读时保持屏幕常亮' }).uncheck();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await body.evaluate((p) => parseFloat(getComputedStyle(p).fontSize))).toBeCloseTo(normal * 1.5, 0);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByRole('button', { name: '设置' })).toBeFocused();

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await body.evaluate((p) => parseFloat(getComputedStyle(p).fontSize))).toBeCloseTo(normal * 1.5, 0);
  expect(await page.getByRole('heading', { level: 1 }).evaluate((h) => parseFloat(getComputedStyle(h).fontSize))).toBeCloseTo(26 * 1.5, 0);
  // The browser UI colour follows the chosen theme whatever the system's.
  expect(await page.locator('meta[name="theme-color"]').evaluateAll((metas) => metas.map((m) => (m as HTMLMetaElement).content))).toEqual([
    '#171614',
    '#171614',
  ]);
  await page.getByRole('button', { name: '设置' }).click();
  await expect(dialog.getByRole('radio', { name: '深色' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: '朗读时保持屏幕常亮' })).not.toBeChecked();
  await dialog.getByRole('radio', { name: '跟随系统' }).check();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
});

test('once the listener has heard something, the app asks the browser to keep its storage, once', async ({ page, request }) => {
  const article = await pickArticle(request, { minSentences: 6 });
  await page.addInitScript(() => {
    const calls: string[] = [];
    (window as unknown as { __persistCalls: string[] }).__persistCalls = calls;
    const storage = navigator.storage;
    storage.persisted = async () => (calls.push('persisted'), false);
    storage.persist = async () => (calls.push('persist'), true);
  });
  const persistCalls = (): Promise<string[]> => page.evaluate(() => [...(window as unknown as { __persistCalls: string[] }).__persistCalls]);
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  await page.getByRole('button', { name: '下一句' }).click(); // moving around is not listening
  expect(await persistCalls()).toEqual([]);
  await tts.hold();
  await play(page).click();
  while ((await currentIndex(page)) < 3) await step(page);
  await expect.poll(persistCalls).toEqual(['persisted', 'persist']);
  while ((await currentIndex(page)) < 5) await step(page);
  expect(await persistCalls()).toEqual(['persisted', 'persist']);
});
