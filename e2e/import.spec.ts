import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { cleanText } from '../src/clean/index.ts';
import type { Article } from '../src/clean/types.ts';
import { readingScript } from '../src/library/script.ts';
import { installFakeSpeech } from './fixtures/fake-speech.ts';
import { announcer, currentIndex, currentSentence, libraryEntries, notices, pause, play, step } from './support/app.ts';
import { articleLabelOf } from '../src/library/label.ts';
import { expectNoViolations, expectNoSidewaysScroll } from './support/a11y.ts';
import { chooseFiles, expectTitles, importedItems, importedSection } from './support/import.ts';
import { formatImported } from '../src/strings-import.ts';

/**
 * Listening to text the listener brings: a page as a PDF extractor printed it, chosen as a file
 * (or several) or pasted, is cleaned on the device (in a Web Worker, by the build's cleaner) and
 * its articles are kept in IndexedDB, listed under 我导入的文章 with the file's name, opened and
 * played like the bundled ones, kept across reloads and offline, and deleted after a confirmation.
 * Bad input (empty, binary, a text named .pdf, no article) says why and adds nothing (PDFs
 * themselves: pdf-import.spec.ts).
 *
 * The expected articles are computed here with the same cleaner (src/clean), never hard-coded.
 */

const SEED_PATH = 'content/raw/000_8e04ed7bb1f39c91.txt';
const SEED_NAME = '000_8e04ed7bb1f39c91.txt';
const GB18030_PATH = 'e2e/fixtures/import/04-gb18030.txt';

function articlesOf(utf8Path: string): Article[] {
  return cleanText(readFileSync(utf8Path, 'utf8')).articles;
}

const seedArticles = articlesOf(SEED_PATH);
const seedNotes = cleanText(readFileSync(SEED_PATH, 'utf8')).notes;
const page04Articles = articlesOf('src/clean/fixtures/04/raw.txt');

test('a raw page file: its articles listed as the listener’s own, one opens and plays, and after a reload it is there at the same sentence', async ({ page, request }) => {
  const bundled = await libraryEntries(request);
  const tts = await installFakeSpeech(page);
  await page.goto('/');
  await expect(importedSection(page).getByText('还没有导入文章。')).toBeVisible();

  // The cleaning runs in the import worker, whose script is the built chunk.
  const workerScript = page.waitForResponse(/\/assets\/import-worker-[\w-]+\.js$/);
  await chooseFiles(page, SEED_PATH);
  expect((await workerScript).ok()).toBe(true);
  const titles = seedArticles.map((a) => articleLabelOf(a));
  await expect(announcer(page)).toHaveText(formatImported(titles));
  await expectTitles(page, titles);
  for (const item of await importedItems(page).all()) await expect(item).toContainText(`来源：${SEED_NAME}`);
  // The bundled articles are still listed, on their own.
  await expect(page.getByRole('region', { name: '文章', exact: true }).getByRole('listitem')).toHaveCount(bundled.length);

  const article = [...seedArticles].sort((a, b) => readingScript(b).sentences.length - readingScript(a).sentences.length)[0]!;
  // As the app reads it: the page's notes after the first article of the page.
  const script = readingScript(article, { notes: article === seedArticles[0] ? seedNotes : [] });
  await importedSection(page).getByRole('link', { name: articleLabelOf(article), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: articleLabelOf(article) })).toBeFocused();
  expect(new URL(page.url()).hash).toMatch(/^#\/article\/u-a-/);
  await expect(page.locator('tts-reader article .s')).toHaveCount(script.sentences.length);

  await tts.hold();
  await play(page).click();
  await expect(pause(page)).toBeVisible();
  expect(await currentIndex(page)).toBe(0);
  await step(page);
  await expect.poll(() => currentIndex(page)).toBe(1);
  await step(page);
  await expect.poll(() => currentIndex(page)).toBe(2);
  await expect(currentSentence(page)).toHaveText(script.sentences[2]!.text);
  expect(await tts.spokenTexts()).toEqual([script.sentences[0]!.spoken, script.sentences[1]!.spoken]);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: articleLabelOf(article) })).toBeVisible();
  await expect(currentSentence(page)).toHaveAttribute('data-i', '2');
  await expect(announcer(page)).toHaveText(`回到上次的位置：第 3 句，共 ${script.sentences.length} 句`);

  await page.getByRole('link', { name: '返回文章列表' }).click();
  await expectTitles(page, titles);
  const item = importedItems(page).filter({ has: page.getByRole('link', { name: articleLabelOf(article), exact: true }) });
  await expect(item).toContainText('已听');
  await expect(page.getByRole('link', { name: `继续收听：${articleLabelOf(article)}` })).toBeVisible();
});

