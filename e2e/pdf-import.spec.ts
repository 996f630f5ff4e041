import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Article } from '../src/clean/types.ts';
import { articleLabelOf } from '../src/library/label.ts';
import { readingScript } from '../src/library/script.ts';
import { brokenPdf, encryptedPdf, imageOnlyPdf, repeatPages, symbolSoupPdf } from '../src/pdf/testing/pdf-writer.ts';
import { pdfToPage } from '../scripts/pdf-node.ts';
import { installFakeSpeech } from './fixtures/fake-speech.ts';
import { expectNoViolations } from './support/a11y.ts';
import { announcer, currentIndex, notices, pause, play, startsOffline, step } from './support/app.ts';
import { chooseFiles, expectTitles, importedItems, importedSection } from './support/import.ts';
import { formatImported } from '../src/strings-import.ts';

/**
 * Newspaper page PDFs, imported through 导入文件: read with pdf.js in the import worker and laid
 * out from their geometry (src/pdf/). The expected articles are computed here by the same layout
 * in Node (pdf.js's legacy build), never hard-coded. Bad PDFs are made in the test.
 */

const PAGE_A = 'corpus/001/page.pdf';
const PAGE_B = 'corpus/002/page.pdf';

async function articlesOf(path: string): Promise<Article[]> {
  return (await pdfToPage(new Uint8Array(readFileSync(path)))).articles;
}

const pdfFile = (name: string, bytes: Uint8Array) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) });

test('a newspaper page PDF: its articles listed with their titles, one opens and plays', async ({ page }) => {
  const articles = await articlesOf(PAGE_A);
  expect(articles.length).toBeGreaterThan(1);
  const tts = await installFakeSpeech(page);
  await page.goto('/');
  // pdf.js is not part of the first load: it comes with the first PDF.
  const pdfjs = page.waitForResponse(/\/assets\/pdfjs-[\w-]+\.js$/);
  await chooseFiles(page, { name: '001.pdf', mimeType: 'application/pdf', buffer: readFileSync(PAGE_A) });
  expect((await pdfjs).ok()).toBe(true);
  const titles = articles.map(articleLabelOf);
  await expect(announcer(page)).toHaveText(formatImported(titles));
  await expectTitles(page, titles);
  await expect(importedItems(page).first()).toContainText('来源：001.pdf');

  const article = articles.find((a) => a.title !== null)!;
  const script = readingScript(article);
  await importedSection(page).getByRole('link', { name: article.title!, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: article.title! })).toBeFocused();
  await expect(page.locator('tts-reader article .s')).toHaveCount(script.sentences.length);
  await tts.hold();
  await play(page).click();
  await expect(pause(page)).toBeVisible();
  await step(page);
  await expect.poll(() => currentIndex(page)).toBe(1);
  expect(await tts.spokenTexts()).toEqual([script.sentences[0]!.text]);
});

test('bad PDFs: each says why, by name, and nothing is added', async ({ page }) => {
  await page.goto('/');
  await chooseFiles(page, [
    pdfFile('locked.pdf', encryptedPdf()),
    pdfFile('scan.pdf', imageOnlyPdf()),
    pdfFile('broken.pdf', brokenPdf()),
    pdfFile('soup.pdf', await symbolSoupPdf()),
  ]);
  const alert = importedSection(page).getByRole('alert');
  await expect(alert).toContainText('“locked.pdf”有密码保护');
  await expect(alert).toContainText('“scan.pdf”：这是扫描图片，没有可读的文字');
  await expect(alert).toContainText('“broken.pdf”已损坏');
  await expect(alert).toContainText('“soup.pdf”里的文字无法识别');
  await expect(importedItems(page)).toHaveCount(0);
  await expect(importedSection(page).getByText('还没有导入文章。')).toBeVisible();
  await expect(announcer(page)).toHaveText('');
});

test('a PDF of hundreds of pages: its progress is shown, and 取消 stops it with nothing added', async ({ page }) => {
  const many = await repeatPages(new Uint8Array(readFileSync(PAGE_B)), 300);
  await page.goto('/');
  await chooseFiles(page, pdfFile('edition.pdf', many));
  const progress = importedSection(page).getByRole('progressbar', { name: /正在读取“edition\.pdf”：第 \d+ 页，共 300 页/u });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('max', '300');
  // The progress bar and 取消 pass axe while the pages are read.
  await expectNoViolations(page);
  await importedSection(page).getByRole('button', { name: '取消' }).click();
  await expect(announcer(page)).toHaveText('已取消导入，没有导入任何文章。');
  await expect(progress).toBeHidden();
  await expect(importedSection(page).getByRole('button', { name: '取消' })).toBeHidden();
  await expect(importedItems(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: '导入文件' })).toBeEnabled();
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after a first PDF import, a second PDF imports with the network gone', async ({ page, context }) => {
    const [first, second] = [await articlesOf(PAGE_A), await articlesOf(PAGE_B)];
    await page.goto('/');
    await expect(notices(page)).toContainText('可离线使用');
    await page.reload(); // prompt mode: the first page is not controlled
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null)).toBe('activated');
    await chooseFiles(page, { name: 'a.pdf', mimeType: 'application/pdf', buffer: readFileSync(PAGE_A) });
    await expectTitles(page, first.map(articleLabelOf));

    await context.setOffline(true);
    await startsOffline(page);
    expect((await page.reload())?.fromServiceWorker()).toBe(true);
    const pdfjs = page.waitForResponse(/\/assets\/pdfjs-[\w-]+\.js$/);
    await chooseFiles(page, { name: 'b.pdf', mimeType: 'application/pdf', buffer: readFileSync(PAGE_B) });
    expect((await pdfjs).fromServiceWorker()).toBe(true);
    await expectTitles(page, [...first, ...second].map(articleLabelOf));
  });
});