test('a GB18030 file is decoded and imported like UTF-8', async ({ page }) => {
  await page.goto('/');
  await chooseFiles(page, GB18030_PATH);
  const titles = page04Articles.map((a) => articleLabelOf(a));
  await expect(announcer(page)).toHaveText(formatImported(titles));
  await expectTitles(page, titles);
  const article = page04Articles[0]!;
  await importedSection(page).getByRole('link', { name: articleLabelOf(article), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: articleLabelOf(article) })).toBeFocused();
  await expect(page.locator('tts-reader article [data-i="1"]')).toHaveText(readingScript(article).sentences[1]!.text);
});

test('a binary file, an empty file, a text file named .pdf and unreadable extracted text: each says why, by name, and nothing is added', async ({ page }) => {
  await page.goto('/');
  await chooseFiles(page, [
    { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) },
    { name: '空.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'page.pdf', mimeType: 'application/pdf', buffer: Buffer.from(readFileSync(SEED_PATH)) },
    // What an extractor prints from a PDF whose fonts have no Unicode mapping.
    { name: '乱码.txt', mimeType: 'text/plain', buffer: Buffer.from('!"#$%&\'()*+,-./ 0 1\n2 3 4 5 6 7 8 9 : ; < = > ? @\n#$% &\'( )*+ ,-. /01 234\n') },
  ]);
  const alert = importedSection(page).getByRole('alert');
  await expect(alert).toContainText('“photo.png”不是文本文件');
  await expect(alert).toContainText('“空.txt”是空的，里面没有文字。');
  await expect(alert).toContainText('“page.pdf”不是 PDF 文件');
  await expect(alert).toContainText('“乱码.txt”里的文字无法识别');
  await expect(importedItems(page)).toHaveCount(0);
  await expect(importedSection(page).getByText('还没有导入文章。')).toBeVisible();
  await expect(page.getByRole('button', { name: '导入文件' })).toBeEnabled();
  // "正在导入…" is not left in the status region: nothing was imported, the alert says why.
  await expect(announcer(page)).toHaveText('');

  await page.reload();
  await expect(importedSection(page).getByText('还没有导入文章。')).toBeVisible();
  await expect(importedItems(page)).toHaveCount(0);
});

test('pasted text: text without an article is kept with the reason; a page is imported and the dialog closes', async ({ page }) => {
  await page.goto('/');
  const trigger = page.getByRole('button', { name: '粘贴文本' });
  await trigger.click();
  const dialog = page.getByRole('dialog', { name: '粘贴文本' });
  const text = dialog.getByRole('textbox', { name: '报纸版面的文字' });
  await expect(text).toBeFocused();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();

  await trigger.click();
  await text.fill('hello world');
  await dialog.getByRole('button', { name: '导入', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('在“粘贴的文本”里没有找到文章。听读能整理的是从报纸版面 PDF 提取出的中文文字。');
  await expect(text).toHaveValue('hello world');
  await expect(importedItems(page)).toHaveCount(0);

  await text.fill(readFileSync('src/clean/fixtures/01/raw.txt', 'utf8'));
  await dialog.getByRole('button', { name: '导入', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
  const titles = articlesOf('src/clean/fixtures/01/raw.txt').map((a) => articleLabelOf(a));
  await expect(announcer(page)).toHaveText(formatImported(titles));
  await expectTitles(page, titles);
  await expect(importedItems(page).first()).toContainText('来源：粘贴的文本');
});

test('删除 asks first: Esc (取消) keeps the article, 删除 removes it for good', async ({ page }) => {
  await page.goto('/');
  await chooseFiles(page, SEED_PATH);
  const [first, second] = seedArticles;
  await expectTitles(page, [articleLabelOf(first!), articleLabelOf(second!)]);

  const remove = importedSection(page).getByRole('button', { name: `删除《${articleLabelOf(first!)}》` });
  await remove.click();
  const dialog = page.getByRole('alertdialog', { name: '删除这篇导入的文章？' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(articleLabelOf(first!));
  await expect(dialog.getByRole('button', { name: '取消' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();
  await expectTitles(page, [articleLabelOf(first!), articleLabelOf(second!)]);

  await remove.click();
  await dialog.getByRole('button', { name: '删除', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(announcer(page)).toHaveText(`已删除：${articleLabelOf(first!)}`);
  await expectTitles(page, [articleLabelOf(second!)]);
  await expect(importedSection(page).getByRole('heading', { level: 2, name: '我导入的文章' })).toBeFocused();

  await page.reload();
  await expectTitles(page, [articleLabelOf(second!)]);
});

test('where the worker cannot start, the page cleans the text itself', async ({ page }) => {
  await page.addInitScript(() => {
    window.Worker = class {
      constructor() {
        throw new DOMException('workers are not allowed here', 'SecurityError');
      }
    } as unknown as typeof Worker;
  });
  await page.goto('/');
  await chooseFiles(page, SEED_PATH);
  await expectTitles(page, seedArticles.map((a) => articleLabelOf(a)));
});

test('stored imports that cannot be read are deleted with a notice, and the app starts', async ({ page }) => {
  await page.goto('/');
  await chooseFiles(page, SEED_PATH);
  await expectTitles(page, seedArticles.map((a) => articleLabelOf(a)));
  const broken = `u-${seedArticles[0]!.id}`;
  await page.evaluate(
    (id) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tingdu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('imported', 'readwrite');
          tx.objectStore('imported').put({ version: 1, entry: { id, title: 42 } }, id);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    broken,
  );
  await page.reload();
  await expect(notices(page)).toContainText('有导入的文章无法读取，已从这台设备上删除。');
  await expectTitles(page, [articleLabelOf(seedArticles[1]!)]);
  await expect(page.getByRole('heading', { level: 1, name: '听读' })).toBeVisible();
});

// One axe run a test: several in one would outlast the test timeout on a two-core machine.
for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [1280, 320]) {
    test(`axe finds nothing in the library with imported articles (${colorScheme}, ${width} px), and nothing scrolls sideways`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 800 });
      await page.goto('/');
      await chooseFiles(page, SEED_PATH);
      await expectTitles(page, seedArticles.map((a) => articleLabelOf(a)));
      await expectNoViolations(page);
      await expectNoSidewaysScroll(page);
    });
  }
}

test('axe finds nothing in the paste dialog (320 px), and nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/');
  await page.getByRole('button', { name: '粘贴文本' }).click();
  await expect(page.getByRole('dialog', { name: '粘贴文本' })).toBeVisible();
  await expectNoViolations(page);
  await expectNoSidewaysScroll(page);
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after the first visit, importing works offline: the worker comes from the cache', async ({ page, context }) => {
    const tts = await installFakeSpeech(page);
    await page.goto('/');
    await expect(notices(page)).toContainText('可离线使用');
    await page.reload(); // prompt mode: the first page is not controlled
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null)).toBe('activated');

    await context.setOffline(true);
    expect((await page.reload())?.fromServiceWorker()).toBe(true);
    const workerScript = page.waitForResponse(/\/assets\/import-worker-[\w-]+\.js$/);
    await chooseFiles(page, SEED_PATH);
    const response = await workerScript;
    expect(response.ok()).toBe(true);
    expect(response.fromServiceWorker()).toBe(true);
    await expectTitles(page, seedArticles.map((a) => articleLabelOf(a)));

    const article = seedArticles[0]!;
    await importedSection(page).getByRole('link', { name: articleLabelOf(article), exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: articleLabelOf(article) })).toBeFocused();
    await tts.hold();
    await play(page).click();
    await expect(pause(page)).toBeVisible();
    await step(page);
    await expect.poll(() => currentIndex(page)).toBe(1);
  });
});
